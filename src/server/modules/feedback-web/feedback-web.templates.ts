import QRCode from 'qrcode';
import { html, joinHtml, page, type Html } from '../../lib/html';
import type { FormStaff, FormUnit } from './feedback-web.repository';
import {
  FEEDBACK_KINDS,
  TEXTS,
  type FeedbackKind,
  type FormField,
  type Language,
} from './feedback-web.texts';

// The public feedback pages as HTML: the form, the thanks, the refusal of a flood and the printed
// page for a centre's counter. Plain forms that work without JavaScript, on a phone and with a
// screen reader.

export const FORM_PATH = '/feedback';

/** The form's limits, as the page tells them; the parser and the service enforce them. */
export interface FormLimits {
  textMax: number;
  files: number;
  fileMegabytes: number;
}

const STYLE = `
header { background: #0b4f6c; color: #fff; padding: .75rem 1rem; display: flex; gap: 1rem; justify-content: space-between; align-items: baseline; flex-wrap: wrap; }
header .site { font-weight: 600; }
header a { color: #fff; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
a { color: #0b4f6c; }
a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, .error-summary:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
.intro { font-size: 1.1rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; min-width: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: .5rem; font-size: 1.1rem; }
.field { margin: 0 0 1.5rem; }
.field > label:not(.option) { display: block; font-weight: 600; margin-bottom: .35rem; }
.marker { font-weight: 400; color: #4a5560; }
.hint { color: #4a5560; margin: 0 0 .5rem; }
.option { display: flex; align-items: center; gap: .6rem; font-weight: 400; padding: .55rem .75rem; margin: .35rem 0; border: 2px solid #c3cbd2; border-radius: 6px; cursor: pointer; }
.option input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; }
.option:has(input:checked) { border-color: #0b4f6c; background: #eef5f8; }
input[type=text], input[type=email], input[type=tel], select, textarea { display: block; width: 100%; padding: .5rem .75rem; font: inherit; color: inherit; background: #fff; border: 2px solid #55606b; border-radius: 6px; }
textarea { min-height: 10rem; }
input[type=file] { font: inherit; max-width: 100%; }
.invalid { border-left: 4px solid #b3261e; padding-left: .9rem; }
.invalid input[type=text], .invalid input[type=email], .invalid input[type=tel], .invalid select, .invalid textarea { border-color: #b3261e; }
.error { color: #b3261e; font-weight: 600; margin: 0 0 .5rem; }
.error-summary { border: 4px solid #b3261e; padding: 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #b3261e; font-weight: 600; }
.notice { border-left: 6px solid #0b4f6c; background: #eef5f8; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.reference { font-size: 1.6rem; font-weight: 700; letter-spacing: .03em; margin: 0; }
.buttons { margin: 2rem 0 1rem; }
button { padding: .75rem 1.5rem; font: inherit; font-weight: 600; border-radius: 6px; cursor: pointer; min-width: 8rem; color: #fff; background: #0b4f6c; border: 2px solid #0b4f6c; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (min-width: 48rem) { main { padding: 2rem 1rem; } h1 { font-size: 2rem; } }`;

/** The printed page: one A4 sheet, large type, the code in the middle. */
const PRINT_STYLE = `
header { padding: .75rem 1rem; border-bottom: 2px solid #0b4f6c; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; text-align: center; }
h1 { font-size: 2.4rem; line-height: 1.2; margin: 0 0 .5rem; color: #0b4f6c; }
.unit { font-size: 1.5rem; font-weight: 600; margin: 0 0 1.5rem; }
.invitation { font-size: 1.25rem; margin: 0 0 .5rem; }
.invitation.en { color: #3a434c; font-size: 1.1rem; margin-bottom: 1.5rem; }
.qr { display: block; width: min(80vw, 9.5cm); height: auto; margin: 0 auto 1.5rem; }
.address { font-size: 1.6rem; font-weight: 700; overflow-wrap: anywhere; margin: 0; }
@page { size: A4; margin: 15mm; }
@media print { header { display: none; } main { padding: 0; } }`;

function feedbackPage(options: {
  language: Language;
  title: string;
  /** The same page in the other language: a path with its query, without `lang`. */
  switchPath: string;
  content: Html;
  hasErrors?: boolean;
}): Html {
  const { language } = options;
  const texts = TEXTS[language];
  const other: Language = language === 'lv' ? 'en' : 'lv';
  const joiner = options.switchPath.includes('?') ? '&' : '?';
  return page({
    lang: language,
    title: (options.hasErrors ? `${texts.errorPrefix}: ` : '') + options.title,
    site: texts.site,
    style: STYLE,
    // A resident's words and contact details are on these pages once posted.
    noindex: true,
    header: html`<span class="site">${texts.site}</span>
<nav aria-label="${texts.switchTo}"><a href="${options.switchPath}${joiner}lang=${other}" lang="${other}" hreflang="${other}">${TEXTS[other].languageName}</a></nav>`,
    main: options.content,
  });
}

/** What the form shows in its fields: empty at first, what was sent when it is refused. */
export interface FormValues {
  kind: string;
  unitId: string;
  staffId: string;
  text: string;
  name: string;
  email: string;
  phone: string;
}

export const EMPTY_FORM: FormValues = {
  kind: '',
  unitId: '',
  staffId: '',
  text: '',
  name: '',
  email: '',
  phone: '',
};

/** Where an error in the summary leads: the control itself, or a group's first radio. */
const targetOf = (field: FormField) => (field === 'kind' ? 'f-kind-0' : `f-${field}`);

/** A field's error line and the attributes that tie it to its control. */
function errorOf(field: FormField, errors: ReadonlyMap<FormField, string>, language: Language) {
  const message = errors.get(field);
  const hintId = HINTED.has(field) ? `f-${field}-hint` : null;
  const errorId = message === undefined ? null : `f-${field}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return {
    line:
      message !== undefined &&
      html`<p class="error" id="${errorId}"><span class="visually-hidden">${TEXTS[language].errorPrefix}: </span>${message}</p>`,
    attributes: html`${describedBy && html` aria-describedby="${describedBy}"`}${message !== undefined && html` aria-invalid="true"`}`,
    className: message !== undefined ? 'field invalid' : 'field',
  };
}
const HINTED = new Set<FormField>(['staffId', 'text', 'attachments']);

export function formPage(options: {
  language: Language;
  choices: { units: readonly FormUnit[]; staff: readonly FormStaff[] };
  values: FormValues;
  errors: ReadonlyMap<FormField, string>;
  /** A message above the form, not about one field (a form sent too soon, or again). */
  notice?: string;
  token: string;
  limits: FormLimits;
}): Html {
  const { language, values, errors, limits } = options;
  const texts = TEXTS[language];
  const marker = (required: boolean) =>
    html` <span class="marker">(${required ? texts.required : texts.optional})</span>`;

  const summary =
    errors.size > 0 &&
    html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${texts.errorSummary}</h2>
<ul>${[...errors].map(
      ([field, message]) =>
        html`<li><a href="#${targetOf(field)}">${labelOf(field, language)}: ${message}</a></li>`,
    )}</ul>
</div>`;
  const notice = options.notice && html`<div class="notice" role="status">${options.notice}</div>`;

  const kindError = errorOf('kind', errors, language);
  const kinds = html`<fieldset id="kind" class="${kindError.className}"${kindError.attributes}>
<legend>${texts.kindLegend}${marker(true)}</legend>
${kindError.line}${joinHtml(
    FEEDBACK_KINDS.map(
      (kind: FeedbackKind, index) =>
        html`<label class="option"><input type="radio" id="f-kind-${index}" name="kind" value="${kind}" required${values.kind === kind && html` checked`}> ${texts.kinds[kind]}</label>`,
    ),
    '\n',
  )}
</fieldset>`;

  const unitError = errorOf('unitId', errors, language);
  const unit = html`<div class="${unitError.className}">
<label for="f-unitId">${texts.unit}${marker(true)}</label>
${unitError.line}<select id="f-unitId" name="unitId" required${unitError.attributes}>
<option value="">${texts.chooseUnit}</option>
${options.choices.units.map(
  (choice) =>
    html`<option value="${choice.id}"${values.unitId === choice.id && html` selected`}>${choice.name}</option>`,
)}
</select>
</div>`;

  const staffError = errorOf('staffId', errors, language);
  // A person of two units is listed under both; the one chosen is marked once, under the unit
  // chosen if they are listed there.
  const chosenUnit = options.choices.staff.some(
    (person) => person.id === values.staffId && person.unit_id === values.unitId,
  )
    ? values.unitId
    : options.choices.staff.find((person) => person.id === values.staffId)?.unit_id;
  const groups = options.choices.units
    .map((choice) => ({
      unit: choice,
      people: options.choices.staff.filter((person) => person.unit_id === choice.id),
    }))
    .filter((group) => group.people.length > 0);
  const staff = html`<div class="${staffError.className}">
<label for="f-staffId">${texts.staff}${marker(false)}</label>
<p class="hint" id="f-staffId-hint">${texts.staffHint}</p>
${staffError.line}<select id="f-staffId" name="staffId"${staffError.attributes}>
<option value="">${texts.staffUnknown}</option>
${groups.map(
  (group) =>
    html`<optgroup label="${group.unit.name}">${group.people.map(
      (person) =>
        html`<option value="${person.id}"${person.id === values.staffId && person.unit_id === chosenUnit && html` selected`}>${person.given_name} ${person.surname}, ${person.position}</option>`,
    )}</optgroup>`,
)}
</select>
</div>`;

  const textError = errorOf('text', errors, language);
  const text = html`<div class="${textError.className}">
<label for="f-text">${texts.text}${marker(true)}</label>
<p class="hint" id="f-text-hint">${texts.textHint(limits.textMax)}</p>
${textError.line}<textarea id="f-text" name="text" rows="8" maxlength="${limits.textMax}" required${textError.attributes}>${values.text}</textarea>
</div>`;

  const input = (field: 'name' | 'email' | 'phone', type: string, autocomplete: string) => {
    const error = errorOf(field, errors, language);
    return html`<div class="${error.className}">
<label for="f-${field}">${texts[field]}${marker(false)}</label>
${error.line}<input type="${type}" id="f-${field}" name="${field}" value="${values[field]}" autocomplete="${autocomplete}"${field === 'name' && html` maxlength="200"`}${error.attributes}>
</div>`;
  };
  const contact = html`<fieldset>
<legend>${texts.contactLegend}${marker(false)}</legend>
<p class="hint">${texts.contactHint}</p>
${input('name', 'text', 'name')}
${input('email', 'email', 'email')}
${input('phone', 'tel', 'tel')}
</fieldset>`;

  const filesError = errorOf('attachments', errors, language);
  const files = html`<div class="${filesError.className}">
<label for="f-attachments">${texts.attachments}${marker(false)}</label>
<p class="hint" id="f-attachments-hint">${texts.attachmentsHint(limits.files, limits.fileMegabytes)}</p>
${filesError.line}<input type="file" id="f-attachments" name="attachments" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"${filesError.attributes}>
</div>`;

  // The token first and the files last: the fields come before the files in the body, so a
  // refused file still leaves every field's value to show again.
  const content = html`${summary}
<h1>${texts.title}</h1>
<p class="intro">${texts.intro}</p>
${notice}
<form method="post" action="${FORM_PATH}?lang=${language}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="token" value="${options.token}">
${kinds}
${unit}
${staff}
${text}
${contact}
<div class="trap" aria-hidden="true"><label for="f-website">${texts.trap}</label>
<input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
${files}
<div class="buttons"><button type="submit">${texts.submit}</button></div>
</form>`;
  return feedbackPage({
    language,
    title: texts.title,
    switchPath: values.unitId
      ? `${FORM_PATH}?unit=${encodeURIComponent(values.unitId)}`
      : FORM_PATH,
    content,
    hasErrors: errors.size > 0,
  });
}

/** The name of a field in the error summary. */
const labelOf = (field: FormField, language: Language): string =>
  TEXTS[language].summaryLabels[field];

export function thanksPage(options: {
  language: Language;
  reference: string;
  contact: boolean;
  answerDays: number | null;
}): Html {
  const { language } = options;
  const texts = TEXTS[language];
  const answer = options.contact
    ? options.answerDays !== null
      ? texts.answerWithin(options.answerDays)
      : texts.answerComes
    : texts.noContact;
  const query = `ref=${encodeURIComponent(options.reference)}${options.contact ? '&contact=1' : ''}`;
  return feedbackPage({
    language,
    title: texts.thanks,
    switchPath: `${FORM_PATH}/thanks?${query}`,
    content: html`<h1>${texts.thanks}</h1>
<p>${texts.reference}:</p>
<p class="reference">${options.reference}</p>
<p>${texts.referenceHint}</p>
<p>${texts.nextSteps}</p>
<p>${answer}</p>
<p><a href="${FORM_PATH}?lang=${language}">${texts.another}</a></p>`,
  });
}

export function limitedPage(language: Language, minutes: number | null): Html {
  const texts = TEXTS[language];
  return feedbackPage({
    language,
    title: texts.limited,
    switchPath: FORM_PATH,
    content: html`<h1>${texts.limited}</h1>
<p>${texts.limitedText}</p>
${minutes !== null && html`<p>${texts.limitedWait(minutes)}</p>`}
<p><a href="${FORM_PATH}?lang=${language}">${texts.backToForm}</a></p>`,
  });
}

export function notFoundPage(language: Language): Html {
  const texts = TEXTS[language];
  return feedbackPage({
    language,
    title: texts.notFound,
    switchPath: FORM_PATH,
    content: html`<h1>${texts.notFound}</h1>
<p>${texts.notFoundText}</p>
<p><a href="${FORM_PATH}?lang=${language}">${texts.backToForm}</a></p>`,
  });
}

/**
 * The QR code of an address as an SVG drawn here from the code's modules (a quiet zone of four
 * around it), so the page holds no markup it did not make.
 */
function qrSvg(address: string, label: string): Html {
  const { modules } = QRCode.create(address, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + 2 * quiet;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return html`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${label}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** The counter's page: in Latvian and English at once, since it hangs for every visitor. */
export function printPage(options: { unit: FormUnit | null; formUrl: string }): Html {
  const lv = TEXTS.lv;
  const en = TEXTS.en;
  return page({
    lang: 'lv',
    title: lv.printTitle,
    site: lv.site,
    style: PRINT_STYLE,
    header: html`<span>${lv.site}</span>`,
    main: html`<h1>${lv.printTitle} <span lang="en">/ ${en.printTitle}</span></h1>
${options.unit && html`<p class="unit">${options.unit.name}</p>`}
<p class="invitation">${lv.printInvitation}</p>
<p class="invitation en" lang="en">${en.printInvitation}</p>
${qrSvg(options.formUrl, `${lv.printQr} / ${en.printQr}`)}
<p class="address">${options.formUrl}</p>`,
  });
}
