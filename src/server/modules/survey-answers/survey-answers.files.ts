import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvProblem, CsvRecordHandler } from '../../../domain/survey-csv';

// Spreadsheets in and out. A contractor's XLSX is read row by row into the same reader as a CSV
// file, so both are checked alike and a row's number is the "line" a problem names.

/** A cell as text: numbers as written, dates as YYYY-MM-DD, rich text joined, formulas' results. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    if ('hyperlink' in value) return String(value.hyperlink);
  }
  return '';
}

/**
 * Feeds the first worksheet's rows to `onRecord`, each padded to the header's width because a
 * spreadsheet leaves out empty cells at the end of a row. Stops at the first problem.
 */
export async function readXlsxRecords(
  content: Buffer,
  onRecord: CsvRecordHandler,
): Promise<CsvProblem | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  const cells: string[] = [];
  const lines: number[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        cells.length = 0;
        // row.values is 1-based: index 0 is always empty.
        for (let column = 1; column < Math.max(values.length, width + 1); column++) {
          cells.push(cellText(values[column]).trim());
        }
        while (cells.length > width && width > 0 && cells.at(-1) === '') cells.pop();
        if (cells.every((cell) => cell === '')) continue;
        if (width === 0) width = cells.length;
        lines.length = 0;
        for (let i = 0; i < cells.length; i++) lines.push(row.number);
        const problem = onRecord(cells, lines);
        if (problem) return problem;
      }
      // Only the first worksheet holds answers; others (notes, codebooks) are left alone.
      break;
    }
  } catch {
    return { line: 1, column: null, message: 'not a readable XLSX workbook' };
  }
  return null;
}

/**
 * Writes rows to an XLSX workbook as they come, so a large export never sits in memory whole.
 * Returns the stream to send and a promise that settles when everything is written.
 */
export function xlsxWriter(sheetName: string): {
  stream: PassThrough;
  addRow: (cells: readonly string[]) => void;
  finish: () => Promise<void>;
} {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  // Excel refuses a sheet named with : \ / ? * [ ] or longer than 31 characters.
  const sheet = workbook.addWorksheet(
    sheetName
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'answers',
  );
  return {
    stream,
    addRow: (cells) => {
      sheet.addRow([...cells]).commit();
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
