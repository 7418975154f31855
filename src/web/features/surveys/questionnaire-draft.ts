/**
 * The questionnaire as the editor holds it while it changes. Every section, question and option
 * carries an id that moves with it, so React keeps each one's inputs when the list is reordered
 * and a message or focus can find its input; optional texts are empty strings, not absent.
 * Pure: no React, so the conversion both ways and the checks read as plain functions.
 */
import {
  checkQuestionnaire,
  columnsOf,
  FACTOR_PATTERN,
  type Column,
  type Question,
  type Questionnaire,
  type ScaleName,
  type Texts,
} from '../../../domain/questionnaire';
import type { RatingDimension } from '../../../domain/survey-stats';

export interface DraftTexts {
  lv: string;
  en: string;
}

/** `column` is empty while the question is always shown. */
export interface DraftCondition {
  column: string;
  anyOf: string[];
}

interface DraftQuestionBase {
  id: string;
  text: DraftTexts;
  help: DraftTexts;
  showIf: DraftCondition;
}

export type FourTexts = [DraftTexts, DraftTexts, DraftTexts, DraftTexts];

export interface DraftRating extends DraftQuestionBase {
  type: 'rating';
  factor: string;
  dimensions: RatingDimension[];
  scale: ScaleName;
  /** Kept while another scale is chosen, so switching back to custom loses nothing. */
  labels: FourTexts;
  dk: boolean;
  comment: boolean;
  group: string;
}

export interface DraftOption {
  id: string;
  value: string;
  label: DraftTexts;
}

export interface DraftChoice extends DraftQuestionBase {
  type: 'single' | 'multiple';
  key: string;
  options: DraftOption[];
}

export interface DraftText extends DraftQuestionBase {
  type: 'text';
  key: string;
}

export type DraftQuestion = DraftRating | DraftChoice | DraftText;
export type QuestionType = DraftQuestion['type'];
export const QUESTION_TYPES = [
  'rating',
  'single',
  'multiple',
  'text',
] as const satisfies readonly QuestionType[];

export interface DraftSection {
  id: string;
  title: DraftTexts;
  intro: DraftTexts;
  questions: DraftQuestion[];
}

export interface Draft {
  sections: DraftSection[];
}

// Ids only need to be unique on the page; they are never sent.
let lastId = 0;
const newId = () => `qe${++lastId}`;

const emptyTexts = (): DraftTexts => ({ lv: '', en: '' });
const draftTexts = (texts: Texts | undefined): DraftTexts => ({
  lv: texts?.lv ?? '',
  en: texts?.en ?? '',
});
const emptyLabels = (): FourTexts => [emptyTexts(), emptyTexts(), emptyTexts(), emptyTexts()];

export const newOption = (): DraftOption => ({ id: newId(), value: '', label: emptyTexts() });

export const newSection = (): DraftSection => ({
  id: newId(),
  title: emptyTexts(),
  intro: emptyTexts(),
  questions: [],
});

export function newQuestion(type: QuestionType): DraftQuestion {
  const base = {
    id: newId(),
    text: emptyTexts(),
    help: emptyTexts(),
    showIf: { column: '', anyOf: [] },
  };
  switch (type) {
    case 'rating':
      return {
        ...base,
        type,
        factor: '',
        dimensions: ['satisfaction'],
        scale: 'satisfaction',
        labels: emptyLabels(),
        dk: true,
        comment: false,
        group: '',
      };
    case 'single':
    case 'multiple':
      // A choice needs two options at least: offer both rows at once.
      return { ...base, type, key: '', options: [newOption(), newOption()] };
    case 'text':
      return { ...base, type, key: '' };
  }
}

function draftQuestionOf(question: Question): DraftQuestion {
  const base = {
    id: newId(),
    text: draftTexts(question.text),
    help: draftTexts(question.help),
    showIf: { column: question.showIf?.column ?? '', anyOf: question.showIf?.anyOf ?? [] },
  };
  switch (question.type) {
    case 'rating':
      return {
        ...base,
        type: 'rating',
        factor: question.factor,
        dimensions: [...question.dimensions],
        scale: question.scale,
        labels: question.labels
          ? [
              draftTexts(question.labels[0]),
              draftTexts(question.labels[1]),
              draftTexts(question.labels[2]),
              draftTexts(question.labels[3]),
            ]
          : emptyLabels(),
        dk: question.dk,
        comment: question.comment,
        group: question.group ?? '',
      };
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: question.type,
        key: question.key,
        options: question.options.map((option) => ({
          id: newId(),
          value: option.value,
          label: draftTexts(option.label),
        })),
      };
    case 'text':
      return { ...base, type: 'text', key: question.key };
  }
}

/** The editor's copy of a saved questionnaire. */
export const draftOf = (questionnaire: Questionnaire): Draft => ({
  sections: questionnaire.sections.map((section) => ({
    id: newId(),
    title: draftTexts(section.title),
    intro: draftTexts(section.intro),
    questions: section.questions.map(draftQuestionOf),
  })),
});

// Empty English means "show the Latvian", which the contract says by leaving it out.
function textsOf(texts: DraftTexts): Texts {
  const en = texts.en.trim();
  return en === '' ? { lv: texts.lv.trim() } : { lv: texts.lv.trim(), en };
}

const optionalTexts = (texts: DraftTexts): Texts | undefined =>
  texts.lv.trim() === '' && texts.en.trim() === '' ? undefined : textsOf(texts);

// Values typed for a free-text column keep what is being typed (an empty value after a ";");
// what is saved is only the values themselves.
const conditionValues = (condition: DraftCondition) =>
  condition.anyOf.map((value) => value.trim()).filter((value) => value !== '');

/** One question as it is saved. */
export function questionOf(draft: DraftQuestion): Question {
  const help = optionalTexts(draft.help);
  const base = {
    text: textsOf(draft.text),
    ...(help ? { help } : {}),
    ...(draft.showIf.column === ''
      ? {}
      : { showIf: { column: draft.showIf.column, anyOf: conditionValues(draft.showIf) } }),
  };
  switch (draft.type) {
    case 'rating': {
      const group = draft.group.trim();
      return {
        ...base,
        type: 'rating',
        factor: draft.factor.trim(),
        dimensions: draft.dimensions,
        scale: draft.scale,
        ...(draft.scale === 'custom'
          ? {
              labels: [
                textsOf(draft.labels[0]),
                textsOf(draft.labels[1]),
                textsOf(draft.labels[2]),
                textsOf(draft.labels[3]),
              ],
            }
          : {}),
        dk: draft.dk,
        comment: draft.comment,
        ...(group === '' ? {} : { group }),
      };
    }
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: draft.type,
        key: draft.key.trim(),
        options: draft.options.map((option) => ({
          value: option.value.trim(),
          label: textsOf(option.label),
        })),
      };
    case 'text':
      return { ...base, type: 'text', key: draft.key.trim() };
  }
}

/** The questionnaire as it is saved. */
export const questionnaireOf = (draft: Draft): Questionnaire => ({
  sections: draft.sections.map((section) => {
    const intro = optionalTexts(section.intro);
    return {
      title: textsOf(section.title),
      ...(intro ? { intro } : {}),
      questions: section.questions.map(questionOf),
    };
  }),
});

/**
 * For each question, the answer columns of the questions before it, which its condition may look
 * at. A column named twice is offered once (the check reports the second).
 */
export function earlierColumns(draft: Draft): Map<string, Column[]> {
  const before = new Map<string, Column[]>();
  const seen: Column[] = [];
  const names = new Set<string>();
  for (const section of draft.sections) {
    for (const question of section.questions) {
      before.set(question.id, [...seen]);
      const saved = questionOf(question);
      for (const column of columnsOf({ sections: [{ title: saved.text, questions: [saved] }] })) {
        if (names.has(column.name)) continue;
        names.add(column.name);
        seen.push(column);
      }
    }
  }
  return before;
}

/** Returns the list with one item moved from one index to another. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The draft with one question replaced by its changed copy (found by id). */
export const withQuestion = (draft: Draft, question: DraftQuestion): Draft => ({
  sections: draft.sections.map((section) =>
    section.questions.some((candidate) => candidate.id === question.id)
      ? {
          ...section,
          questions: section.questions.map((candidate) =>
            candidate.id === question.id ? question : candidate,
          ),
        }
      : section,
  ),
});

/** The draft with one section changed (found by id). */
export const withSection = (
  draft: Draft,
  id: string,
  change: (section: DraftSection) => DraftSection,
): Draft => ({
  sections: draft.sections.map((section) => (section.id === id ? change(section) : section)),
});

/** The draft with a question taken out of its section and put last in another. */
export function withQuestionMoved(draft: Draft, questionId: string, toSectionId: string): Draft {
  const question = draft.sections
    .flatMap((section) => section.questions)
    .find((candidate) => candidate.id === questionId);
  if (!question) return draft;
  return {
    sections: draft.sections.map((section) => {
      const kept = section.questions.filter((candidate) => candidate.id !== questionId);
      return {
        ...section,
        questions: section.id === toSectionId ? [...kept, question] : kept,
      };
    }),
  };
}

/** The editor's inputs a message can belong to (a fieldset for a group of checkboxes). */
export type PlaceField =
  | 'title'
  | 'intro'
  | 'text'
  | 'help'
  | 'factor'
  | 'key'
  | 'dimensions'
  | 'scale'
  | 'labels'
  | 'group'
  | 'options'
  | 'optionValue'
  | 'optionLabel'
  | 'showIfColumn'
  | 'showIfValues';

/**
 * Where a message belongs: `id` is the element id of the input (or of the wrapper of its field
 * or fieldset); the numbers, counted from 0, describe the place in the error summary.
 */
export interface Place {
  id: string;
  field: PlaceField;
  section: number;
  question?: number;
  option?: number;
}

/** The element id of one input of a section, question or option: `<owner id>-<what>`. */
export const placeId = (ownerId: string, what: string) => `${ownerId}-${what}`;

const language = (part: string | undefined) => (part === 'en' ? 'en' : 'lv');

/**
 * The input a path of the questionnaire names, e.g. `sections.0.questions.2.factor` (the
 * domain's check and the server, without the server's `questionnaire.` prefix). Null when the
 * path names nothing in the draft; a path deeper than the editor's inputs lands on the nearest.
 */
export function placeOfPath(draft: Draft, path: string): Place | null {
  const [root, s, part, q, field, a, b, c] = path.split('.');
  if (root !== 'sections') return null;
  const sectionIndex = Number(s);
  const section = draft.sections[sectionIndex];
  if (!section) return null;
  const inSection = (what: string, placeField: PlaceField): Place => ({
    id: placeId(section.id, what),
    field: placeField,
    section: sectionIndex,
  });
  if (part === 'intro') return inSection(`intro-${language(q)}`, 'intro');
  const questionIndex = Number(q);
  const question = part === 'questions' ? section.questions[questionIndex] : undefined;
  if (!question) return inSection(`title-${language(part === 'title' ? q : undefined)}`, 'title');
  const at = (id: string, placeField: PlaceField, option?: number): Place => ({
    id,
    field: placeField,
    section: sectionIndex,
    question: questionIndex,
    ...(option === undefined ? {} : { option }),
  });
  const inQuestion = (what: string, placeField: PlaceField) =>
    at(placeId(question.id, what), placeField);
  switch (field) {
    case 'help':
      return inQuestion(`help-${language(a)}`, 'help');
    case 'factor':
    case 'dimensions':
    case 'scale':
    case 'group':
      return question.type === 'rating' ? inQuestion(field, field) : inQuestion('key', 'key');
    case 'key':
      return question.type === 'rating' ? inQuestion('factor', 'factor') : inQuestion('key', 'key');
    case 'labels':
      if (question.type !== 'rating') return inQuestion('text-lv', 'text');
      return a !== undefined && Number(a) < 4
        ? inQuestion(`labels-${a}-${language(b)}`, 'labels')
        : inQuestion('labels', 'labels');
    case 'options': {
      if (question.type !== 'single' && question.type !== 'multiple')
        return inQuestion('text-lv', 'text');
      const optionIndex = Number(a);
      const option = question.options[optionIndex];
      if (!option) return inQuestion('options', 'options');
      return b === 'label'
        ? at(placeId(option.id, `label-${language(c)}`), 'optionLabel', optionIndex)
        : at(placeId(option.id, 'value'), 'optionValue', optionIndex);
    }
    case 'showIf':
      return a === 'anyOf'
        ? inQuestion('showif-values', 'showIfValues')
        : inQuestion('showif-column', 'showIfColumn');
    case undefined:
    default:
      return inQuestion(`text-${language(field === 'text' ? a : undefined)}`, 'text');
  }
}

/** What the editor finds wrong before sending; the page words each code. */
export type ProblemCode =
  | 'required'
  | 'codeRequired'
  | 'pattern'
  | 'duplicate'
  | 'dimensions'
  | 'twoOptions'
  | 'optionValue'
  | 'earlierColumn'
  | 'chooseValues'
  | 'unknownValue'
  | 'rule';

export interface DraftProblem {
  place: Place | null;
  code: ProblemCode;
  /** The code used twice, for `duplicate`; the domain's own words, for `rule`. */
  detail?: string;
}

// The domain's check says which input is wrong; its English words become one of our codes by
// the input it names (a factor or key is wrong either by its form or by being used twice).
function codeOf(draft: Draft, place: Place): Pick<DraftProblem, 'code' | 'detail'> | null {
  const question =
    place.question === undefined
      ? undefined
      : draft.sections[place.section]?.questions[place.question];
  switch (place.field) {
    case 'factor':
    case 'key': {
      const code = question?.type === 'rating' ? question.factor : (question?.key ?? '');
      if (code.trim() === '') return { code: 'codeRequired' };
      return FACTOR_PATTERN.test(code.trim())
        ? { code: 'duplicate', detail: code.trim() }
        : { code: 'pattern' };
    }
    case 'dimensions':
      return { code: 'dimensions' };
    case 'options':
      return { code: 'twoOptions' };
    case 'optionValue':
      return { code: 'optionValue' };
    case 'showIfColumn':
      return { code: 'earlierColumn' };
    case 'showIfValues':
      return { code: 'unknownValue' };
    case 'title':
    case 'intro':
    case 'text':
    case 'help':
    case 'scale':
    case 'labels':
    case 'group':
    case 'optionLabel':
      return null;
  }
}

/**
 * Everything the editor can tell before saving: required Latvian texts, a condition without
 * values, and the domain's own check of the questionnaire (the server runs the same one).
 */
export function draftProblems(draft: Draft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const required = (texts: DraftTexts, place: Place, optional = false) => {
    // An optional text is only required in Latvian once it has English.
    if (texts.lv.trim() === '' && (!optional || texts.en.trim() !== ''))
      problems.push({ place, code: 'required' });
  };
  draft.sections.forEach((section, s) => {
    const at = (field: PlaceField, what: string): Place => ({
      id: placeId(section.id, what),
      field,
      section: s,
    });
    required(section.title, at('title', 'title-lv'));
    required(section.intro, at('intro', 'intro-lv'), true);
    section.questions.forEach((question, q) => {
      const inQuestion = (field: PlaceField, what: string, option?: number): Place => ({
        id: placeId(question.id, what),
        field,
        section: s,
        question: q,
        ...(option === undefined ? {} : { option }),
      });
      required(question.text, inQuestion('text', 'text-lv'));
      required(question.help, inQuestion('help', 'help-lv'), true);
      if (question.type === 'rating' && question.scale === 'custom') {
        question.labels.forEach((label, point) =>
          required(label, inQuestion('labels', `labels-${point}-lv`)),
        );
      }
      if (question.type === 'single' || question.type === 'multiple') {
        question.options.forEach((option, o) =>
          required(option.label, {
            id: placeId(option.id, 'label-lv'),
            field: 'optionLabel',
            section: s,
            question: q,
            option: o,
          }),
        );
      }
      if (question.showIf.column !== '' && conditionValues(question.showIf).length === 0)
        problems.push({ place: inQuestion('showIfValues', 'showif-values'), code: 'chooseValues' });
    });
  });
  for (const problem of checkQuestionnaire(questionnaireOf(draft))) {
    const place = placeOfPath(draft, problem.path);
    const known = place ? codeOf(draft, place) : null;
    problems.push({ place, ...(known ?? { code: 'rule', detail: problem.message }) });
  }
  return problems;
}
