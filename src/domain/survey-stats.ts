/**
 * Survey statistics as the quality studies report them (clauses 27–28; the 2022 VPVKAC employee
 * survey is the model): answer counts and means on the 1–4 scale per factor, wave and dimension,
 * and the importance–satisfaction map, whose quadrant borders are pooled over waves so that one
 * changed answer does not swing it.
 */

export const RATING_DIMENSIONS = ['importance', 'satisfaction'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

/** How many gave each point of the 1–4 scale, and how many said "hard to say" (dk). */
export interface RatingCounts {
  '1': number;
  '2': number;
  '3': number;
  '4': number;
  dk: number;
}

/** The counted answers to one factor's question on one dimension in one wave. */
export interface RatingTally {
  factor: string;
  wave: string;
  dimension: RatingDimension;
  counts: RatingCounts;
}

/** A tally with n (answers 1–4) and their unrounded mean, null when nobody answered 1–4. */
export interface FactorStats {
  factor: string;
  wave: string;
  dimension: RatingDimension;
  n: number;
  counts: RatingCounts;
  mean: number | null;
}

/** Where a factor lies on the map; the names are the report's (Jāuzlabo, Jāstiprina, …). */
export type Quadrant = 'improve' | 'strengthen' | 'keep' | 'watch';

export interface MapPoint {
  factor: string;
  importance: number;
  satisfaction: number;
  quadrant: Quadrant;
}

export interface ImportanceSatisfactionMap {
  wave: string;
  /** Null when no factor in the border waves was rated on both dimensions. */
  borders: { importance: number | null; satisfaction: number | null };
  points: MapPoint[];
}

export interface SurveyAnalysis {
  factors: FactorStats[];
  map: ImportanceSatisfactionMap;
}

export type SurveyAnalysisResult =
  { ok: true; analysis: SurveyAnalysis } | { ok: false; problem: string };

/** Zero counts, for a question nobody has answered yet. */
export function emptyCounts(): RatingCounts {
  return { '1': 0, '2': 0, '3': 0, '4': 0, dk: 0 };
}

/** Answers 1–4 and the sum of their points; "hard to say" is left out of both. */
function pointsOf(counts: RatingCounts): { n: number; sum: number } {
  return {
    n: counts['1'] + counts['2'] + counts['3'] + counts['4'],
    sum: counts['1'] + 2 * counts['2'] + 3 * counts['3'] + 4 * counts['4'],
  };
}

/** n and the mean on the 1–4 scale (null when n is 0); "hard to say" is not an answer here. */
export function ratingSummary(counts: RatingCounts): { n: number; mean: number | null } {
  const { n, sum } = pointsOf(counts);
  return { n, mean: n === 0 ? null : sum / n };
}

const DIGITS = /(\d+)/;

/**
 * Wave order: text, with runs of digits compared as numbers ("2" < "10", "2021" < "2022",
 * "2022-2" < "2022-10"); plain code-unit order breaks what that leaves equal ("01" vs "1").
 */
export function compareWaves(a: string, b: string): number {
  if (a === b) return 0;
  const left = a.split(DIGITS);
  const right = b.split(DIGITS);
  const parts = Math.min(left.length, right.length);
  // split() with a capturing group alternates text (even index) and digits (odd index).
  for (let index = 0; index < parts; index++) {
    const x = left[index] as string;
    const y = right[index] as string;
    if (x === y) continue;
    if (index % 2 === 1) {
      const order = compareDigitRuns(x, y);
      if (order !== 0) return order;
    } else {
      return x < y ? -1 : 1;
    }
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : 1;
}

/** Compares two runs of digits as whole numbers, however long. */
function compareDigitRuns(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length - b.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The report's order: factor name, then wave, then importance before satisfaction. */
export function compareFactorStats(
  a: Pick<FactorStats, 'factor' | 'wave' | 'dimension'>,
  b: Pick<FactorStats, 'factor' | 'wave' | 'dimension'>,
): number {
  if (a.factor !== b.factor) return a.factor < b.factor ? -1 : 1;
  return (
    compareWaves(a.wave, b.wave) ||
    RATING_DIMENSIONS.indexOf(a.dimension) - RATING_DIMENSIONS.indexOf(b.dimension)
  );
}

/** Each tally with its n and mean, in the report's order. */
export function factorStatistics(tallies: readonly RatingTally[]): FactorStats[] {
  return tallies
    .map(({ factor, wave, dimension, counts }) => {
      const { n, mean } = ratingSummary(counts);
      // Keys in the contract's order, which the printed JSON keeps.
      return { factor, wave, dimension, n, counts: { ...counts }, mean };
    })
    .sort(compareFactorStats);
}

/** The map wave and the wave before it in wave order, or the map wave alone if it is the first. */
export function defaultBorderWaves(waves: readonly string[], mapWave: string): string[] {
  const earlier = waves.filter((wave) => compareWaves(wave, mapWave) < 0).sort(compareWaves);
  const previous = earlier[earlier.length - 1];
  return previous === undefined ? [mapWave] : [previous, mapWave];
}

/** Importance above the border (ties count as above) and satisfaction above it → a quadrant. */
export function quadrantOf(importanceAbove: boolean, satisfactionAbove: boolean): Quadrant {
  if (importanceAbove) return satisfactionAbove ? 'strengthen' : 'improve';
  return satisfactionAbove ? 'keep' : 'watch';
}

/**
 * An exact fraction. Borders are compared exactly, because "equal to the border counts as above"
 * must hold even where floating point would put the pooled mean a hair above an equal point.
 */
interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(num: bigint, den: bigint): Fraction {
  const divisor = gcd(num, den);
  return divisor > 1n ? { num: num / divisor, den: den / divisor } : { num, den };
}

/** The exact mean of a tally with n > 0. */
function exactMean(counts: RatingCounts): Fraction {
  const { n, sum } = pointsOf(counts);
  return reduced(BigInt(sum), BigInt(n));
}

/** The exact mean of some fractions (at least one). */
function meanOf(values: readonly Fraction[]): Fraction {
  let total: Fraction = { num: 0n, den: 1n };
  for (const value of values) {
    total = reduced(total.num * value.den + value.num * total.den, total.den * value.den);
  }
  return reduced(total.num, total.den * BigInt(values.length));
}

/** a ≥ b, exactly (denominators are positive). */
function atLeast(a: Fraction, b: Fraction): boolean {
  return a.num * b.den >= b.num * a.den;
}

/** The factors with answers 1–4 on both dimensions in a wave. */
function pairsIn(
  stats: readonly FactorStats[],
  wave: string,
): Map<string, { importance: FactorStats; satisfaction: FactorStats }> {
  const byFactor = new Map<string, Partial<Record<RatingDimension, FactorStats>>>();
  for (const entry of stats) {
    if (entry.wave !== wave || entry.n === 0) continue;
    const pair = byFactor.get(entry.factor) ?? {};
    pair[entry.dimension] = entry;
    byFactor.set(entry.factor, pair);
  }
  const pairs = new Map<string, { importance: FactorStats; satisfaction: FactorStats }>();
  for (const [factor, { importance, satisfaction }] of byFactor) {
    if (importance && satisfaction) pairs.set(factor, { importance, satisfaction });
  }
  return pairs;
}

/**
 * The importance–satisfaction map of one wave. Each border is the mean of the factor means over
 * the border waves, each (factor, wave) counted once and only where the factor has both means in
 * that wave; a point on a border counts as above it.
 */
export function importanceSatisfactionMap(
  stats: readonly FactorStats[],
  mapWave: string,
  borderWaves: readonly string[],
): ImportanceSatisfactionMap {
  const pooled: Record<RatingDimension, Fraction[]> = { importance: [], satisfaction: [] };
  for (const wave of new Set(borderWaves)) {
    for (const pair of pairsIn(stats, wave).values()) {
      for (const dimension of RATING_DIMENSIONS) {
        pooled[dimension].push(exactMean(pair[dimension].counts));
      }
    }
  }
  const border = {
    importance: pooled.importance.length > 0 ? meanOf(pooled.importance) : null,
    satisfaction: pooled.satisfaction.length > 0 ? meanOf(pooled.satisfaction) : null,
  };

  const points: MapPoint[] = [];
  for (const [factor, pair] of pairsIn(stats, mapWave)) {
    // With no border (impossible when the map wave is a border wave) everything counts as above.
    const importanceAbove =
      border.importance === null || atLeast(exactMean(pair.importance.counts), border.importance);
    const satisfactionAbove =
      border.satisfaction === null ||
      atLeast(exactMean(pair.satisfaction.counts), border.satisfaction);
    points.push({
      factor,
      importance: pair.importance.mean as number,
      satisfaction: pair.satisfaction.mean as number,
      quadrant: quadrantOf(importanceAbove, satisfactionAbove),
    });
  }
  points.sort((a, b) => (a.factor === b.factor ? 0 : a.factor < b.factor ? -1 : 1));

  return {
    wave: mapWave,
    borders: {
      importance: toNumber(border.importance),
      satisfaction: toNumber(border.satisfaction),
    },
    points,
  };
}

/** The nearest double to a fraction (numerator and denominator are small in practice). */
function toNumber(value: Fraction | null): number | null {
  return value === null ? null : Number(value.num) / Number(value.den);
}

/**
 * Statistics of every tally and the map of one wave. Border waves default to the map wave and the
 * one before it; every wave named must be one the answers have.
 */
export function analyseSurvey(
  answers: { waves: readonly string[]; tallies: readonly RatingTally[] },
  options: { mapWave: string; borderWaves?: readonly string[] },
): SurveyAnalysisResult {
  const known = new Set(answers.waves);
  const listed = [...answers.waves].sort(compareWaves).join(', ') || 'none';
  if (!known.has(options.mapWave)) {
    return {
      ok: false,
      problem: `The map wave "${options.mapWave}" is not in the answers (waves: ${listed}).`,
    };
  }
  const borderWaves = options.borderWaves ?? defaultBorderWaves(answers.waves, options.mapWave);
  if (borderWaves.length === 0) return { ok: false, problem: 'No border waves given.' };
  const unknown = borderWaves.find((wave) => !known.has(wave));
  if (unknown !== undefined) {
    return {
      ok: false,
      problem: `The border wave "${unknown}" is not in the answers (waves: ${listed}).`,
    };
  }
  const factors = factorStatistics(answers.tallies);
  return {
    ok: true,
    analysis: { factors, map: importanceSatisfactionMap(factors, options.mapWave, borderWaves) },
  };
}

/**
 * Each statistic with its change from the previous wave (in wave order) that has a mean for the
 * same factor and dimension; null for the first such wave and where there is no mean.
 */
export function withChanges(
  stats: readonly FactorStats[],
): Array<FactorStats & { change: number | null }> {
  const previous = new Map<string, number>();
  const ordered = [...stats].sort(
    (a, b) =>
      compareWaves(a.wave, b.wave) ||
      (a.factor === b.factor ? 0 : a.factor < b.factor ? -1 : 1) ||
      RATING_DIMENSIONS.indexOf(a.dimension) - RATING_DIMENSIONS.indexOf(b.dimension),
  );
  const changes = new Map<FactorStats, number | null>();
  for (const entry of ordered) {
    const key = `${entry.factor}:${entry.dimension}`;
    const before = previous.get(key);
    changes.set(entry, entry.mean === null || before === undefined ? null : entry.mean - before);
    if (entry.mean !== null) previous.set(key, entry.mean);
  }
  return stats.map((entry) => ({ ...entry, change: changes.get(entry) ?? null }));
}
