/**
 * Allocating a survey sample across strata (planning regions, centres) in proportion to their
 * size, as the 2022 VPVKAC study did by employees per region, with an optional minimum for every
 * stratum and optional caps. Arithmetic is exact (bigint), so ties are real ties.
 */

export interface Stratum {
  name: string;
  /** People (or units) in the stratum: a non-negative integer. */
  size: number;
}

export interface AllocationRequest {
  total: number;
  /** In the order the answer lists them. */
  strata: readonly Stratum[];
  /** The least every stratum gets; 0 when not given. */
  minimum?: number;
  /** The most a stratum gets, by name; a stratum's size is always a cap too. */
  caps?: ReadonlyMap<string, number>;
}

export type AllocationResult =
  | { ok: true; allocation: Array<{ name: string; sample: number }> }
  | { ok: false; problem: string };

/** An exact share: num / den of the sample. */
interface Quota {
  num: bigint;
  den: bigint;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The first reason the request cannot be met, if any. */
function problemOf(request: AllocationRequest): string | null {
  const { total, strata, minimum = 0, caps = new Map<string, number>() } = request;
  if (!isCount(total)) return 'The total must be a whole number, 0 or more.';
  if (!isCount(minimum)) return 'The minimum must be a whole number, 0 or more.';
  if (strata.length === 0) return 'No strata given.';
  const names = new Set<string>();
  for (const { name, size } of strata) {
    if (name === '') return 'A stratum has no name.';
    if (names.has(name)) return `The stratum "${name}" is given twice.`;
    names.add(name);
    if (!isCount(size)) return `The size of "${name}" must be a whole number, 0 or more.`;
  }
  for (const [name, cap] of caps) {
    if (!names.has(name)) return `The cap names "${name}", which is not one of the strata.`;
    if (!isCount(cap)) return `The cap of "${name}" must be a whole number, 0 or more.`;
  }
  for (const { name, size } of strata) {
    const cap = caps.get(name);
    if (cap !== undefined && minimum > cap) {
      return `The minimum ${minimum} is above the cap ${cap} of "${name}".`;
    }
    if (minimum > size) return `The minimum ${minimum} is above the size ${size} of "${name}".`;
  }
  const least = minimum * strata.length;
  if (total < least) {
    return `The total ${total} is below the minimum ${minimum} × ${strata.length} strata = ${least}.`;
  }
  const most = strata.reduce((sum, { name, size }) => sum + upperOf(size, caps.get(name)), 0);
  if (total > most) {
    return `The total ${total} is above ${most}, what the strata hold within their caps and sizes.`;
  }
  return null;
}

function upperOf(size: number, cap: number | undefined): number {
  return cap === undefined ? size : Math.min(size, cap);
}

/**
 * Proportional allocation with bounds and largest-remainder rounding.
 *
 * Each stratum's exact quota is its size × λ kept within [minimum, min(cap, size)], with λ such
 * that the quotas add up to the total. λ is found by iterating: share what is left among the free
 * strata in proportion to size; if the strata pushed over their caps would overshoot more than
 * those pushed under the minimum fall short, fix the former at their caps (λ must rise, so they
 * stay over), else the latter at the minimum; repeat until no free stratum is out of bounds.
 * Quotas are then rounded down and the seats left go one each by the largest remainder; equal
 * remainders go to the larger stratum, then to the one listed first.
 *
 * Impossible: a minimum above a stratum's cap or size, a total below the minimum times the
 * number of strata, or above what the strata hold (their caps, or sizes where uncapped).
 */
export function allocateSample(request: AllocationRequest): AllocationResult {
  const problem = problemOf(request);
  if (problem !== null) return { ok: false, problem };

  const { total, strata, minimum = 0, caps = new Map<string, number>() } = request;
  const lower = BigInt(minimum);
  const upper = strata.map(({ name, size }) => BigInt(upperOf(size, caps.get(name))));
  const sizes = strata.map(({ size }) => BigInt(size));
  const fixed: Array<bigint | null> = strata.map(() => null);

  let left = BigInt(total);
  let freeSize = sizes.reduce((sum, size) => sum + size, 0n);
  for (;;) {
    // Quotas of free strata are left × size / freeSize; compare them scaled by freeSize.
    const over: number[] = [];
    const under: number[] = [];
    let overshoot = 0n;
    let shortfall = 0n;
    for (const [i, size] of sizes.entries()) {
      if (fixed[i] !== null) continue;
      const scaled = freeSize === 0n ? 0n : left * size;
      const scale = freeSize === 0n ? 1n : freeSize;
      const cap = upper[i] as bigint;
      if (scaled > cap * scale) {
        over.push(i);
        overshoot += scaled - cap * scale;
      } else if (scaled < lower * scale) {
        under.push(i);
        shortfall += lower * scale - scaled;
      }
    }
    if (over.length === 0 && under.length === 0) break;
    // Equal overshoot and shortfall: λ already fits, and fixing both sides leaves it unchanged.
    const fixOver = overshoot >= shortfall;
    const fixUnder = shortfall >= overshoot;
    for (const i of fixOver ? over : []) fixed[i] = upper[i] as bigint;
    for (const i of fixUnder ? under : []) fixed[i] = lower;
    for (const i of [...(fixOver ? over : []), ...(fixUnder ? under : [])]) {
      left -= fixed[i] as bigint;
      freeSize -= sizes[i] as bigint;
    }
  }

  const quotas: Quota[] = sizes.map((size, i) => {
    const bound = fixed[i];
    if (bound !== null && bound !== undefined) return { num: bound, den: 1n };
    // Free strata of size 0 remain only when nothing is left to share.
    return freeSize === 0n ? { num: 0n, den: 1n } : { num: left * size, den: freeSize };
  });
  const samples = quotas.map(({ num, den }) => num / den);
  let seats = BigInt(total) - samples.reduce((sum, sample) => sum + sample, 0n);

  // Remainders compare across strata: free ones share one denominator, fixed ones have none.
  const order = strata
    .map((_, i) => i)
    .filter((i) => (quotas[i] as Quota).num % (quotas[i] as Quota).den !== 0n)
    .sort((a, b) => {
      const x = quotas[a] as Quota;
      const y = quotas[b] as Quota;
      const byRemainder = (y.num % y.den) * x.den - (x.num % x.den) * y.den;
      if (byRemainder !== 0n) return byRemainder > 0n ? 1 : -1;
      const bySize = (sizes[b] as bigint) - (sizes[a] as bigint);
      if (bySize !== 0n) return bySize > 0n ? 1 : -1;
      return a - b;
    });
  for (const i of order) {
    if (seats === 0n) break;
    samples[i] = (samples[i] as bigint) + 1n;
    seats -= 1n;
  }

  return {
    ok: true,
    allocation: strata.map(({ name }, i) => ({ name, sample: Number(samples[i]) })),
  };
}
