/**
 * A questionnaire answered on the web, one page per section: which questions a page shows given
 * the answers so far, reading a page's form into answers, and where a respondent who comes back
 * continues. Pure: the server renders and stores, this decides.
 */
import {
  allowedValuesOf,
  columnsOf,
  isShown,
  type Column,
  type Question,
  type Questionnaire,
  type Section,
} from './questionnaire';

/** The longest open answer or comment a respondent may write, in characters. */
export const WEB_TEXT_LIMIT = 4000;

/** A posted form: each field's values in the order sent (checkboxes send one value each). */
export type PostedForm = Readonly<Record<string, readonly string[]>>;

/**
 * Why a posted field is refused, shown beside it; `nothing_answered` stands by the last page's
 * first question when the respondent submits without having answered anything.
 */
export type WebAnswerProblem = 'not_an_option' | 'too_long' | 'nothing_answered';

export interface PageReading {
  /** The page's answers by column; a question left unanswered has none. */
  answers: Record<string, string>;
  /** Refused fields by column, in question order. */
  problems: Array<{ column: string; problem: WebAnswerProblem }>;
}

/** The answer columns of one section, in question order. */
export const columnsOfSection = (section: Section): Column[] => columnsOf({ sections: [section] });

/** The questions a page shows, given the answers so far. */
export const shownQuestions = (
  section: Section,
  answers: Readonly<Record<string, string>>,
): Question[] => section.questions.filter((question) => isShown(question, answers));

/** A page is skipped when every question on it is hidden; a page of text alone is shown. */
export const isPageShown = (section: Section, answers: Readonly<Record<string, string>>) =>
  section.questions.length === 0 || shownQuestions(section, answers).length > 0;

/**
 * The next page to show from `from` (0-based) in the given direction, passing over pages whose
 * questions are all hidden; null past either end.
 */
export function nextPage(
  questionnaire: Questionnaire,
  from: number,
  direction: 1 | -1,
  answers: Readonly<Record<string, string>>,
): number | null {
  for (let index = from + direction; ; index += direction) {
    const section = questionnaire.sections[index];
    if (!section) return null;
    if (isPageShown(section, answers)) return index;
  }
}

/** The first page shown (0-based); 0 for a questionnaire whose pages are all hidden. */
export const firstPage = (
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, string>>,
) => nextPage(questionnaire, -1, 1, answers) ?? 0;

/** Whether no page after this one is shown, so its button submits. */
export const isLastPage = (
  questionnaire: Questionnaire,
  page: number,
  answers: Readonly<Record<string, string>>,
) => nextPage(questionnaire, page, 1, answers) === null;

/**
 * Where a respondent who comes back continues (0-based): the page after the last page holding an
 * answer, or that page itself when it is the last. Progress is saved page by page, so this is
 * the page they had not finished.
 */
export function resumePage(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, string>>,
): number {
  let last = -1;
  for (const [index, section] of questionnaire.sections.entries()) {
    if (columnsOfSection(section).some((column) => (answers[column.name] ?? '') !== '')) {
      last = index;
    }
  }
  if (last === -1) return firstPage(questionnaire, answers);
  return nextPage(questionnaire, last, 1, answers) ?? last;
}

/**
 * Reads a page's form. Only questions shown given the answers before the page and the page's own
 * earlier answers are read (a condition looks back only), so a question hidden by this page's
 * answers loses its answer. Values a question does not offer are refused, not dropped.
 */
export function readPage(
  section: Section,
  before: Readonly<Record<string, string>>,
  form: PostedForm,
): PageReading {
  const columns = columnsOfSection(section);
  const kept = withoutColumns(before, columns);
  const answers: Record<string, string> = {};
  const problems: PageReading['problems'] = [];
  for (const column of columns) {
    if (!isShown(column.question, kept)) continue;
    const given = (form[column.name] ?? []).map((value) => value.trim()).filter(Boolean);
    if (given.length === 0) continue;
    const allowed = allowedValuesOf(column);
    let answer: string;
    if (allowed === null) {
      answer = given.join('\n');
      if (answer.length > WEB_TEXT_LIMIT) {
        problems.push({ column: column.name, problem: 'too_long' });
        continue;
      }
    } else if (column.kind === 'multiple') {
      if (given.some((value) => !allowed.has(value))) {
        problems.push({ column: column.name, problem: 'not_an_option' });
        continue;
      }
      // In the questionnaire's order, whatever order the browser sent them in.
      answer = [...allowed].filter((value) => given.includes(value)).join(';');
    } else {
      const [value] = given;
      if (given.length > 1 || value === undefined || !allowed.has(value)) {
        problems.push({ column: column.name, problem: 'not_an_option' });
        continue;
      }
      answer = value;
    }
    answers[column.name] = answer;
    kept[column.name] = answer;
  }
  return { answers, problems };
}

/** The answers so far with one page's answers put in place of what that page held before. */
export function withPage(
  before: Readonly<Record<string, string>>,
  section: Section,
  page: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...withoutColumns(before, columnsOfSection(section)), ...page };
}

/**
 * Whether the page's answers brought up questions on the same page that were hidden when it was
 * shown: the respondent has not seen them yet, so the page is shown again.
 */
export function revealsQuestions(
  section: Section,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): boolean {
  const shownBefore = new Set(shownQuestions(section, before));
  return shownQuestions(section, after).some((question) => !shownBefore.has(question));
}

function withoutColumns(
  answers: Readonly<Record<string, string>>,
  columns: readonly Column[],
): Record<string, string> {
  const rest = { ...answers };
  for (const column of columns) delete rest[column.name];
  return rest;
}
