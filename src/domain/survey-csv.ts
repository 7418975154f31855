/**
 * Survey answers as CSV (RFC 4180, UTF-8, comma-separated, header row): one row per respondent
 * and wave. Columns `respondent`, `wave`, optional `stratum`, then answers; a rating column is
 * `<factor>:importance` or `<factor>:satisfaction` with cells 1–4, `dk` (hard to say) or empty
 * (no answer). Other columns (open comments, other questions) are read past. The file is parsed
 * and counted in one pass, so a hundred thousand respondents never sit in memory as rows.
 */
import type { RatingDimension, RatingTally } from './survey-stats';

/** What is wrong with a CSV file, and where: a 1-based line, a column by name or position. */
export interface CsvProblem {
  line: number;
  column: string | number | null;
  message: string;
}

/** `line 7, column "waiting:satisfaction": unknown value "5"`. */
export function describeCsvProblem(problem: CsvProblem): string {
  const column =
    problem.column === null
      ? ''
      : typeof problem.column === 'number'
        ? `, column ${problem.column}`
        : `, column ${JSON.stringify(problem.column)}`;
  return `line ${problem.line}${column}: ${problem.message}`;
}

/**
 * Receives one record: its cells and the line each cell starts on. Both arrays are reused for the
 * next record, so copy what must outlive the call. A returned problem stops the reading.
 */
export type CsvRecordHandler = (
  cells: readonly string[],
  cellLines: readonly number[],
) => CsvProblem | undefined;

const NO_ANSWERS = 'no answers: an interview without a single answer is not complete';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** Line breaks (CRLF, LF or a lone CR) in text[from, to). */
function lineBreaksIn(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * Reads CSV text record by record (RFC 4180): quoted cells may hold commas, doubled quotes and
 * line breaks; lines end in CRLF, LF or CR; a leading BOM and blank lines are skipped. A quote
 * inside an unquoted cell, text after a closing quote and an unclosed quote are refused. Columns
 * in problems are 1-based positions; the caller knows their names.
 */
export function readCsv(text: string, onRecord: CsvRecordHandler): CsvProblem | null {
  const length = text.length;
  const cells: string[] = [];
  const cellLines: number[] = [];
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;

  while (i < length) {
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    cells.length = 0;
    cellLines.length = 0;
    for (;;) {
      cellLines.push(line);
      if (i < length && text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            return {
              line: openedOn,
              column: cells.length + 1,
              message: 'a quoted cell is never closed',
            };
          }
          line += lineBreaksIn(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          i = close + 1;
          break;
        }
        cells.push(value);
        c = i < length ? text.charCodeAt(i) : COMMA;
        if (c !== COMMA && c !== LF && c !== CR) {
          return {
            line,
            column: cells.length,
            message: 'text after the closing quote of a quoted cell',
          };
        }
      } else {
        const from = i;
        while (i < length) {
          c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            return {
              line,
              column: cells.length + 1,
              message:
                'a quote inside an unquoted cell (quote the whole cell and double the quote)',
            };
          }
          i++;
        }
        cells.push(text.slice(from, i));
      }
      if (i >= length) break;
      c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        // A comma at the very end still opens one last, empty cell.
        if (i >= length) {
          cellLines.push(line);
          cells.push('');
          break;
        }
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    const problem = onRecord(cells, cellLines);
    if (problem) return problem;
  }
  return null;
}

/** A rating column's name: the factor and the dimension. */
const RATING_COLUMN = /^([a-z0-9_]+):(importance|satisfaction)$/;
/** What looks meant as a rating column but is not spelled as one (`Waiting:importance`). */
const RATING_LIKE = /:\s*(importance|satisfaction)\s*$/i;

/** The counted answers of a file: every wave seen and a tally per rating column and wave. */
export interface SurveyAnswers {
  /** Waves in the order they first appear. */
  waves: string[];
  respondents: number;
  tallies: RatingTally[];
}

export type SurveyCsvResult =
  { ok: true; answers: SurveyAnswers } | { ok: false; problem: CsvProblem };

/** Per wave: counts per rating column (five slots each: 1, 2, 3, 4, dk) and who answered. */
interface WaveTally {
  counts: Uint32Array;
  /** Respondent → the line of their row, to name both rows of a duplicate. */
  respondents: Map<string, number>;
}

const COUNT_SLOTS = 5;
const DK_SLOT = 4;
const LONGEST_VALUE_SHOWN = 40;

function shown(value: string): string {
  return JSON.stringify(
    value.length > LONGEST_VALUE_SHOWN ? `${value.slice(0, LONGEST_VALUE_SHOWN)}…` : value,
  );
}

/** One row of answers, for a caller that keeps rows as well as counts (an import). */
export interface SurveyRow {
  /** The line the row starts on (a spreadsheet's row number). */
  line: number;
  respondent: string;
  wave: string;
  /** Null when the file has no stratum column or the cell is empty. */
  stratum: string | null;
  header: readonly string[];
  /** Reused for the next row: copy what must outlive the call. */
  cells: readonly string[];
  cellLines: readonly number[];
}

export interface SurveyAnswersOptions {
  /** Called for each row once its ratings are counted; a returned problem stops the reading. */
  onRow?: (row: SurveyRow) => CsvProblem | undefined;
}

/**
 * Reads survey answers record by record from any source of records (CSV text, a spreadsheet's
 * rows), checking and counting them as `parseSurveyAnswers` describes.
 */
export function surveyAnswersReader(options: SurveyAnswersOptions = {}): {
  record: CsvRecordHandler;
  finish: (problem: CsvProblem | null) => SurveyCsvResult;
} {
  let header: string[] | null = null;
  let respondentAt = -1;
  let waveAt = -1;
  let stratumAt = -1;
  /** The columns that say who answered, not what. */
  let identityAt = new Set<number>();
  const ratingAt: number[] = [];
  const ratingOf: Array<{ factor: string; dimension: RatingDimension }> = [];
  const waves = new Map<string, WaveTally>();
  let respondents = 0;

  const columnOf = (index: number): string | number => {
    const name = header?.[index];
    return name ? name : index + 1;
  };

  const readHeader = (
    cells: readonly string[],
    cellLines: readonly number[],
  ): CsvProblem | undefined => {
    header = [...cells];
    const seen = new Set<string>();
    for (const [index, name] of header.entries()) {
      const rating = RATING_COLUMN.exec(name);
      const special = name === 'respondent' || name === 'wave' || name === 'stratum';
      if (!rating && !special) {
        if (RATING_LIKE.test(name)) {
          return {
            line: cellLines[index] as number,
            column: columnOf(index),
            message:
              'malformed rating column name (expected <factor>:importance or ' +
              '<factor>:satisfaction, the factor in a–z, 0–9 and _)',
          };
        }
        continue;
      }
      if (seen.has(name)) {
        return {
          line: cellLines[index] as number,
          column: columnOf(index),
          message: 'the column appears twice',
        };
      }
      seen.add(name);
      if (name === 'respondent') respondentAt = index;
      else if (name === 'wave') waveAt = index;
      else if (name === 'stratum') stratumAt = index;
      else if (rating) {
        ratingAt.push(index);
        ratingOf.push({ factor: rating[1] as string, dimension: rating[2] as RatingDimension });
      }
    }
    for (const [required, at] of [
      ['respondent', respondentAt],
      ['wave', waveAt],
    ] as const) {
      if (at < 0)
        return { line: 1, column: null, message: `the header has no "${required}" column` };
    }
    identityAt = new Set([respondentAt, waveAt, stratumAt]);
    return undefined;
  };

  const readRow = (
    cells: readonly string[],
    cellLines: readonly number[],
    width: number,
  ): CsvProblem | undefined => {
    const line = cellLines[0] as number;
    if (cells.length !== width) {
      const hint =
        cells.length < width
          ? `no cell for column ${JSON.stringify(columnOf(cells.length))}`
          : `an extra cell in column ${cells.length}`;
      return {
        line,
        column: null,
        message: `${cells.length} cells where the header has ${width} (${hint})`,
      };
    }
    const respondent = cells[respondentAt] as string;
    const wave = cells[waveAt] as string;
    if (respondent === '') {
      return { line: cellLines[respondentAt] as number, column: 'respondent', message: 'empty' };
    }
    if (wave === '') return { line: cellLines[waveAt] as number, column: 'wave', message: 'empty' };
    // The file holds completed interviews: one without a single answer is a break-off or a
    // refusal, and counting it would raise the completes and the response rate.
    if (!cells.some((cell, index) => cell !== '' && !identityAt.has(index))) {
      return { line, column: null, message: NO_ANSWERS };
    }

    let tally = waves.get(wave);
    if (!tally) {
      tally = { counts: new Uint32Array(ratingAt.length * COUNT_SLOTS), respondents: new Map() };
      waves.set(wave, tally);
    }
    const firstLine = tally.respondents.get(respondent);
    if (firstLine !== undefined) {
      return {
        line: cellLines[respondentAt] as number,
        column: 'respondent',
        message: `respondent ${shown(respondent)} appears twice in wave ${shown(wave)} (first on line ${firstLine})`,
      };
    }
    tally.respondents.set(respondent, line);
    respondents++;

    const counts = tally.counts;
    for (let j = 0; j < ratingAt.length; j++) {
      const at = ratingAt[j] as number;
      const value = cells[at] as string;
      let slot: number;
      if (value.length === 1) {
        slot = value.charCodeAt(0) - 0x31; // '1' → 0 … '4' → 3
        if (slot < 0 || slot > 3) slot = -1;
      } else if (value === 'dk') {
        slot = DK_SLOT;
      } else if (value === '') {
        continue;
      } else {
        slot = -1;
      }
      if (slot < 0) {
        return {
          line: cellLines[at] as number,
          column: columnOf(at),
          message: `unknown value ${shown(value)}`,
        };
      }
      counts[j * COUNT_SLOTS + slot]! += 1;
    }
    if (!options.onRow) return undefined;
    const stratum = stratumAt < 0 ? '' : (cells[stratumAt] as string);
    return options.onRow({
      line,
      respondent,
      wave,
      stratum: stratum === '' ? null : stratum,
      header: header as string[],
      cells,
      cellLines,
    });
  };

  const record: CsvRecordHandler = (cells, cellLines) => {
    if (header === null) return readHeader(cells, cellLines);
    return readRow(cells, cellLines, header.length);
  };
  return { record, finish: (problem) => finish(problem) };

  function finish(problem: CsvProblem | null): SurveyCsvResult {
    if (problem) {
      if (typeof problem.column === 'number') problem.column = columnOf(problem.column - 1);
      return { ok: false, problem };
    }
    if (header === null) {
      return { ok: false, problem: { line: 1, column: null, message: 'the file is empty' } };
    }

    const tallies: RatingTally[] = [];
    for (const [wave, { counts }] of waves) {
      for (const [j, { factor, dimension }] of ratingOf.entries()) {
        const base = j * COUNT_SLOTS;
        tallies.push({
          factor,
          wave,
          dimension,
          counts: {
            '1': counts[base] as number,
            '2': counts[base + 1] as number,
            '3': counts[base + 2] as number,
            '4': counts[base + 3] as number,
            dk: counts[base + DK_SLOT] as number,
          },
        });
      }
    }
    return { ok: true, answers: { waves: [...waves.keys()], respondents, tallies } };
  }
}

/**
 * Parses and counts a survey answers file in one pass. Refused, with the line and column: a
 * missing `respondent` or `wave` column, a malformed or repeated rating column, a row with the
 * wrong number of cells, an empty respondent or wave, a respondent twice in one wave, a rating
 * that is not 1–4, dk or empty, and broken quoting.
 */
export function parseSurveyAnswers(
  text: string,
  options: SurveyAnswersOptions = {},
): SurveyCsvResult {
  const reader = surveyAnswersReader(options);
  return reader.finish(readCsv(text, reader.record));
}
