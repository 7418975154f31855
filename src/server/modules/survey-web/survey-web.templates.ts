import {
  choicesOf,
  commentColumn,
  DK_LABEL,
  labelsOf,
  ratingColumn,
  textIn,
  type ChoiceQuestion,
  type Question,
  type RatingQuestion,
  type Texts,
  type TextQuestion,
} from '../../../domain/questionnaire';
import { RATING_DIMENSIONS, type RatingDimension } from '../../../domain/survey-stats';
import {
  shownQuestions,
  WEB_TEXT_LIMIT,
  type PostedForm,
  type WebAnswerProblem,
} from '../../../domain/survey-web';
import { html, joinHtml, page, type Html } from '../../lib/html';
import type { PageView, Refusal, SurveyInfo, WebEntry } from './survey-web.service';
import { TEXTS, type Language } from './survey-web.texts';

// The survey's web pages as HTML: from what the service found to the page a respondent sees.
// Plain forms, one page per section, so that they work on any phone, without JavaScript and with
// a screen reader.

/** The pages' own rules, after the shared ones (lib/html.ts). */
const STYLE = `
header { background: #0b4f6c; color: #fff; padding: .75rem 1rem; display: flex; gap: 1rem; justify-content: space-between; align-items: baseline; flex-wrap: wrap; }
header .survey { font-weight: 600; }
header a { color: #fff; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
a { color: #0b4f6c; }
a:focus-visible, input:focus-visible, textarea:focus-visible, button:focus-visible, .error-summary:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
.progress { color: #4a5560; margin: 0; }
.intro { font-size: 1.1rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.75rem; min-width: 0; }
fieldset fieldset { margin: .75rem 0 0; }
legend { font-weight: 600; padding: 0; margin-bottom: .5rem; font-size: 1.1rem; }
fieldset fieldset legend { font-weight: 500; font-size: 1rem; }
.question { margin-bottom: 1.75rem; }
.question > label { display: block; font-weight: 600; font-size: 1.1rem; margin-bottom: .5rem; }
.hint { color: #4a5560; margin: 0 0 .5rem; }
.option { display: flex; align-items: center; gap: .6rem; padding: .55rem .75rem; margin: .35rem 0; border: 2px solid #c3cbd2; border-radius: 6px; cursor: pointer; }
.option input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; }
.option.dk { border-style: dashed; }
.comment { display: block; margin-top: .75rem; }
.comment span { display: block; margin-bottom: .25rem; }
textarea { width: 100%; min-height: 6rem; padding: .5rem .75rem; font: inherit; border: 2px solid #55606b; border-radius: 6px; }
.invalid { border-left: 4px solid #b3261e; padding-left: .9rem; }
.error { color: #b3261e; font-weight: 600; margin: 0 0 .5rem; }
.error-summary { border: 4px solid #b3261e; padding: 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
.error-summary a { color: #b3261e; font-weight: 600; }
.notice { border-left: 6px solid #0b4f6c; background: #eef5f8; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.buttons { display: flex; gap: 1rem; flex-wrap: wrap; margin: 2rem 0 1rem; }
button { padding: .75rem 1.5rem; font: inherit; font-weight: 600; border-radius: 6px; cursor: pointer; min-width: 8rem; }
button.primary { color: #fff; background: #0b4f6c; border: 2px solid #0b4f6c; }
button.secondary { color: #0b4f6c; background: #fff; border: 2px solid #0b4f6c; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: no-preference) { .option { transition: border-color .1s; } }
.option:has(input:checked) { border-color: #0b4f6c; background: #eef5f8; }`;

/** Paragraphs of plain text: blank lines part them. */
const paragraphs = (text: string, className = ''): Html =>
  html`${text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p${className && html` class="${className}"`}>${part}</p>`)}`;

const titleOf = (survey: SurveyInfo, language: Language) =>
  textIn({ lv: survey.title, ...(survey.titleEn ? { en: survey.titleEn } : {}) }, language);

/** The address of the entry's pages: the anonymous link, or the personal invitation. */
export const baseOf = (entry: WebEntry): string =>
  entry.kind === 'link'
    ? `/s/${encodeURIComponent(entry.token)}`
    : `/s/i/${encodeURIComponent(entry.token)}`;

/** An element id from an answer column ("wait:satisfaction" → "f-wait-satisfaction"). */
const idOf = (column: string) => `f-${column.replace(/[^a-z0-9_]/g, '-')}`;

function surveyPage(options: {
  language: Language;
  title: string;
  survey: SurveyInfo | null;
  /** The same page in the other language. */
  switchPath: string;
  content: Html;
  hasErrors?: boolean;
}): Html {
  const { language } = options;
  const texts = TEXTS[language];
  const other: Language = language === 'lv' ? 'en' : 'lv';
  const surveyTitle = options.survey ? titleOf(options.survey, language) : texts.site;
  const prefix = options.hasErrors ? `${texts.errorPrefix}: ` : '';
  return page({
    lang: language,
    title: prefix + options.title,
    site: surveyTitle,
    style: STYLE,
    // A respondent's answers are on these pages.
    noindex: true,
    header: html`<span class="survey">${surveyTitle}</span>
<nav aria-label="${texts.switchTo}"><a href="${options.switchPath}?lang=${other}" lang="${other}" hreflang="${other}">${TEXTS[other].languageName}</a></nav>`,
    main: options.content,
  });
}

export function refusalPage(refusal: Refusal, language: Language, switchPath: string): Html {
  const texts = TEXTS[language].refusals[refusal.kind];
  return surveyPage({
    language,
    title: texts.title,
    survey: 'survey' in refusal ? refusal.survey : null,
    switchPath,
    content: html`<h1>${texts.title}</h1><p>${texts.text}</p>`,
  });
}

export function startPage(
  entry: WebEntry,
  survey: SurveyInfo,
  pages: number,
  language: Language,
): Html {
  const texts = TEXTS[language];
  const base = baseOf(entry);
  const title = titleOf(survey, language);
  // The trap field is hidden from people (off screen, out of the tab order, hidden from screen
  // readers); a bot that fills every field it finds gives itself away.
  const content = html`<h1>${title}</h1>
${paragraphs(survey.description, 'intro')}
<p>${texts.pages(pages)} ${texts.saving} ${entry.kind === 'link' ? texts.savingLink : texts.savingInvitation}</p>
<form method="post" action="${base}/start?lang=${language}">
<div class="trap" aria-hidden="true"><label for="website">${texts.trap}</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<div class="buttons"><button type="submit" class="primary">${texts.start}</button></div>
</form>`;
  return surveyPage({ language, title, survey, switchPath: base, content });
}

export function thanksPage(survey: SurveyInfo, language: Language, switchPath: string): Html {
  const texts = TEXTS[language];
  return surveyPage({
    language,
    title: texts.thanks,
    survey,
    switchPath,
    content: html`<h1>${texts.thanks}</h1><p>${texts.thanksText}</p>`,
  });
}

type ProblemsByColumn = ReadonlyMap<string, WebAnswerProblem>;

/** The values a field shows: what was just posted when the page is refused, else what is kept. */
type ValuesOf = (column: string) => string[];

interface FieldContext {
  language: Language;
  valuesOf: ValuesOf;
  problems: ProblemsByColumn;
}

/** The hint and error lines of a field, with the ids that describe its control. */
function notes(column: string, help: Texts | undefined, context: FieldContext) {
  const id = idOf(column);
  const problem = context.problems.get(column);
  const texts = TEXTS[context.language];
  const hint = help && html`<p class="hint" id="${id}-hint">${textIn(help, context.language)}</p>`;
  const error =
    problem &&
    html`<p class="error" id="${id}-error"><span class="visually-hidden">${texts.errorPrefix}: </span>${texts.problems[problem]}</p>`;
  const describedBy = [help ? `${id}-hint` : null, problem ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    html: html`${hint}${error}`,
    attributes: describedBy && html` aria-describedby="${describedBy}"`,
    invalid: problem !== undefined,
  };
}

/** Radios or checkboxes under one legend; the first input's id is where an error links to. */
function optionsFieldset(options: {
  column: string;
  legend: string;
  help: Texts | undefined;
  type: 'radio' | 'checkbox';
  choices: Array<{ value: string; label: string; className?: string }>;
  context: FieldContext;
}): Html {
  const { column, context } = options;
  const id = idOf(column);
  const chosen = new Set(context.valuesOf(column));
  const note = notes(column, options.help, context);
  const inputs = options.choices.map(
    (choice, index) =>
      html`<label class="option${choice.className && html` ${choice.className}`}"><input type="${options.type}" id="${id}-${index}" name="${column}" value="${choice.value}"${chosen.has(choice.value) && html` checked`}${note.invalid && html` aria-invalid="true"`}> ${choice.label}</label>`,
  );
  return html`<fieldset${note.invalid && html` class="invalid"`}${note.attributes}>
<legend>${options.legend}</legend>
${note.html}${joinHtml(inputs, '\n')}
</fieldset>`;
}

function textArea(
  column: string,
  label: string,
  help: Texts | undefined,
  context: FieldContext,
): Html {
  const id = idOf(column);
  const note = notes(column, help, context);
  const value = context.valuesOf(column).join('\n');
  return html`<label for="${id}">${label}</label>
${note.html}<textarea id="${id}" name="${column}" rows="4" maxlength="${WEB_TEXT_LIMIT}"${note.attributes}${note.invalid && html` aria-invalid="true"`}>${value}</textarea>`;
}

function ratingHtml(question: RatingQuestion, context: FieldContext): Html {
  const { language } = context;
  const texts = TEXTS[language];
  const text = textIn(question.text, language);
  const dimensions = RATING_DIMENSIONS.filter((d) => question.dimensions.includes(d));
  const scale = (dimension: RatingDimension, legend: string, help: Texts | undefined) =>
    optionsFieldset({
      column: ratingColumn(question.factor, dimension),
      legend,
      help,
      type: 'radio',
      choices: [
        ...labelsOf(question, dimension).map((label, index) => ({
          value: String(index + 1),
          label: textIn(label, language),
        })),
        ...(question.dk
          ? [{ value: 'dk', label: textIn(DK_LABEL, language), className: 'dk' }]
          : []),
      ],
      context,
    });
  // One scale is the question itself; two (importance and satisfaction) are two groups under it.
  const scales =
    dimensions.length === 1
      ? scale(dimensions[0] as RatingDimension, text, question.help)
      : html`<fieldset><legend>${text}</legend>
${question.help && html`<p class="hint">${textIn(question.help, language)}</p>`}
${joinHtml(
  dimensions.map((dimension) => scale(dimension, texts.dimensions[dimension], undefined)),
  '\n',
)}
</fieldset>`;
  const comment =
    question.comment &&
    html`<div class="comment">${textArea(
      commentColumn(question.factor),
      `${texts.comment} (${texts.optional})`,
      undefined,
      context,
    )}</div>`;
  return html`<div class="question">${scales}${comment}</div>`;
}

function choiceHtml(question: ChoiceQuestion, context: FieldContext): Html {
  return html`<div class="question">${optionsFieldset({
    column: question.key,
    legend: textIn(question.text, context.language),
    help: question.help,
    type: question.type === 'single' ? 'radio' : 'checkbox',
    choices: question.options.map((option) => ({
      value: option.value,
      label: textIn(option.label, context.language),
    })),
    context,
  })}</div>`;
}

function textHtml(question: TextQuestion, context: FieldContext): Html {
  return html`<div class="question">${textArea(
    question.key,
    textIn(question.text, context.language),
    question.help,
    context,
  )}</div>`;
}

function questionHtml(question: Question, context: FieldContext): Html {
  switch (question.type) {
    case 'rating':
      return ratingHtml(question, context);
    case 'single':
    case 'multiple':
      return choiceHtml(question, context);
    case 'text':
      return textHtml(question, context);
  }
}

/** The legend or label an error in the summary names. */
function fieldName(view: PageView, column: string, language: Language): string {
  for (const question of view.questionnaire.sections[view.page]?.questions ?? []) {
    const text = textIn(question.text, language);
    if (question.type !== 'rating') {
      if (question.key === column) return text;
    } else if (column === commentColumn(question.factor)) {
      return `${text}: ${TEXTS[language].comment}`;
    } else if (column.startsWith(`${question.factor}:`)) {
      return question.dimensions.length > 1
        ? `${text}: ${TEXTS[language].dimensions[column.slice(question.factor.length + 1) as RatingDimension]}`
        : text;
    }
  }
  return column;
}

/** Where an error links to: the first radio or checkbox of a group, or the text box. */
function targetOf(view: PageView, column: string): string {
  const section = view.questionnaire.sections[view.page];
  const isText =
    section?.questions.some(
      (question) =>
        (question.type === 'text' && question.key === column) ||
        (question.type === 'rating' && commentColumn(question.factor) === column),
    ) ?? false;
  return isText ? idOf(column) : `${idOf(column)}-0`;
}

export function questionPage(
  entry: WebEntry,
  view: PageView,
  language: Language,
  extra: {
    posted?: PostedForm;
    problems?: Array<{ column: string; problem: WebAnswerProblem }>;
    revealed?: boolean;
  } = {},
): Html {
  const texts = TEXTS[language];
  const { questionnaire, page, answers } = view;
  const section = questionnaire.sections[page];
  if (!section) throw new Error(`the questionnaire has no page ${page}`);
  const base = baseOf(entry);
  const problems = new Map((extra.problems ?? []).map((entry) => [entry.column, entry.problem]));
  const posted = extra.posted;
  // Only a multiple choice answer is a list: a text answer may hold ";" of its own.
  const choiceKeys = new Set(
    section.questions.flatMap((question) => (question.type === 'multiple' ? [question.key] : [])),
  );
  const valuesOf: ValuesOf = posted
    ? (column) => [...(posted[column] ?? [])]
    : (column) => {
        const answer = answers[column];
        if (answer === undefined) return [];
        return choiceKeys.has(column) ? choicesOf(answer) : [answer];
      };
  const context: FieldContext = { language, valuesOf, problems };

  const summary =
    problems.size > 0 &&
    html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${texts.errorSummary}</h2>
<ul>${[...problems].map(
      ([column, problem]) =>
        html`<li><a href="#${targetOf(view, column)}">${fieldName(view, column, language)}: ${texts.problems[problem]}</a></li>`,
    )}</ul>
</div>`;
  const revealed =
    extra.revealed && html`<div class="notice" role="status">${texts.revealed}</div>`;
  // A refused page shows the questions as they were when it was sent, so the answers given on it
  // decide which of them appear.
  const shownBy = posted ? { ...answers, ...flatten(posted, choiceKeys) } : answers;
  const questions = joinHtml(
    shownQuestions(section, shownBy).map((question) => questionHtml(question, context)),
    '\n',
  );
  const heading = textIn(section.title, language);
  const content = html`${summary}
<p class="progress">${texts.progress(page + 1, questionnaire.sections.length)}</p>
<h1>${heading}</h1>
${section.intro && paragraphs(textIn(section.intro, language), 'intro')}
${revealed}
<form method="post" action="${base}/p/${page + 1}?lang=${language}" novalidate>
${questions}
<div class="buttons">
<button type="submit" name="nav" value="next" class="primary">${view.last ? texts.submit : texts.next}</button>
${view.previous !== null && html`<button type="submit" name="nav" value="back" class="secondary">${texts.back}</button>`}
</div>
</form>`;
  return surveyPage({
    language,
    title: heading,
    survey: view.survey,
    switchPath: `${base}/p/${page + 1}`,
    content,
    hasErrors: problems.size > 0,
  });
}

/** Posted values as answers, to decide which questions a refused page shows. */
function flatten(posted: PostedForm, choiceKeys: ReadonlySet<string>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, values] of Object.entries(posted)) {
    answers[name] = choiceKeys.has(name) ? values.join(';') : (values[0] ?? '');
  }
  return answers;
}
