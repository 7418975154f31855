/**
 * Survey answers for SPSS: numeric codes in a CSV file SPSS reads as it is, and a syntax file
 * that reads it and labels every variable and value. Column names with ":" are not valid SPSS
 * variable names, "hard to say" becomes 9 and is declared missing, and a multiple choice becomes
 * one 0/1 variable per option, as analysts tabulate them.
 */
import {
  DK_LABEL,
  choicesOf,
  labelsOf,
  textIn,
  type ChoiceQuestion,
  type Column,
  type RatingQuestion,
} from './questionnaire';

export const SPSS_DK = 9;

export interface SpssVariable {
  name: string;
  label: string;
  /** Numeric with value labels, or free text of at most `width` characters. */
  kind: 'numeric' | 'text';
  width: number;
  values: Array<{ code: number; label: string }>;
  missing: number[];
  /** The cell of this variable for a response's answers. */
  cellOf: (answers: Readonly<Record<string, string>>) => string;
}

const MAX_NAME = 64;
/** SPSS's longest string, in bytes: a web comment may be 4000 letters, a Latvian one 2 bytes each. */
const TEXT_WIDTH = 32767;
/** Words SPSS keeps for itself; a variable may not be named so. */
const SPSS_RESERVED = new Set([
  'all',
  'and',
  'by',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'not',
  'or',
  'to',
  'with',
]);
const SUFFIX: Record<string, string> = { importance: 'imp', satisfaction: 'sat', comment: 'com' };

/** A valid, unique SPSS name: letters, digits and _, starting with a letter, ≤ 64 bytes. */
function spssName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(base)) base = `v${base}`;
  if (SPSS_RESERVED.has(base.toLowerCase())) base = `${base}_v`;
  base = base.slice(0, MAX_NAME);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `_${n}`;
    name = base.slice(0, MAX_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The SPSS variables for the fixed columns, the questionnaire's columns and any other kept. */
export function spssVariables(
  columns: readonly Column[],
  otherColumns: readonly string[],
  language: 'lv' | 'en',
): SpssVariable[] {
  const taken = new Set<string>();
  const text = (name: string, label: string, column: string): SpssVariable => ({
    name: spssName(name, taken),
    label,
    kind: 'text',
    width: TEXT_WIDTH,
    values: [],
    missing: [],
    cellOf: (answers) => answers[column] ?? '',
  });
  const variables: SpssVariable[] = [
    text('respondent', 'respondent', 'respondent'),
    text('wave', 'wave', 'wave'),
    text('stratum', 'stratum', 'stratum'),
  ];
  for (const column of columns) {
    const questionText = textIn(column.question.text, language);
    if (column.kind === 'rating') {
      const question = column.question as RatingQuestion;
      const dimension = column.dimension as 'importance' | 'satisfaction';
      const labels = labelsOf(question, dimension);
      variables.push({
        name: spssName(`${question.factor}_${SUFFIX[dimension]}`, taken),
        label: `${questionText} (${dimension})`,
        kind: 'numeric',
        width: 1,
        values: [
          ...labels.map((label, index) => ({ code: index + 1, label: textIn(label, language) })),
          ...(question.dk ? [{ code: SPSS_DK, label: textIn(DK_LABEL, language) }] : []),
        ],
        missing: question.dk ? [SPSS_DK] : [],
        cellOf: (answers) => {
          const answer = answers[column.name] ?? '';
          return answer === 'dk' ? String(SPSS_DK) : answer;
        },
      });
    } else if (column.kind === 'single') {
      const question = column.question as ChoiceQuestion;
      variables.push({
        name: spssName(question.key, taken),
        label: questionText,
        kind: 'numeric',
        width: String(question.options.length).length,
        values: question.options.map((option, index) => ({
          code: index + 1,
          label: textIn(option.label, language),
        })),
        missing: [],
        cellOf: (answers) => {
          const index = question.options.findIndex(
            (option) => option.value === answers[column.name],
          );
          return index < 0 ? '' : String(index + 1);
        },
      });
    } else if (column.kind === 'multiple') {
      const question = column.question as ChoiceQuestion;
      for (const option of question.options) {
        variables.push({
          name: spssName(`${question.key}_${option.value}`, taken),
          label: `${questionText}: ${textIn(option.label, language)}`,
          kind: 'numeric',
          width: 1,
          values: [
            { code: 0, label: language === 'lv' ? 'Nav atzīmēts' : 'Not chosen' },
            { code: 1, label: language === 'lv' ? 'Atzīmēts' : 'Chosen' },
          ],
          missing: [],
          cellOf: (answers) => {
            const answer = answers[column.name];
            if (answer === undefined || answer === '') return '';
            return choicesOf(answer).includes(option.value) ? '1' : '0';
          },
        });
      }
    } else {
      const label =
        column.kind === 'comment'
          ? `${questionText} (${language === 'lv' ? 'komentārs' : 'comment'})`
          : questionText;
      const wanted =
        column.kind === 'comment'
          ? `${(column.question as RatingQuestion).factor}_${SUFFIX.comment}`
          : column.name;
      variables.push(text(wanted, label, column.name));
    }
  }
  for (const column of otherColumns) variables.push(text(column, column, column));
  return variables;
}

/** A cell for SPSS, which ends a case at every line break, even inside quotes. */
export const oneLine = (value: string): string => value.replace(/\s*[\r\n]+\s*/g, ' ');

const quoted = (text: string) => `'${text.replace(/'/g, "''").replace(/\s+/g, ' ')}'`;

/**
 * The syntax that reads the numeric CSV (`dataFile`, UTF-8, header row) and labels it: variable
 * labels, value labels, and "hard to say" as a missing value.
 */
export function spssSyntax(variables: readonly SpssVariable[], dataFile: string): string {
  const lines = [
    '* Apkalpo: survey answers with their labels. Keep this file beside the data file.',
    'SET UNICODE=ON.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${quoted(dataFile)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    "  /QUALIFIER='\"'",
    '  /VARIABLES=',
    ...variables.map(
      (variable) =>
        `    ${variable.name} ${variable.kind === 'numeric' ? `F${variable.width}.0` : `A${variable.width}`}`,
    ),
    '.',
    'VARIABLE LABELS',
    ...variables.map((variable) => `  ${variable.name} ${quoted(variable.label)}`),
    '.',
  ];
  const labelled = variables.filter((variable) => variable.values.length > 0);
  if (labelled.length > 0) {
    lines.push('VALUE LABELS');
    labelled.forEach((variable, index) => {
      lines.push(`  ${index === 0 ? '' : '/'}${variable.name}`);
      for (const value of variable.values) lines.push(`    ${value.code} ${quoted(value.label)}`);
    });
    lines.push('.');
  }
  const missing = variables.filter((variable) => variable.missing.length > 0);
  if (missing.length > 0) {
    lines.push('MISSING VALUES');
    missing.forEach((variable, index) => {
      lines.push(`  ${index === 0 ? '' : '/'}${variable.name} (${variable.missing.join(', ')})`);
    });
    lines.push('.');
  }
  lines.push('EXECUTE.', '');
  return lines.join('\r\n');
}
