/**
 * The one CSV writer of every export (RFC 4180). Whatever a file carries was typed by someone
 * (a client's comment, a colleague's name), and a spreadsheet program runs a cell that starts
 * with "=", "+", "-" or "@" (or a tab or carriage return before one) as a formula: such a cell
 * gets an apostrophe in front, which the spreadsheet shows as text. Imports take it off again
 * (`unguardedCell`), so a file exported and imported keeps what was written.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;
const MUST_QUOTE = /[",\r\n]|^\s|\s$/;

/** One cell: guarded against formulas, quoted when it must be, its quotes doubled. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return MUST_QUOTE.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record: its cells, comma-separated, ended by CRLF. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole file: the header row, then one line a record. */
export function csvText(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return [header, ...rows].map(csvLine).join('');
}

/** A cell as written before `csvCell` guarded it. */
export const unguardedCell = (value: string): string =>
  GUARDED.test(value) ? value.slice(1) : value;
