import { describe, expect, it } from 'vitest';
import {
  describeCsvProblem,
  parseSurveyAnswers,
  readCsv,
  type CsvProblem,
  type SurveyAnswers,
} from './survey-csv';

/** Every record as copied cells with the line each cell starts on, or the problem. */
function records(text: string): Array<Array<[string, number]>> | CsvProblem {
  const read: Array<Array<[string, number]>> = [];
  const problem = readCsv(text, (cells, lines) => {
    read.push(cells.map((cell, i) => [cell, lines[i] as number]));
    return undefined;
  });
  return problem ?? read;
}

function answers(text: string): SurveyAnswers {
  const result = parseSurveyAnswers(text);
  if (!result.ok) throw new Error(describeCsvProblem(result.problem));
  return result.answers;
}

function refusal(text: string): string {
  const result = parseSurveyAnswers(text);
  if (result.ok) throw new Error('accepted');
  return describeCsvProblem(result.problem);
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('readCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(records('a,"b, c","say ""hi""","two\nlines"\nnext,,"",x')).toEqual([
      [
        ['a', 1],
        ['b, c', 1],
        ['say "hi"', 1],
        ['two\nlines', 1],
      ],
      [
        ['next', 3],
        ['', 3],
        ['', 3],
        ['x', 3],
      ],
    ]);
  });

  it('takes CRLF, LF and CR line ends, a BOM, blank lines and a missing last line end', () => {
    expect(records('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6\n\n7,8')).toEqual([
      [
        ['a', 1],
        ['b', 1],
      ],
      [
        ['1', 2],
        ['2', 2],
      ],
      [
        ['3', 4],
        ['4', 4],
      ],
      [
        ['5', 5],
        ['6', 5],
      ],
      [
        ['7', 7],
        ['8', 7],
      ],
    ]);
  });

  it('keeps counting lines through quoted line breaks, CRLF counted once', () => {
    expect(records('"x\r\ny\r\nz",1\r\n2,"\n"\r\n3,4')).toEqual([
      [
        ['x\r\ny\r\nz', 1],
        ['1', 3],
      ],
      [
        ['2', 4],
        ['\n', 4],
      ],
      [
        ['3', 6],
        ['4', 6],
      ],
    ]);
  });

  it('opens one last empty cell after a trailing comma', () => {
    expect(records('a,\n')).toEqual([
      [
        ['a', 1],
        ['', 1],
      ],
    ]);
    expect(records('a,')).toEqual([
      [
        ['a', 1],
        ['', 1],
      ],
    ]);
  });

  it('refuses an unclosed quote where it opened', () => {
    expect(records('a,b\n1,"never\nclosed\n')).toEqual({
      line: 2,
      column: 2,
      message: 'a quoted cell is never closed',
    });
  });

  it('refuses text after a closing quote and a quote inside an unquoted cell', () => {
    expect(records('a,"b"c\n')).toMatchObject({ line: 1, column: 2 });
    expect(records('a\n1,2 "inch"\n')).toMatchObject({
      line: 2,
      column: 2,
      message: expect.stringContaining('a quote inside an unquoted cell') as string,
    });
  });

  it('stops at the first problem a handler returns', () => {
    let seen = 0;
    const problem = readCsv('1\n2\n3\n', () => {
      seen++;
      return seen === 2 ? { line: 2, column: null, message: 'enough' } : undefined;
    });
    expect(problem).toEqual({ line: 2, column: null, message: 'enough' });
    expect(seen).toBe(2);
  });
});

describe('parseSurveyAnswers', () => {
  it('counts each rating column per wave and reads past other columns', () => {
    const parsed = answers(
      lines(
        'respondent,wave,stratum,waiting:importance,waiting:satisfaction,waiting:comment,age',
        'r1,2021,Rīga,4,3,"Too long, often",45',
        'r2,2021,Kurzeme,4,dk,,',
        'r1,2022,Rīga,3,,"He said ""wait""",46',
        'r2,2022,Kurzeme,dk,2,"two',
        'lines",',
        'r3,2022,Zemgale,,1,,',
      ),
    );

    expect(parsed.waves).toEqual(['2021', '2022']);
    expect(parsed.respondents).toBe(5);
    expect(parsed.tallies).toEqual([
      {
        factor: 'waiting',
        wave: '2021',
        dimension: 'importance',
        counts: { '1': 0, '2': 0, '3': 0, '4': 2, dk: 0 },
      },
      {
        factor: 'waiting',
        wave: '2021',
        dimension: 'satisfaction',
        counts: { '1': 0, '2': 0, '3': 1, '4': 0, dk: 1 },
      },
      {
        factor: 'waiting',
        wave: '2022',
        dimension: 'importance',
        counts: { '1': 0, '2': 0, '3': 1, '4': 0, dk: 1 },
      },
      {
        factor: 'waiting',
        wave: '2022',
        dimension: 'satisfaction',
        counts: { '1': 1, '2': 1, '3': 0, '4': 0, dk: 0 },
      },
    ]);
  });

  it('tallies a rating column nobody answered in a wave as all zero', () => {
    const parsed = answers(
      lines('wave,respondent,x:importance,y:importance', '2022,r1,,4', '2022,r2,,3'),
    );
    expect(parsed.tallies).toEqual([
      {
        factor: 'x',
        wave: '2022',
        dimension: 'importance',
        counts: { '1': 0, '2': 0, '3': 0, '4': 0, dk: 0 },
      },
      {
        factor: 'y',
        wave: '2022',
        dimension: 'importance',
        counts: { '1': 0, '2': 0, '3': 1, '4': 1, dk: 0 },
      },
    ]);
  });

  it('takes a BOM and CRLF line ends, as spreadsheets save them', () => {
    const parsed = answers('\uFEFFrespondent,wave,a:importance\r\nr1,1,4\r\nr2,1,1\r\n');
    expect(parsed.tallies[0]?.counts).toEqual({ '1': 1, '2': 0, '3': 0, '4': 1, dk: 0 });
  });

  it('allows the same respondent in different waves', () => {
    expect(answers(lines('respondent,wave,note', 'r1,2021,a', 'r1,2022,b')).respondents).toBe(2);
  });

  it('names the line and column of an unknown rating value', () => {
    const text = lines(
      'respondent,wave,waiting:importance,waiting:satisfaction',
      'r1,2022,4,3',
      'r2,2022,4,3',
      'r3,2022,4,3',
      'r4,2022,4,3',
      'r5,2022,4,3',
      'r6,2022,4,5',
    );
    expect(refusal(text)).toBe('line 7, column "waiting:satisfaction": unknown value "5"');
    for (const value of ['0', 'DK', ' 3', '3.5', 'yes']) {
      expect(refusal(lines('respondent,wave,a:importance', `r1,2022,"${value}"`))).toBe(
        `line 2, column "a:importance": unknown value ${JSON.stringify(value)}`,
      );
    }
  });

  it('names the right line after a comment spanning lines', () => {
    const text = lines('respondent,wave,note,a:importance', 'r1,1,"one\ntwo\nthree",4', 'r2,1,,x');
    expect(refusal(text)).toBe('line 5, column "a:importance": unknown value "x"');
  });

  it('refuses a respondent twice in one wave, naming both lines', () => {
    const text = lines('respondent,wave,n', 'r1,2022,1', 'r2,2022,1', 'r1,2021,1', 'r1,2022,1');
    expect(refusal(text)).toBe(
      'line 5, column "respondent": respondent "r1" appears twice in wave "2022" (first on line 2)',
    );
  });

  it('refuses an empty respondent or wave', () => {
    expect(refusal(lines('respondent,wave', ',2022'))).toBe('line 2, column "respondent": empty');
    expect(refusal(lines('respondent,wave', 'r1,'))).toBe('line 2, column "wave": empty');
  });

  it('refuses a respondent without a single answer: a break-off is not a completed interview', () => {
    expect(
      refusal(
        lines('respondent,wave,stratum,a:importance,note', 'r1,2022,Rīga,4,', 'r2,2022,Rīga,,'),
      ),
    ).toBe('line 3: no answers: an interview without a single answer is not complete');
  });

  it('refuses a header without respondent or wave', () => {
    expect(refusal(lines('id,wave,a:importance', '1,2022,4'))).toBe(
      'line 1: the header has no "respondent" column',
    );
    expect(refusal(lines('respondent,year', 'r1,2022'))).toBe(
      'line 1: the header has no "wave" column',
    );
  });

  it('refuses a malformed or repeated rating column name', () => {
    for (const name of [
      'Waiting:importance',
      'waiting time:satisfaction',
      ':importance',
      'a:Satisfaction',
    ]) {
      expect(refusal(lines(`respondent,wave,"${name}"`, 'r1,2022,4'))).toMatch(
        new RegExp(`^line 1, column ${JSON.stringify(name)}: malformed rating column name`),
      );
    }
    expect(refusal(lines('respondent,wave,a:importance,a:importance', 'r1,1,4,4'))).toBe(
      'line 1, column "a:importance": the column appears twice',
    );
    expect(refusal(lines('respondent,wave,respondent', 'r1,1,r1'))).toBe(
      'line 1, column "respondent": the column appears twice',
    );
  });

  it('reads past other columns, whatever their names', () => {
    const parsed = answers(
      lines('respondent,wave,a:comment,a:importance_note,,Q7', 'r1,1,x,y,z,w'),
    );
    expect(parsed.tallies).toEqual([]);
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(refusal(lines('respondent,wave,a:importance,note', 'r1,2022,4,ok', 'r2,2022,4'))).toBe(
      'line 3: 3 cells where the header has 4 (no cell for column "note")',
    );
    expect(refusal(lines('respondent,wave', 'r1,2022,extra'))).toBe(
      'line 2: 3 cells where the header has 2 (an extra cell in column 3)',
    );
  });

  it('refuses broken quoting, naming the column', () => {
    expect(refusal(lines('respondent,wave,note', 'r1,2022,"open', 'r2,2022,x'))).toBe(
      'line 2, column "note": a quoted cell is never closed',
    );
    expect(refusal('respondent,"wave\n')).toBe('line 1, column 2: a quoted cell is never closed');
  });

  it('refuses an empty file', () => {
    expect(refusal('')).toBe('line 1: the file is empty');
    expect(refusal('\uFEFF\r\n')).toBe('line 1: the file is empty');
  });

  it('counts every answer of many respondents and factors', () => {
    const factors = Array.from({ length: 40 }, (_, i) => `f${i}`);
    const header = [
      'respondent',
      'wave',
      ...factors.flatMap((f) => [`${f}:importance`, `${f}:satisfaction`]),
    ];
    const values = ['1', '2', '3', '4', 'dk', ''];
    const rows = [header.join(',')];
    let given = 0;
    for (let r = 0; r < 2_000; r++) {
      const cells = [`r${r}`, r % 2 === 0 ? '2021' : '2022'];
      for (let c = 0; c < 80; c++) {
        const value = values[(r + c) % 6] as string;
        if (value !== '') given++;
        cells.push(value);
      }
      rows.push(cells.join(','));
    }
    const text = rows.join('\n');

    const parsed = answers(text);

    expect(parsed.respondents).toBe(2_000);
    expect(parsed.tallies).toHaveLength(160);
    const total = parsed.tallies.reduce(
      (sum, { counts }) => sum + counts['1'] + counts['2'] + counts['3'] + counts['4'] + counts.dk,
      0,
    );
    expect(total).toBe(given);
  });
});
