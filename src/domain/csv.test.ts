import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvText, unguardedCell } from './csv';

/** A cell as a spreadsheet reads it back: the RFC 4180 quoting undone. */
const unquoted = (cell: string) =>
  cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;

describe('CSV writer', () => {
  it('quotes what must be quoted (RFC 4180) and leaves the rest alone', () => {
    expect(csvCell('Labi, paldies')).toBe('"Labi, paldies"');
    expect(csvCell('Saka "jā"')).toBe('"Saka ""jā"""');
    expect(csvCell('Pirmā rinda\notrā')).toBe('"Pirmā rinda\notrā"');
    expect(csvCell(' atstarpe ')).toBe('" atstarpe "');
    expect(csvCell('Bērziņš')).toBe('Bērziņš');
    expect(csvCell('3')).toBe('3');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('keeps a cell from running as a spreadsheet formula, and reads it back as written', () => {
    for (const text of [
      '=HYPERLINK("http://x.example","klikšķini")',
      '+1',
      '-2',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1+1',
    ]) {
      const cell = csvCell(text);
      expect(unquoted(cell).startsWith("'"), text).toBe(true);
      expect(unguardedCell(unquoted(cell))).toBe(text);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves an apostrophe that guards nothing as it is', () => {
    expect(csvCell("'plain")).toBe("'plain");
    expect(unguardedCell("'plain")).toBe("'plain");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes records as lines ended by CRLF, the header first', () => {
    expect(csvLine(['a', null, '=x'])).toBe("a,,'=x\r\n");
    expect(
      csvText(
        ['at', 'staff'],
        [
          ['2026-03-10', 'Anna'],
          ['2026-03-11', '@Jānis'],
        ],
      ),
    ).toBe("at,staff\r\n2026-03-10,Anna\r\n2026-03-11,'@Jānis\r\n");
  });
});
