import { describe, expect, it } from 'vitest';
import {
  analyseSurvey,
  compareWaves,
  defaultBorderWaves,
  emptyCounts,
  factorStatistics,
  importanceSatisfactionMap,
  quadrantOf,
  ratingSummary,
  withChanges,
  type FactorStats,
  type RatingCounts,
  type RatingDimension,
  type RatingTally,
} from './survey-stats';

const counts = (given: Partial<RatingCounts>): RatingCounts => ({ ...emptyCounts(), ...given });
const tally = (
  factor: string,
  wave: string,
  dimension: RatingDimension,
  given: Partial<RatingCounts>,
): RatingTally => ({ factor, wave, dimension, counts: counts(given) });
/** A factor rated on both dimensions in one wave. */
const rated = (
  factor: string,
  wave: string,
  importance: Partial<RatingCounts>,
  satisfaction: Partial<RatingCounts>,
): RatingTally[] => [
  tally(factor, wave, 'importance', importance),
  tally(factor, wave, 'satisfaction', satisfaction),
];

describe('ratingSummary', () => {
  it('reproduces the 2022 report: cooperation with municipal colleagues 18 × 4 + 2 × 3 → 3.90', () => {
    // SURVEY.md (the 2022 staff study), "Analysis in the report": (18·4 + 2·3) / 20 = 3.90.
    expect(ratingSummary(counts({ '4': 18, '3': 2 }))).toEqual({ n: 20, mean: 3.9 });
    // The same table: chances to improve skills 14/5/1 → 3.65, training content 12/8 → 3.60.
    expect(ratingSummary(counts({ '4': 14, '3': 5, '2': 1 })).mean).toBeCloseTo(3.65, 12);
    expect(ratingSummary(counts({ '4': 12, '3': 8 })).mean).toBeCloseTo(3.6, 12);
  });

  it('counts "hard to say" apart: out of n and out of the mean', () => {
    expect(ratingSummary(counts({ '4': 18, '3': 2, dk: 5 }))).toEqual({ n: 20, mean: 3.9 });
  });

  it('gives no mean when nobody answered 1–4', () => {
    expect(ratingSummary(emptyCounts())).toEqual({ n: 0, mean: null });
    expect(ratingSummary(counts({ dk: 3 }))).toEqual({ n: 0, mean: null });
  });

  it('keeps the mean unrounded', () => {
    expect(ratingSummary(counts({ '1': 1, '2': 1, '4': 1 })).mean).toBe(7 / 3);
  });
});

describe('compareWaves', () => {
  it('orders text with numbers as numbers', () => {
    const waves = ['2022', '2021-10', 'spring', '10', '2021-2', '9', '2021', '01', '1'];
    expect(waves.sort(compareWaves)).toEqual([
      '01',
      '1',
      '9',
      '10',
      '2021',
      '2021-2',
      '2021-10',
      '2022',
      'spring',
    ]);
  });

  it('is a total order that calls only equal strings equal', () => {
    expect(compareWaves('2022', '2022')).toBe(0);
    expect(compareWaves('01', '1')).toBeLessThan(0);
    expect(compareWaves('1', '01')).toBeGreaterThan(0);
    expect(compareWaves('99999999999999999999', '100000000000000000000')).toBeLessThan(0);
  });
});

describe('factorStatistics', () => {
  it('sorts by factor, then wave, then importance before satisfaction, keys in order', () => {
    const stats = factorStatistics([
      tally('waiting', '2022', 'satisfaction', { '2': 1 }),
      tally('courtesy', '2022', 'importance', { '4': 1 }),
      tally('waiting', '2021', 'importance', { dk: 1 }),
      tally('waiting', '2022', 'importance', { '3': 2, '4': 2 }),
    ]);

    expect(stats.map((s) => `${s.factor} ${s.wave} ${s.dimension}`)).toEqual([
      'courtesy 2022 importance',
      'waiting 2021 importance',
      'waiting 2022 importance',
      'waiting 2022 satisfaction',
    ]);
    expect(stats[2]).toEqual({
      factor: 'waiting',
      wave: '2022',
      dimension: 'importance',
      n: 4,
      counts: { '1': 0, '2': 0, '3': 2, '4': 2, dk: 0 },
      mean: 3.5,
    });
    expect(Object.keys(stats[2] ?? {})).toEqual([
      'factor',
      'wave',
      'dimension',
      'n',
      'counts',
      'mean',
    ]);
    expect(stats[1]).toMatchObject({ n: 0, mean: null, counts: { dk: 1 } });
  });
});

describe('defaultBorderWaves', () => {
  it('takes the map wave and the one before it in wave order', () => {
    expect(defaultBorderWaves(['2022', '2020', '2021', '2023'], '2022')).toEqual(['2021', '2022']);
    expect(defaultBorderWaves(['10', '9'], '10')).toEqual(['9', '10']);
  });

  it('takes the map wave alone when it is the first', () => {
    expect(defaultBorderWaves(['2022', '2021'], '2021')).toEqual(['2021']);
  });
});

describe('quadrantOf', () => {
  it('names the four quadrants as the report does', () => {
    expect(quadrantOf(true, false)).toBe('improve');
    expect(quadrantOf(true, true)).toBe('strengthen');
    expect(quadrantOf(false, true)).toBe('keep');
    expect(quadrantOf(false, false)).toBe('watch');
  });
});

describe('importanceSatisfactionMap', () => {
  // Importance means 4, 3, 2, 1, 2.5 and satisfaction means 2, 4, 3, 1, 2.5: both borders 2.5.
  const oneWave = factorStatistics([
    ...rated('a_system', '2022', { '4': 2 }, { '2': 2 }),
    ...rated('b_colleagues', '2022', { '3': 2 }, { '4': 2 }),
    ...rated('c_salary', '2022', { '2': 2 }, { '3': 2 }),
    ...rated('d_parking', '2022', { '1': 2 }, { '1': 2 }),
    ...rated('e_even', '2022', { '2': 1, '3': 1 }, { '2': 1, '3': 1, dk: 7 }),
  ]);

  it('puts each factor in its quadrant around the mean of the factor means', () => {
    expect(importanceSatisfactionMap(oneWave, '2022', ['2022'])).toEqual({
      wave: '2022',
      borders: { importance: 2.5, satisfaction: 2.5 },
      points: [
        { factor: 'a_system', importance: 4, satisfaction: 2, quadrant: 'improve' },
        { factor: 'b_colleagues', importance: 3, satisfaction: 4, quadrant: 'strengthen' },
        { factor: 'c_salary', importance: 2, satisfaction: 3, quadrant: 'keep' },
        { factor: 'd_parking', importance: 1, satisfaction: 1, quadrant: 'watch' },
        { factor: 'e_even', importance: 2.5, satisfaction: 2.5, quadrant: 'strengthen' },
      ],
    });
  });

  it('counts a point on a border as above it, exactly even where floating point would not', () => {
    // (3.1 + 3.2 + 3.3) / 3 is 3.2000000000000006 in floating point; the border is 3.2.
    const stats = factorStatistics([
      ...rated('a', '2022', { '4': 1, '3': 9 }, { '4': 1 }),
      ...rated('b', '2022', { '4': 1, '3': 4 }, { '1': 1 }),
      ...rated('c', '2022', { '4': 3, '3': 7 }, { '1': 1 }),
    ]);
    const map = importanceSatisfactionMap(stats, '2022', ['2022']);

    expect(map.borders.importance).toBe(3.2);
    expect(map.points.find((point) => point.factor === 'b')).toMatchObject({
      importance: 3.2,
      quadrant: 'improve',
    });
  });

  it('pools the borders over the border waves, each factor and wave once', () => {
    const stats = factorStatistics([
      ...rated('a', '2021', { '4': 1 }, { '1': 1 }),
      ...rated('b', '2021', { '2': 1 }, { '3': 1 }),
      // Rated on importance only in 2021: not part of the 2021 borders.
      tally('c', '2021', 'importance', { '1': 5 }),
      ...rated('a', '2022', { '3': 1 }, { '2': 1 }),
      ...rated('b', '2022', { '3': 1 }, { '4': 1 }),
      ...rated('c', '2022', { '4': 1 }, { '4': 1 }),
    ]);

    const map = importanceSatisfactionMap(stats, '2022', ['2021', '2022', '2022']);

    // Importance: (4 + 2 + 3 + 3 + 4) / 5 = 3.2; satisfaction: (1 + 3 + 2 + 4 + 4) / 5 = 2.8.
    expect(map.borders).toEqual({ importance: 3.2, satisfaction: 2.8 });
    expect(map.points).toEqual([
      { factor: 'a', importance: 3, satisfaction: 2, quadrant: 'watch' },
      { factor: 'b', importance: 3, satisfaction: 4, quadrant: 'keep' },
      { factor: 'c', importance: 4, satisfaction: 4, quadrant: 'strengthen' },
    ]);
  });

  it('leaves out factors with no mean on a dimension, from the points and the borders', () => {
    const stats = factorStatistics([
      ...rated('answered', '2022', { '4': 1 }, { '2': 1 }),
      ...rated('unanswered', '2022', { '1': 3 }, { dk: 4 }),
      tally('importance_only', '2022', 'importance', { '1': 1 }),
    ]);

    expect(importanceSatisfactionMap(stats, '2022', ['2022'])).toEqual({
      wave: '2022',
      borders: { importance: 4, satisfaction: 2 },
      points: [{ factor: 'answered', importance: 4, satisfaction: 2, quadrant: 'strengthen' }],
    });
  });

  it('has no borders and no points when no factor is rated on both', () => {
    const stats = factorStatistics([tally('a', '2022', 'importance', { '1': 1 })]);
    expect(importanceSatisfactionMap(stats, '2022', ['2022'])).toEqual({
      wave: '2022',
      borders: { importance: null, satisfaction: null },
      points: [],
    });
  });
});

describe('analyseSurvey', () => {
  const tallies = [
    ...rated('a', '2020', { '1': 1 }, { '1': 1 }),
    ...rated('a', '2021', { '4': 1 }, { '1': 1 }),
    ...rated('b', '2021', { '2': 1 }, { '3': 1 }),
    ...rated('a', '2022', { '3': 1 }, { '2': 1 }),
    ...rated('b', '2022', { '3': 1 }, { '4': 1 }),
  ];
  const waves = ['2022', '2021', '2020'];

  it('pools the borders over the map wave and the wave before it by default', () => {
    const result = analyseSurvey({ waves, tallies }, { mapWave: '2022' });

    if (!result.ok) throw new Error(result.problem);
    expect(result.analysis.factors).toHaveLength(10);
    // 2020 is left out: importance (4 + 2 + 3 + 3) / 4, satisfaction (1 + 3 + 2 + 4) / 4.
    expect(result.analysis.map.borders).toEqual({ importance: 3, satisfaction: 2.5 });
    expect(result.analysis.map.points.map((point) => point.quadrant)).toEqual([
      'improve',
      'strengthen',
    ]);
  });

  it('uses the border waves given', () => {
    const result = analyseSurvey({ waves, tallies }, { mapWave: '2022', borderWaves: ['2020'] });
    if (!result.ok) throw new Error(result.problem);
    expect(result.analysis.map.borders).toEqual({ importance: 1, satisfaction: 1 });
  });

  it('refuses a map wave or border wave the answers do not have', () => {
    expect(analyseSurvey({ waves, tallies }, { mapWave: '2019' })).toEqual({
      ok: false,
      problem: 'The map wave "2019" is not in the answers (waves: 2020, 2021, 2022).',
    });
    expect(
      analyseSurvey({ waves, tallies }, { mapWave: '2022', borderWaves: ['2022', '2023'] }),
    ).toEqual({
      ok: false,
      problem: 'The border wave "2023" is not in the answers (waves: 2020, 2021, 2022).',
    });
    expect(analyseSurvey({ waves, tallies }, { mapWave: '2022', borderWaves: [] })).toEqual({
      ok: false,
      problem: 'No border waves given.',
    });
  });
});

describe('withChanges', () => {
  const stat = (wave: string, mean: number | null, factor = 'f'): FactorStats => ({
    factor,
    wave,
    dimension: 'satisfaction',
    n: mean === null ? 0 : 1,
    counts: { '1': 0, '2': 0, '3': 0, '4': 0, dk: 0 },
    mean,
  });

  it('gives each wave the change from the last earlier wave with a mean, in wave order', () => {
    const changes = withChanges([
      stat('2022', 3.9),
      stat('2021', 3.75),
      stat('2023', null),
      stat('2024', 3.5),
      stat('2024', 2, 'g'),
    ]).map((entry) => [entry.factor, entry.wave, entry.change]);
    expect(changes[0]?.[2]).toBeCloseTo(0.15, 10);
    expect(changes.slice(1)).toEqual([
      ['f', '2021', null],
      ['f', '2023', null],
      ['f', '2024', 3.5 - 3.9],
      ['g', '2024', null],
    ]);
  });
});
