import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Config } from '../config';
import { runCli } from './cli';

/** The survey commands are calculations: they must never reach for the configuration. */
const noConfig = (): Config => {
  throw new Error('the survey commands need no database');
};

describe('apkalpo survey', () => {
  let errors: MockInstance<typeof console.error>;
  let logs: MockInstance<typeof console.log>;
  let folder: string;

  const errorOutput = () => errors.mock.calls.map((args) => args.join(' ')).join('\n');
  const printed = () => logs.mock.calls.map((args) => args.join(' ')).join('\n');
  const json = () => JSON.parse(printed()) as unknown;
  const csvFile = async (name: string, content: string | Buffer) => {
    const file = path.join(folder, name);
    await writeFile(file, content);
    return file;
  };

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'apkalpo-survey-'));
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Commander writes its own usage errors straight to stderr.
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(folder, { recursive: true, force: true });
  });

  describe('analyse', () => {
    // Saved as a spreadsheet would: a BOM, CRLF, a comment with a comma, quotes and a line break.
    const answers = [
      '\uFEFFrespondent,wave,stratum,system:importance,system:satisfaction,colleagues:importance,colleagues:satisfaction,colleagues:comment',
      'r1,2021,Rīga,4,2,3,4,"Good, ""very"" good"',
      'r2,2021,Kurzeme,4,3,dk,4,',
      'r1,2022,Rīga,4,2,3,4,"two\r\nlines"',
      'r2,2022,Kurzeme,3,dk,4,3,',
      'r3,2022,Zemgale,,,,,Nav viedokļa',
      '',
    ].join('\r\n');
    const counts = (one: number, two: number, three: number, four: number, dk: number) => ({
      '1': one,
      '2': two,
      '3': three,
      '4': four,
      dk,
    });

    it('prints counts, means and the map of the wave asked for', async () => {
      const file = await csvFile('answers.csv', answers);

      expect(await runCli(['survey', 'analyse', file, '--map-wave', '2022'], noConfig)).toBe(0);

      expect(json()).toEqual({
        factors: [
          {
            factor: 'colleagues',
            wave: '2021',
            dimension: 'importance',
            n: 1,
            counts: counts(0, 0, 1, 0, 1),
            mean: 3,
          },
          {
            factor: 'colleagues',
            wave: '2021',
            dimension: 'satisfaction',
            n: 2,
            counts: counts(0, 0, 0, 2, 0),
            mean: 4,
          },
          {
            factor: 'colleagues',
            wave: '2022',
            dimension: 'importance',
            n: 2,
            counts: counts(0, 0, 1, 1, 0),
            mean: 3.5,
          },
          {
            factor: 'colleagues',
            wave: '2022',
            dimension: 'satisfaction',
            n: 2,
            counts: counts(0, 0, 1, 1, 0),
            mean: 3.5,
          },
          {
            factor: 'system',
            wave: '2021',
            dimension: 'importance',
            n: 2,
            counts: counts(0, 0, 0, 2, 0),
            mean: 4,
          },
          {
            factor: 'system',
            wave: '2021',
            dimension: 'satisfaction',
            n: 2,
            counts: counts(0, 1, 1, 0, 0),
            mean: 2.5,
          },
          {
            factor: 'system',
            wave: '2022',
            dimension: 'importance',
            n: 2,
            counts: counts(0, 0, 1, 1, 0),
            mean: 3.5,
          },
          {
            factor: 'system',
            wave: '2022',
            dimension: 'satisfaction',
            n: 1,
            counts: counts(0, 1, 0, 0, 1),
            mean: 2,
          },
        ],
        map: {
          wave: '2022',
          // Importance (3 + 4 + 3.5 + 3.5) / 4; satisfaction (4 + 2.5 + 3.5 + 2) / 4.
          borders: { importance: 3.5, satisfaction: 3 },
          points: [
            { factor: 'colleagues', importance: 3.5, satisfaction: 3.5, quadrant: 'strengthen' },
            { factor: 'system', importance: 3.5, satisfaction: 2, quadrant: 'improve' },
          ],
        },
      });
      // Printed as JSON.stringify(…, null, 2), nothing else.
      expect(printed()).toBe(JSON.stringify(json(), null, 2));
      expect(errorOutput()).toBe('');
    });

    it('takes the border waves given', async () => {
      const file = await csvFile('answers.csv', answers);

      expect(
        await runCli(
          ['survey', 'analyse', file, '--map-wave', '2022', '--border-waves', '2021'],
          noConfig,
        ),
      ).toBe(0);

      expect(json()).toMatchObject({
        map: {
          wave: '2022',
          borders: { importance: 3.5, satisfaction: 3.25 },
          points: [
            { factor: 'colleagues', quadrant: 'strengthen' },
            { factor: 'system', quadrant: 'improve' },
          ],
        },
      });
    });

    it('shows the first wave against its own borders and a factor with no answers as null', async () => {
      const file = await csvFile(
        'first.csv',
        'respondent,wave,a:importance,a:satisfaction,b:importance,b:satisfaction\nr1,2021,4,1,dk,\n',
      );

      expect(await runCli(['survey', 'analyse', file, '--map-wave', '2021'], noConfig)).toBe(0);

      expect(json()).toMatchObject({
        factors: [
          { factor: 'a', dimension: 'importance', n: 1, mean: 4 },
          { factor: 'a', dimension: 'satisfaction', n: 1, mean: 1 },
          { factor: 'b', dimension: 'importance', n: 0, counts: { dk: 1 }, mean: null },
          { factor: 'b', dimension: 'satisfaction', n: 0, mean: null },
        ],
        map: {
          wave: '2021',
          borders: { importance: 4, satisfaction: 1 },
          points: [{ factor: 'a', importance: 4, satisfaction: 1, quadrant: 'strengthen' }],
        },
      });
    });

    it('refuses a bad file with the line and column, exit code 2 and no output', async () => {
      const bad: Array<[string, string]> = [
        [
          'respondent,wave,waiting:satisfaction\nr1,2022,4\nr2,2022,5\n',
          'line 3, column "waiting:satisfaction": unknown value "5"',
        ],
        [
          'respondent,wave,a:importance\nr1,2022,4\nr1,2022,3\n',
          'line 3, column "respondent": respondent "r1" appears twice in wave "2022" (first on line 2)',
        ],
        ['wave,a:importance\n2022,4\n', 'line 1: the header has no "respondent" column'],
        ['respondent,a:importance\nr1,4\n', 'line 1: the header has no "wave" column'],
        [
          'respondent,wave,Waiting:importance\nr1,2022,4\n',
          'line 1, column "Waiting:importance": malformed rating column name',
        ],
        ['respondent,wave,note\nr1,2022,ok\nr2,2022\n', 'line 3: 2 cells where the header has 3'],
        [
          'respondent,wave,note\nr1,2022,"never closed\n',
          'line 2, column "note": a quoted cell is never closed',
        ],
      ];

      for (const [content, message] of bad) {
        errors.mockClear();
        logs.mockClear();
        const file = await csvFile('bad.csv', content);

        expect(await runCli(['survey', 'analyse', file, '--map-wave', '2022'], noConfig)).toBe(2);

        expect(errorOutput()).toContain(message);
        expect(logs).not.toHaveBeenCalled();
      }
    });

    it('answers a command given wrongly with exit code 2', async () => {
      const file = await csvFile('answers.csv', answers);
      const latin = await csvFile(
        'latin.csv',
        Buffer.from('respondent,wave,piez\xEEmes\n', 'latin1'),
      );
      const wrongly: Array<[string, string[], string]> = [
        ['no --map-wave', ['survey', 'analyse', file], ''],
        ['no file', ['survey', 'analyse', '--map-wave', '2022'], ''],
        [
          'a missing file',
          ['survey', 'analyse', path.join(folder, 'missing.csv'), '--map-wave', '2022'],
          'Cannot read',
        ],
        ['a file not in UTF-8', ['survey', 'analyse', latin, '--map-wave', '2022'], 'not UTF-8'],
        [
          'a map wave not in the answers',
          ['survey', 'analyse', file, '--map-wave', '2023'],
          'The map wave "2023" is not in the answers (waves: 2021, 2022).',
        ],
        [
          'a border wave not in the answers',
          ['survey', 'analyse', file, '--map-wave', '2022', '--border-waves', '2020,2022'],
          'The border wave "2020" is not in the answers',
        ],
        [
          'an empty border wave',
          ['survey', 'analyse', file, '--map-wave', '2022', '--border-waves', '2021,'],
          '--border-waves takes wave names',
        ],
      ];

      for (const [description, argv, message] of wrongly) {
        errors.mockClear();
        expect(await runCli(argv, noConfig), description).toBe(2);
        expect(errorOutput(), description).toContain(message);
        expect(logs, description).not.toHaveBeenCalled();
      }
    });
  });

  describe('allocate', () => {
    it('prints the allocation in the order of the strata', async () => {
      expect(
        await runCli(
          [
            'survey',
            'allocate',
            '--total',
            '20',
            '--strata',
            'Rīga=100, Vidzeme=200,Kurzeme=150,Zemgale=190,Latgale=160',
          ],
          noConfig,
        ),
      ).toBe(0);

      // Quotas 2.5, 5, 3.75, 4.75, 4: floors 18, seats to Kurzeme and Zemgale (.75, larger first).
      expect(printed()).toBe(
        JSON.stringify(
          { allocation: { Rīga: 2, Vidzeme: 5, Kurzeme: 4, Zemgale: 5, Latgale: 4 } },
          null,
          2,
        ),
      );
    });

    it('breaks a tie in the remainders for the larger stratum', async () => {
      expect(
        await runCli(
          ['survey', 'allocate', '--total', '3', '--strata', 'a=10,b=30,c=20'],
          noConfig,
        ),
      ).toBe(0);
      expect(json()).toEqual({ allocation: { a: 0, b: 2, c: 1 } });
    });

    it('applies a minimum and caps, sharing the rest by size', async () => {
      expect(
        await runCli(
          [
            'survey',
            'allocate',
            '--total',
            '10',
            '--strata',
            'a=80,b=10,c=10',
            '--min',
            '2',
            '--max',
            'a=5',
          ],
          noConfig,
        ),
      ).toBe(0);
      expect(json()).toEqual({ allocation: { a: 5, b: 3, c: 2 } });
    });

    it('keeps the order of strata named by numbers', async () => {
      expect(
        await runCli(
          ['survey', 'allocate', '--total', '6', '--strata', '3=30,1=10,2=20'],
          noConfig,
        ),
      ).toBe(0);
      expect(printed()).toBe('{\n  "allocation": {\n    "3": 3,\n    "1": 1,\n    "2": 2\n  }\n}');
    });

    it('refuses constraints that cannot be met, with exit code 2 and no output', async () => {
      const impossible: Array<[string[], string]> = [
        [
          ['--total', '5', '--strata', 'a=10,b=10,c=10', '--min', '2'],
          'The total 5 is below the minimum 2 × 3 strata = 6.',
        ],
        [
          ['--total', '15', '--strata', 'a=10,b=10', '--max', 'a=3,b=4'],
          'The total 15 is above 7, what the strata hold within their caps and sizes.',
        ],
        [
          ['--total', '8', '--strata', 'a=10,b=10', '--min', '4', '--max', 'b=3'],
          'The minimum 4 is above the cap 3 of "b".',
        ],
        [
          ['--total', '8', '--strata', 'a=10,b=3', '--min', '4'],
          'The minimum 4 is above the size 3 of "b".',
        ],
      ];

      for (const [options, message] of impossible) {
        errors.mockClear();
        expect(await runCli(['survey', 'allocate', ...options], noConfig), message).toBe(2);
        expect(errorOutput()).toBe(message);
        expect(logs).not.toHaveBeenCalled();
      }
    });

    it('answers arguments given wrongly with exit code 2', async () => {
      const wrongly: Array<[string[], string]> = [
        [['--strata', 'a=1'], ''],
        [['--total', '5'], ''],
        [['--total', 'five', '--strata', 'a=10'], '--total must be a whole number'],
        [['--total', '-5', '--strata', 'a=10'], ''],
        [['--total', '2.5', '--strata', 'a=10'], '--total must be a whole number'],
        [['--total', '5', '--strata', 'a'], '--strata takes name=number'],
        [['--total', '5', '--strata', '=3'], '--strata takes name=number'],
        [['--total', '5', '--strata', 'a=x'], '--strata a must be a whole number'],
        [['--total', '5', '--strata', 'a=3,a=4'], '--strata names "a" twice.'],
        [['--total', '5', '--strata', 'a=10', '--min', 'x'], '--min must be a whole number'],
        [['--total', '5', '--strata', 'a=10', '--max', 'b=2'], 'The cap names "b"'],
      ];

      for (const [options, message] of wrongly) {
        errors.mockClear();
        expect(await runCli(['survey', 'allocate', ...options], noConfig), options.join(' ')).toBe(
          2,
        );
        expect(errorOutput()).toContain(message);
        expect(logs).not.toHaveBeenCalled();
      }
    });
  });
});
