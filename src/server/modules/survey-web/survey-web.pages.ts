import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
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
import type { Api } from '../../http/api';
import type {
  PageView,
  Refusal,
  SurveyInfo,
  SurveyWebService,
  WebEntry,
} from './survey-web.service';

// The survey as residents and staff answer it on the web: plain HTML forms rendered on the
// server, one page per section, so it works on any phone, without JavaScript and with a screen
// reader. Each page is saved when the respondent moves on; the anonymous link resumes with a
// cookie, a personal invitation with its own link.

type Language = 'lv' | 'en';

const TEXTS = {
  lv: {
    site: 'Aptauja',
    languageName: 'Latviešu',
    switchTo: 'Valoda',
    pages: (n: number) => (n === 1 ? 'Aptaujā ir 1 lapa.' : `Aptaujā ir ${n} lapas.`),
    saving:
      'Atbildes tiek saglabātas pēc katras lapas: ja pārtraucat, vēlāk varat turpināt no vietas, kur palikāt.',
    savingLink: 'Lai turpinātu, atveriet saiti tajā pašā pārlūkprogrammā.',
    savingInvitation: 'Lai turpinātu, atveriet to pašu ielūguma saiti.',
    start: 'Sākt aptauju',
    trap: 'Šo lauku neaizpildiet',
    progress: (page: number, of: number) => `${page}. lapa no ${of}`,
    back: 'Atpakaļ',
    next: 'Tālāk',
    submit: 'Iesniegt',
    optional: 'nav obligāti',
    comment: 'Komentārs',
    dimensions: { importance: 'Cik tas jums ir svarīgi?', satisfaction: 'Kā jūs to vērtējat?' },
    errorPrefix: 'Kļūda',
    errorSummary: 'Lūdzu, izlabojiet atbildes',
    problems: {
      not_an_option: 'Izvēlieties kādu no piedāvātajām atbildēm.',
      too_long: `Atbilde ir pārāk gara: ne vairāk kā ${WEB_TEXT_LIMIT} rakstzīmes.`,
      nothing_answered:
        'Jūs neesat atbildējis ne uz vienu jautājumu. Lūdzu, atbildiet vismaz uz vienu, lai iesniegtu aptauju.',
    } satisfies Record<WebAnswerProblem, string>,
    revealed: 'Jūsu atbildes dēļ šajā lapā parādījās papildu jautājumi. Lūdzu, aplūkojiet tos.',
    refusals: {
      unknown: {
        title: 'Aptauja nav atrasta',
        text: 'Šāda aptauja nav atrasta. Pārbaudiet, vai saite ir nokopēta pilnībā.',
      },
      not_open: {
        title: 'Aptauja vēl nav atvērta',
        text: 'Šai aptaujai atbildes vēl netiek pieņemtas. Lūdzu, mēģiniet vēlāk.',
      },
      closed: {
        title: 'Aptauja ir noslēgusies',
        text: 'Šajā aptaujā atbildes vairs netiek pieņemtas. Paldies par jūsu interesi!',
      },
      answered: {
        title: 'Jūs jau esat atbildējis',
        text: 'Jūsu atbildes uz šo aptauju jau ir saņemtas. Paldies!',
      },
      invitation_used: {
        title: 'Ielūgums jau ir izmantots',
        text: 'Ar šo ielūgumu atbildes jau ir iesniegtas. Katru ielūgumu var izmantot vienu reizi.',
      },
    },
    thanks: 'Paldies!',
    thanksText: 'Jūsu atbildes ir saņemtas. Tās palīdzēs mums uzlabot darbu.',
  },
  en: {
    site: 'Survey',
    languageName: 'English',
    switchTo: 'Language',
    pages: (n: number) => (n === 1 ? 'The survey has 1 page.' : `The survey has ${n} pages.`),
    saving:
      'Your answers are saved after each page: if you stop, you can continue later where you left off.',
    savingLink: 'To continue, open the link in the same browser.',
    savingInvitation: 'To continue, open the same invitation link.',
    start: 'Start the survey',
    trap: 'Leave this field empty',
    progress: (page: number, of: number) => `Page ${page} of ${of}`,
    back: 'Back',
    next: 'Next',
    submit: 'Submit',
    optional: 'optional',
    comment: 'Comment',
    dimensions: { importance: 'How important is it to you?', satisfaction: 'How do you rate it?' },
    errorPrefix: 'Error',
    errorSummary: 'Please correct your answers',
    problems: {
      not_an_option: 'Choose one of the answers offered.',
      too_long: `The answer is too long: at most ${WEB_TEXT_LIMIT} characters.`,
      nothing_answered:
        'You have not answered any question. Please answer at least one to submit the survey.',
    } satisfies Record<WebAnswerProblem, string>,
    revealed: 'Your answer brought up more questions on this page. Please look at them.',
    refusals: {
      unknown: {
        title: 'Survey not found',
        text: 'No such survey was found. Check that the whole link was copied.',
      },
      not_open: {
        title: 'The survey is not open yet',
        text: 'This survey is not taking answers yet. Please try again later.',
      },
      closed: {
        title: 'The survey is closed',
        text: 'This survey no longer takes answers. Thank you for your interest!',
      },
      answered: {
        title: 'You have already answered',
        text: 'Your answers to this survey have been received. Thank you!',
      },
      invitation_used: {
        title: 'This invitation has already been used',
        text: 'Answers have already been submitted with this invitation. Each invitation can be used once.',
      },
    },
    thanks: 'Thank you!',
    thanksText: 'Your answers have been received. They will help us improve our work.',
  },
} as const;

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
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

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Paragraphs of plain text: blank lines part them. */
const paragraphs = (text: string, className = '') =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p${className ? ` class="${className}"` : ''}>${escape(part)}</p>`)
    .join('');

const titleOf = (survey: SurveyInfo, language: Language) =>
  textIn({ lv: survey.title, ...(survey.titleEn ? { en: survey.titleEn } : {}) }, language);

/** The address of the entry's pages: the anonymous link, or the personal invitation. */
const baseOf = (entry: WebEntry) =>
  entry.kind === 'link'
    ? `/s/${encodeURIComponent(entry.token)}`
    : `/s/i/${encodeURIComponent(entry.token)}`;

/** An element id from an answer column ("wait:satisfaction" → "f-wait-satisfaction"). */
const idOf = (column: string) => `f-${column.replace(/[^a-z0-9_]/g, '-')}`;

function document(options: {
  language: Language;
  title: string;
  survey: SurveyInfo | null;
  /** The same page in the other language. */
  switchPath: string;
  content: string;
  hasErrors?: boolean;
}): string {
  const { language } = options;
  const texts = TEXTS[language];
  const other: Language = language === 'lv' ? 'en' : 'lv';
  const surveyTitle = options.survey ? titleOf(options.survey, language) : texts.site;
  const prefix = options.hasErrors ? `${texts.errorPrefix}: ` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(prefix + options.title)} · ${escape(surveyTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="survey">${escape(surveyTitle)}</span>
<nav aria-label="${escape(texts.switchTo)}"><a href="${escape(options.switchPath)}?lang=${other}" lang="${other}" hreflang="${other}">${escape(TEXTS[other].languageName)}</a></nav></header>
<main id="main">
${options.content}
</main>
</body>
</html>`;
}

function refusalPage(refusal: Refusal, language: Language, switchPath: string): string {
  const texts = TEXTS[language].refusals[refusal.kind];
  return document({
    language,
    title: texts.title,
    survey: 'survey' in refusal ? refusal.survey : null,
    switchPath,
    content: `<h1>${escape(texts.title)}</h1><p>${escape(texts.text)}</p>`,
  });
}

const REFUSAL_STATUS: Record<Refusal['kind'], number> = {
  unknown: 404,
  not_open: 404,
  closed: 410,
  answered: 200,
  invitation_used: 410,
};

const isRefusal = (outcome: { kind: string }): outcome is Refusal => outcome.kind in REFUSAL_STATUS;

function startPage(entry: WebEntry, survey: SurveyInfo, pages: number, language: Language): string {
  const texts = TEXTS[language];
  const base = baseOf(entry);
  const title = titleOf(survey, language);
  // The trap field is hidden from people (off screen, out of the tab order, hidden from screen
  // readers); a bot that fills every field it finds gives itself away.
  const content = `<h1>${escape(title)}</h1>
${paragraphs(survey.description, 'intro')}
<p>${escape(texts.pages(pages))} ${escape(texts.saving)} ${escape(entry.kind === 'link' ? texts.savingLink : texts.savingInvitation)}</p>
<form method="post" action="${base}/start?lang=${language}">
<div class="trap" aria-hidden="true"><label for="website">${escape(texts.trap)}</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<div class="buttons"><button type="submit" class="primary">${escape(texts.start)}</button></div>
</form>`;
  return document({ language, title, survey, switchPath: base, content });
}

function thanksPage(survey: SurveyInfo, language: Language, switchPath: string): string {
  const texts = TEXTS[language];
  return document({
    language,
    title: texts.thanks,
    survey,
    switchPath,
    content: `<h1>${escape(texts.thanks)}</h1><p>${escape(texts.thanksText)}</p>`,
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
  const hint = help
    ? `<p class="hint" id="${id}-hint">${escape(textIn(help, context.language))}</p>`
    : '';
  const error = problem
    ? `<p class="error" id="${id}-error"><span class="visually-hidden">${escape(texts.errorPrefix)}: </span>${escape(texts.problems[problem])}</p>`
    : '';
  const describedBy = [help ? `${id}-hint` : null, problem ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    html: hint + error,
    attributes: describedBy ? ` aria-describedby="${describedBy}"` : '',
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
}): string {
  const { column, context } = options;
  const id = idOf(column);
  const chosen = new Set(context.valuesOf(column));
  const note = notes(column, options.help, context);
  const inputs = options.choices
    .map(
      (choice, index) =>
        `<label class="option${choice.className ? ` ${choice.className}` : ''}"><input type="${options.type}" id="${id}-${index}" name="${escape(column)}" value="${escape(choice.value)}"${chosen.has(choice.value) ? ' checked' : ''}${note.invalid ? ' aria-invalid="true"' : ''}> ${escape(choice.label)}</label>`,
    )
    .join('\n');
  return `<fieldset${note.invalid ? ' class="invalid"' : ''}${note.attributes}>
<legend>${escape(options.legend)}</legend>
${note.html}${inputs}
</fieldset>`;
}

function textArea(column: string, label: string, help: Texts | undefined, context: FieldContext) {
  const id = idOf(column);
  const note = notes(column, help, context);
  const value = context.valuesOf(column).join('\n');
  return `<label for="${id}">${escape(label)}</label>
${note.html}<textarea id="${id}" name="${escape(column)}" rows="4" maxlength="${WEB_TEXT_LIMIT}"${note.attributes}${note.invalid ? ' aria-invalid="true"' : ''}>${escape(value)}</textarea>`;
}

function ratingHtml(question: RatingQuestion, context: FieldContext): string {
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
      : `<fieldset><legend>${escape(text)}</legend>
${question.help ? `<p class="hint">${escape(textIn(question.help, language))}</p>` : ''}
${dimensions.map((dimension) => scale(dimension, texts.dimensions[dimension], undefined)).join('\n')}
</fieldset>`;
  const comment = question.comment
    ? `<div class="comment">${textArea(
        commentColumn(question.factor),
        `${texts.comment} (${texts.optional})`,
        undefined,
        context,
      )}</div>`
    : '';
  return `<div class="question">${scales}${comment}</div>`;
}

function choiceHtml(question: ChoiceQuestion, context: FieldContext): string {
  return `<div class="question">${optionsFieldset({
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

function textHtml(question: TextQuestion, context: FieldContext): string {
  return `<div class="question">${textArea(
    question.key,
    textIn(question.text, context.language),
    question.help,
    context,
  )}</div>`;
}

function questionHtml(question: Question, context: FieldContext): string {
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

function questionPage(
  entry: WebEntry,
  view: PageView,
  language: Language,
  extra: {
    posted?: PostedForm;
    problems?: Array<{ column: string; problem: WebAnswerProblem }>;
    revealed?: boolean;
  } = {},
): string {
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
    problems.size > 0
      ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${escape(texts.errorSummary)}</h2>
<ul>${[...problems]
          .map(
            ([column, problem]) =>
              `<li><a href="#${targetOf(view, column)}">${escape(fieldName(view, column, language))}: ${escape(texts.problems[problem])}</a></li>`,
          )
          .join('')}</ul>
</div>`
      : '';
  const revealed = extra.revealed
    ? `<div class="notice" role="status">${escape(texts.revealed)}</div>`
    : '';
  // A refused page shows the questions as they were when it was sent, so the answers given on it
  // decide which of them appear.
  const shownBy = posted ? { ...answers, ...flatten(posted, choiceKeys) } : answers;
  const questions = shownQuestions(section, shownBy)
    .map((question) => questionHtml(question, context))
    .join('\n');
  const heading = textIn(section.title, language);
  const content = `${summary}
<p class="progress">${escape(texts.progress(page + 1, questionnaire.sections.length))}</p>
<h1>${escape(heading)}</h1>
${section.intro ? paragraphs(textIn(section.intro, language), 'intro') : ''}
${revealed}
<form method="post" action="${base}/p/${page + 1}?lang=${language}" novalidate>
${questions}
<div class="buttons">
<button type="submit" name="nav" value="next" class="primary">${escape(view.last ? texts.submit : texts.next)}</button>
${view.previous !== null ? `<button type="submit" name="nav" value="back" class="secondary">${escape(texts.back)}</button>` : ''}
</div>
</form>`;
  return document({
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

export const SURVEY_COOKIE = 'apkalpo_survey';
/** Long enough to outlast any fieldwork period. */
const COOKIE_MAX_AGE_SECONDS = 120 * 24 * 60 * 60;

const Lang = z.object({ lang: z.enum(['lv', 'en']).catch('lv').default('lv') });
const TokenParams = z.object({ token: z.string().min(1).max(100) });
// A page number that is not one (a mangled address) leads to the page to continue on.
const PageParams = TokenParams.extend({
  page: z.coerce.number().int().min(1).max(1000).catch(1_000_000),
});

/** A posted form: each field's values, in a record without a prototype to pollute. */
function parseForm(body: string): PostedForm {
  const form: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of new URLSearchParams(body)) (form[name] ??= []).push(value);
  return form;
}

const refuse = (reply: FastifyReply, refusal: Refusal, language: Language, entry: WebEntry) =>
  sendHtml(reply, REFUSAL_STATUS[refusal.kind], refusalPage(refusal, language, baseOf(entry)));

const sendHtml = (reply: FastifyReply, status: number, html: string) =>
  reply
    .status(status)
    // Answers are on these pages: a shared computer's cache must not keep them.
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);

export function surveyWebPages(
  app: Api,
  deps: { surveyWeb: SurveyWebService; cookie: { secure: boolean } },
): void {
  const { surveyWeb, cookie } = deps;

  const resumeTokenOf = (request: FastifyRequest, entry: WebEntry) =>
    entry.kind === 'link' ? (request.cookies[SURVEY_COOKIE] ?? null) : null;

  /** The scope parses nothing but forms (below), so a body is one; no body is an empty form. */
  const formOf = (request: FastifyRequest): PostedForm => (request.body as PostedForm | null) ?? {};

  const pageUrl = (entry: WebEntry, page: number, language: Language) =>
    `${baseOf(entry)}/p/${page + 1}?lang=${language}`;

  /** The routes of one way in: `/s/:token` (anonymous) or `/s/i/:token` (invitation). */
  function entryRoutes(scope: Api, prefix: string, kind: WebEntry['kind']) {
    scope.get(
      `${prefix}/:token`,
      { schema: { hide: true, params: TokenParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const visit = await surveyWeb.visit(entry, resumeTokenOf(request, entry));
        if (isRefusal(visit)) return refuse(reply, visit, lang, entry);
        switch (visit.kind) {
          case 'start':
            return sendHtml(reply, 200, startPage(entry, visit.survey, visit.pages, lang));
          case 'continue':
            return reply.redirect(pageUrl(entry, visit.page, lang), 303);
        }
      },
    );

    scope.post(
      `${prefix}/:token/start`,
      { schema: { hide: true, params: TokenParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const form = formOf(request);
        // A filled trap field: a bot, not a person. It is sent back to the start, with nothing made.
        if ((form.website ?? []).some((value) => value !== '')) {
          return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
        const started = await surveyWeb.start(entry, resumeTokenOf(request, entry));
        if (isRefusal(started)) return refuse(reply, started, lang, entry);
        switch (started.kind) {
          case 'started':
            if (started.resumeToken !== null) {
              // Scoped to this survey's address: it is sent nowhere else, and another survey's
              // link starts its own answers.
              reply.setCookie(SURVEY_COOKIE, started.resumeToken, {
                httpOnly: true,
                sameSite: 'lax',
                secure: cookie.secure,
                path: baseOf(entry),
                maxAge: COOKIE_MAX_AGE_SECONDS,
              });
            }
            return reply.redirect(pageUrl(entry, started.page, lang), 303);
          case 'continue':
            return reply.redirect(pageUrl(entry, started.page, lang), 303);
        }
      },
    );

    scope.get(
      `${prefix}/:token/p/:page`,
      { schema: { hide: true, params: PageParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const found = await surveyWeb.page(
          entry,
          resumeTokenOf(request, entry),
          request.params.page - 1,
        );
        if (isRefusal(found)) return refuse(reply, found, lang, entry);
        switch (found.kind) {
          case 'page':
            return sendHtml(reply, 200, questionPage(entry, found.view, lang));
          case 'continue':
            return reply.redirect(pageUrl(entry, found.page, lang), 303);
          case 'not_started':
            return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
      },
    );

    scope.post(
      `${prefix}/:token/p/:page`,
      { schema: { hide: true, params: PageParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const form = formOf(request);
        const direction = form.nav?.[0] === 'back' ? 'back' : 'next';
        const saved = await surveyWeb.savePage(
          entry,
          resumeTokenOf(request, entry),
          request.params.page - 1,
          form,
          direction,
        );
        if (isRefusal(saved)) return refuse(reply, saved, lang, entry);
        switch (saved.kind) {
          case 'invalid':
            return sendHtml(
              reply,
              400,
              questionPage(entry, saved.view, lang, {
                posted: saved.posted,
                problems: saved.problems,
              }),
            );
          case 'revealed':
            return sendHtml(reply, 200, questionPage(entry, saved.view, lang, { revealed: true }));
          case 'complete':
            return sendHtml(reply, 200, thanksPage(saved.survey, lang, baseOf(entry)));
          case 'continue':
            return reply.redirect(pageUrl(entry, saved.page, lang), 303);
          case 'not_started':
            return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
      },
    );
  }

  // The pages take plain HTML forms, which the API must not: the form parser lives only in this
  // scope. Fastify loads the scope with the app, and ready() reports anything it throws.
  void app.register((scope: Api, _options, loaded) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(body as string)),
    );
    // "/s/i/…" is an invitation's: a fixed segment wins over an anonymous link's token.
    entryRoutes(scope, '/s/i', 'invitation');
    entryRoutes(scope, '/s', 'link');
    loaded();
  });
}
