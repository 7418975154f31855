/**
 * A questionnaire: sections of questions in Latvian and English. Ratings use the four-point
 * scales of the quality studies (1 = worst … 4 = best) with "hard to say" (dk) kept as an answer
 * but left out of means; a factor may be rated on importance and on satisfaction, which puts it
 * on the importance–satisfaction map. A question may be shown only when an earlier answer is one
 * of given values (simple skip logic).
 *
 * Answers are kept by column name, the same names as in the answers CSV:
 * `<factor>:importance`, `<factor>:satisfaction`, `<factor>:comment` and a choice or text
 * question's key. A multiple choice answer is its values joined by ";".
 */
import { RATING_DIMENSIONS, type RatingDimension } from './survey-stats';

export interface Texts {
  lv: string;
  en?: string;
}

/** The named scales; `custom` carries its own four labels (1 … 4). */
export const SCALES = ['satisfaction', 'importance', 'job', 'agreement', 'custom'] as const;
export type ScaleName = (typeof SCALES)[number];

export interface Condition {
  /** The column of an earlier question: a choice key or `<factor>:<dimension>`. */
  column: string;
  /** Shown when the answer is one of these (for a multiple choice: contains one of them). */
  anyOf: string[];
}

interface QuestionBase {
  text: Texts;
  help?: Texts;
  showIf?: Condition;
}

export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** The factor: `[a-z0-9_]+`, unique in the questionnaire. */
  factor: string;
  dimensions: RatingDimension[];
  /** The scale of a satisfaction rating (importance always uses the importance scale). */
  scale: ScaleName;
  /** The labels of 1 … 4 when the scale is custom. */
  labels?: [Texts, Texts, Texts, Texts];
  /** Whether "hard to say" is offered. */
  dk: boolean;
  /** Whether an open comment is asked after the rating. */
  comment: boolean;
  /** The group the factor is charted in (the report's figures 1–5). */
  group?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multiple';
  key: string;
  options: Array<{ value: string; label: Texts }>;
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
  key: string;
}

export type Question = RatingQuestion | ChoiceQuestion | TextQuestion;

export interface Section {
  title: Texts;
  intro?: Texts;
  questions: Question[];
}

export interface Questionnaire {
  sections: Section[];
}

/** The four labels of a named scale, 1 … 4, in the words of the source documents. */
export const SCALE_LABELS: Record<Exclude<ScaleName, 'custom'>, [Texts, Texts, Texts, Texts]> = {
  satisfaction: [
    { lv: 'Ļoti slikti', en: 'Very bad' },
    { lv: 'Drīzāk slikti', en: 'Rather bad' },
    { lv: 'Drīzāk labi', en: 'Rather good' },
    { lv: 'Ļoti labi', en: 'Very good' },
  ],
  importance: [
    { lv: 'Nav svarīgi', en: 'Not important' },
    { lv: 'Drīzāk nav svarīgi', en: 'Rather unimportant' },
    { lv: 'Drīzāk svarīgi', en: 'Rather important' },
    { lv: 'Ļoti svarīgi', en: 'Very important' },
  ],
  job: [
    { lv: 'Ļoti neapmierināts', en: 'Very dissatisfied' },
    { lv: 'Drīzāk neapmierināts', en: 'Rather dissatisfied' },
    { lv: 'Drīzāk apmierināts', en: 'Rather satisfied' },
    { lv: 'Ļoti apmierināts', en: 'Very satisfied' },
  ],
  agreement: [
    { lv: 'Pilnībā nepiekrītu', en: 'Strongly disagree' },
    { lv: 'Drīzāk nepiekrītu', en: 'Rather disagree' },
    { lv: 'Drīzāk piekrītu', en: 'Rather agree' },
    { lv: 'Pilnībā piekrītu', en: 'Strongly agree' },
  ],
};

export const DK_LABEL: Texts = { lv: 'Grūti pateikt', en: 'Hard to say' };

export const FACTOR_PATTERN = /^[a-z0-9_]+$/;

/** The answers file's own columns: no question may take their names. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['respondent', 'wave', 'stratum']);

/** The labels of 1 … 4 for one dimension of a rating question. */
export function labelsOf(
  question: RatingQuestion,
  dimension: RatingDimension,
): [Texts, Texts, Texts, Texts] {
  if (dimension === 'importance') return SCALE_LABELS.importance;
  if (question.scale === 'custom' && question.labels) return question.labels;
  return SCALE_LABELS[question.scale === 'custom' ? 'satisfaction' : question.scale];
}

export const ratingColumn = (factor: string, dimension: RatingDimension) =>
  `${factor}:${dimension}`;
export const commentColumn = (factor: string) => `${factor}:comment`;

export type ColumnKind = 'rating' | 'comment' | 'single' | 'multiple' | 'text';

export interface Column {
  name: string;
  kind: ColumnKind;
  question: Question;
  dimension?: RatingDimension;
}

/** Every answer column of a questionnaire, in question order. */
export function columnsOf(questionnaire: Questionnaire): Column[] {
  const columns: Column[] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.type === 'rating') {
        for (const dimension of RATING_DIMENSIONS) {
          if (question.dimensions.includes(dimension)) {
            columns.push({
              name: ratingColumn(question.factor, dimension),
              kind: 'rating',
              question,
              dimension,
            });
          }
        }
        if (question.comment) {
          columns.push({ name: commentColumn(question.factor), kind: 'comment', question });
        }
      } else {
        columns.push({ name: question.key, kind: question.type, question });
      }
    }
  }
  return columns;
}

/** The values a multiple choice answer holds. */
export const choicesOf = (answer: string): string[] =>
  answer === '' ? [] : answer.split(';').map((value) => value.trim());

/** Whether a question is shown, given the answers so far. */
export function isShown(question: Question, answers: Readonly<Record<string, string>>): boolean {
  const condition = question.showIf;
  if (!condition) return true;
  const answer = answers[condition.column];
  if (answer === undefined || answer === '') return false;
  const given = choicesOf(answer);
  return condition.anyOf.some((value) => given.includes(value));
}

/** What is wrong with a questionnaire, by its place: `sections.0.questions.2.factor`. */
export interface QuestionnaireProblem {
  path: string;
  message: string;
}

/**
 * Checks what a schema cannot: factors and keys well formed and unique, every column unique,
 * options unique, a custom scale with its labels, and conditions that look back at an earlier
 * question's column and name values it can have.
 */
export function checkQuestionnaire(questionnaire: Questionnaire): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const seen = new Map<string, Column>();
  for (const [s, section] of questionnaire.sections.entries()) {
    for (const [q, question] of section.questions.entries()) {
      const at = `sections.${s}.questions.${q}`;
      if (question.showIf) {
        const earlier = seen.get(question.showIf.column);
        if (!earlier) {
          problems.push({
            path: `${at}.showIf.column`,
            message: `"${question.showIf.column}" is not a column of an earlier question`,
          });
        } else {
          const allowed = allowedValuesOf(earlier);
          const unknown =
            allowed === null ? undefined : question.showIf.anyOf.find((v) => !allowed.has(v));
          if (unknown !== undefined) {
            problems.push({
              path: `${at}.showIf.anyOf`,
              message: `"${unknown}" is not an answer of "${earlier.name}"`,
            });
          }
        }
      }
      if (question.type === 'rating') {
        if (!FACTOR_PATTERN.test(question.factor)) {
          problems.push({ path: `${at}.factor`, message: 'use only a–z, 0–9 and _' });
        }
        if (RESERVED_KEYS.has(question.factor)) {
          problems.push({
            path: `${at}.factor`,
            message: `"${question.factor}" is a column of its own`,
          });
        }
        if (question.dimensions.length === 0) {
          problems.push({ path: `${at}.dimensions`, message: 'rate at least one dimension' });
        }
        if (question.scale === 'custom' && !question.labels) {
          problems.push({ path: `${at}.labels`, message: 'a custom scale needs its four labels' });
        }
      } else {
        if (!FACTOR_PATTERN.test(question.key)) {
          problems.push({ path: `${at}.key`, message: 'use only a–z, 0–9 and _' });
        }
        if (RESERVED_KEYS.has(question.key)) {
          problems.push({ path: `${at}.key`, message: `"${question.key}" is a column of its own` });
        }
        if (question.type !== 'text') {
          if (question.options.length < 2) {
            problems.push({ path: `${at}.options`, message: 'give at least two options' });
          }
          const values = new Set<string>();
          for (const [o, option] of question.options.entries()) {
            if (values.has(option.value) || option.value.includes(';') || option.value === '') {
              problems.push({
                path: `${at}.options.${o}.value`,
                message: 'each option needs its own value, without ";"',
              });
            }
            values.add(option.value);
          }
        }
      }
      for (const column of columnsOf({
        sections: [{ title: section.title, questions: [question] }],
      })) {
        if (seen.has(column.name)) {
          const field = question.type === 'rating' ? 'factor' : 'key';
          problems.push({ path: `${at}.${field}`, message: `"${column.name}" is used twice` });
          break;
        }
        seen.set(column.name, column);
      }
    }
  }
  return problems;
}

/** The answers a column can hold, or null for free text. */
export function allowedValuesOf(column: Column): Set<string> | null {
  switch (column.kind) {
    case 'rating': {
      const values = new Set(['1', '2', '3', '4']);
      if ((column.question as RatingQuestion).dk) values.add('dk');
      return values;
    }
    case 'single':
    case 'multiple':
      return new Set((column.question as ChoiceQuestion).options.map((option) => option.value));
    case 'comment':
    case 'text':
      return null;
  }
}

/** Why an answer does not fit its column, or null when it fits. Empty means not answered. */
export function answerProblem(column: Column, answer: string): string | null {
  if (answer === '') return null;
  const allowed = allowedValuesOf(column);
  if (allowed === null) return null;
  const given = column.kind === 'multiple' ? choicesOf(answer) : [answer];
  const unknown = given.find((value) => !allowed.has(value));
  return unknown === undefined ? null : `unknown value "${unknown}"`;
}

/** The rating factors of a questionnaire with the dimensions each is rated on. */
export function factorsOf(questionnaire: Questionnaire): RatingQuestion[] {
  return questionnaire.sections.flatMap((section) =>
    section.questions.filter((question): question is RatingQuestion => question.type === 'rating'),
  );
}

/** One language's text, falling back to Latvian. */
export const textIn = (texts: Texts, language: 'lv' | 'en'): string =>
  (language === 'en' ? texts.en : undefined) || texts.lv;

/**
 * What a column is about, in words: the question's text (for a comment, the factor it comments
 * on), so that people see "Datorsistēma darbojas bez problēmām", not "computer_system:comment".
 * A column the questionnaire lacks is shown as it is.
 */
export function columnLabel(
  questionnaire: Questionnaire,
  column: string,
  language: 'lv' | 'en',
): string {
  const found = columnsOf(questionnaire).find((entry) => entry.name === column);
  return found ? textIn(found.question.text, language) : column;
}

/** A problem with one answer of a response, by column. */
export interface AnswerProblem {
  column: string;
  message: string;
}

/**
 * The answers of a response as they are kept: only the questionnaire's columns, only questions
 * shown given the earlier answers (an answer to a question skipped after a change is dropped),
 * without empty cells. Problems name the column of an answer that does not fit.
 */
export function cleanAnswers(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, string>>,
): { answers: Record<string, string>; problems: AnswerProblem[] } {
  const kept: Record<string, string> = {};
  const problems: AnswerProblem[] = [];
  const known = new Set<string>();
  for (const column of columnsOf(questionnaire)) {
    known.add(column.name);
    if (!isShown(column.question, kept)) continue;
    const answer = (answers[column.name] ?? '').trim();
    if (answer === '') continue;
    const problem = answerProblem(column, answer);
    if (problem) problems.push({ column: column.name, message: problem });
    else kept[column.name] = column.kind === 'multiple' ? choicesOf(answer).join(';') : answer;
  }
  for (const column of Object.keys(answers)) {
    if (!known.has(column) && answers[column] !== '') {
      problems.push({ column, message: 'not a question of this questionnaire' });
    }
  }
  return { answers: kept, problems };
}

/**
 * Whether a response holds any answer at all. One with none is not a completed interview,
 * whatever the way it ended: it is a break-off or a refusal, and counting it as complete would
 * raise the response rate with nothing behind it.
 */
export const hasAnswers = (answers: Readonly<Record<string, string>>): boolean =>
  Object.values(answers).some((answer) => answer.trim() !== '');

/** A rating answer of a response: which factor, dimension and point of the scale (or dk). */
export interface RatingAnswer {
  factor: string;
  dimension: RatingDimension;
  value: '1' | '2' | '3' | '4' | 'dk';
}

const RATING_ANSWER = /^([a-z0-9_]+):(importance|satisfaction)$/;

/** The rating answers among a response's answers, for counting. */
export function ratingAnswersOf(answers: Readonly<Record<string, string>>): RatingAnswer[] {
  const ratings: RatingAnswer[] = [];
  for (const [column, value] of Object.entries(answers)) {
    const match = RATING_ANSWER.exec(column);
    if (!match) continue;
    if (value !== '1' && value !== '2' && value !== '3' && value !== '4' && value !== 'dk')
      continue;
    ratings.push({
      factor: match[1] as string,
      dimension: match[2] as RatingDimension,
      value,
    });
  }
  return ratings;
}
