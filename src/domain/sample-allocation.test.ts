import { describe, expect, it } from 'vitest';
import { allocateSample, type AllocationRequest } from './sample-allocation';

/** The allocation as name → sample, or the problem. */
function allocate(
  total: number,
  sizes: Record<string, number>,
  options: { minimum?: number; caps?: Record<string, number> } = {},
): Record<string, number> | string {
  const request: AllocationRequest = {
    total,
    strata: Object.entries(sizes).map(([name, size]) => ({ name, size })),
    minimum: options.minimum,
    caps: options.caps ? new Map(Object.entries(options.caps)) : undefined,
  };
  const result = allocateSample(request);
  return result.ok
    ? Object.fromEntries(result.allocation.map(({ name, sample }) => [name, sample]))
    : result.problem;
}

describe('allocateSample', () => {
  it('allocates in proportion to size, in the order given', () => {
    const result = allocateSample({
      total: 60,
      strata: [
        { name: 'Zemgale', size: 300 },
        { name: 'Rīga', size: 100 },
        { name: 'Kurzeme', size: 200 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      allocation: [
        { name: 'Zemgale', sample: 30 },
        { name: 'Rīga', sample: 10 },
        { name: 'Kurzeme', sample: 20 },
      ],
    });
  });

  it('gives the seats left after rounding down to the largest remainders', () => {
    // Quotas 3.5, 2.1, 1.4: floors 6, one seat to the .5.
    expect(allocate(7, { a: 5, b: 3, c: 2 })).toEqual({ a: 4, b: 2, c: 1 });
    // Quotas 4.29, 2.86, 2.86: floors 8, remainders .29, .86, .86 → b and c.
    expect(allocate(10, { a: 30, b: 20, c: 20 })).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('breaks equal remainders for the larger stratum, then the one listed first', () => {
    // Quotas 0.5, 1.5, 1: remainders .5 and .5 → the larger (b) wins.
    expect(allocate(3, { a: 10, b: 30, c: 20 })).toEqual({ a: 0, b: 2, c: 1 });
    // Equal sizes, equal remainders: the first listed wins.
    expect(allocate(2, { a: 1, b: 1, c: 1 })).toEqual({ a: 1, b: 1, c: 0 });
    expect(allocate(2, { c: 1, b: 1, a: 1 })).toEqual({ c: 1, b: 1, a: 0 });
    // Exact remainders: 1/3 each time, however large the numbers.
    expect(allocate(1, { a: 3_000_000_001, b: 3_000_000_001, c: 3_000_000_001 })).toEqual({
      a: 1,
      b: 0,
      c: 0,
    });
  });

  it('raises small strata to the minimum and shares the rest by size', () => {
    // Quotas 18.02, 1.80, 0.18: b and c rise to 2, a takes the 16 left.
    expect(allocate(20, { a: 1000, b: 100, c: 10 }, { minimum: 2 })).toEqual({
      a: 16,
      b: 2,
      c: 2,
    });
  });

  it('iterates when raising one stratum pushes another below the minimum', () => {
    // Quotas 5, 3, 2: c rises to 3; the 7 left give 4.375, 2.625: b rises to 3; a takes 4.
    expect(allocate(10, { a: 50, b: 30, c: 20 }, { minimum: 3 })).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('holds a capped stratum at its cap and shares the rest by size', () => {
    // Quotas 10, 6, 4: a held at 6; the 14 left give 8.4, 5.6 → 8, 6 after rounding.
    expect(allocate(20, { a: 50, b: 30, c: 20 }, { caps: { a: 6 } })).toEqual({
      a: 6,
      b: 8,
      c: 6,
    });
  });

  it('never samples more than a stratum holds', () => {
    // Quotas 4.67, 9.33: b held at its cap 9; a gets 5, its whole size.
    expect(allocate(14, { a: 5, b: 10 }, { caps: { b: 9 } })).toEqual({ a: 5, b: 9 });
    // The whole population asked for: everyone.
    expect(allocate(12, { a: 10, b: 2 }, { minimum: 2 })).toEqual({ a: 10, b: 2 });
  });

  it('fixes the side that overshoots more when caps and minimums bind at once', () => {
    // Quotas 8, 1, 1: a is 3 over its cap, b and c 2 short in all: a held at 5 first; then
    // 2.5 and 2.5 for b and c, the tie to b, listed first.
    expect(allocate(10, { a: 80, b: 10, c: 10 }, { minimum: 2, caps: { a: 5 } })).toEqual({
      a: 5,
      b: 3,
      c: 2,
    });
    // Quotas 5.71, 1.43 × 3: a is 0.71 over, the others 1.71 short: they rise to 2 first, and
    // a then gets 4, within its cap. Holding a at 5 first would have needed 11.
    expect(allocate(10, { a: 40, b: 10, c: 10, d: 10 }, { minimum: 2, caps: { a: 5 } })).toEqual({
      a: 4,
      b: 2,
      c: 2,
      d: 2,
    });
  });

  it('gives every stratum nothing when the total is 0, and an empty stratum nothing', () => {
    expect(allocate(0, { a: 5, b: 3 })).toEqual({ a: 0, b: 0 });
    expect(allocate(4, { a: 5, empty: 0, b: 3 })).toEqual({ a: 3, empty: 0, b: 1 });
  });

  it('always adds up to the total and stays within the bounds', () => {
    // A fixed pseudo-random sweep (MINSTD), so a failure can be replayed.
    let seed = 20220518;
    const next = (below: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % below;
    };
    for (let round = 0; round < 500; round++) {
      const count = 1 + next(8);
      const sizes = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`s${i}`, 5 + next(500)]),
      );
      const minimum = next(4);
      const caps = next(2) === 0 ? { s0: minimum + next(20) } : undefined;
      const most = Object.entries(sizes).reduce(
        (sum, [name, size]) => sum + Math.min(size, name === 's0' && caps ? caps.s0 : size),
        0,
      );
      const total = minimum * count + next(most - minimum * count + 1);
      const result = allocate(total, sizes, { minimum, caps });

      if (typeof result === 'string') throw new Error(result);
      // Another way to the exact quotas: bisect λ in Σ clamp(λ·size, minimum, upper) = total.
      const upper = (name: string) =>
        Math.min(sizes[name] as number, name === 's0' && caps ? caps.s0 : Infinity);
      const quotas = (lambda: number) =>
        Object.fromEntries(
          Object.entries(sizes).map(([name, size]) => [
            name,
            Math.min(upper(name), Math.max(minimum, lambda * size)),
          ]),
        );
      let [low, high] = [0, 1];
      for (let step = 0; step < 100; step++) {
        const middle = (low + high) / 2;
        const sum = Object.values(quotas(middle)).reduce((a, b) => a + b, 0);
        if (sum < total) low = middle;
        else high = middle;
      }
      for (const [name, quota] of Object.entries(quotas(high))) {
        expect(Math.abs((result[name] as number) - quota)).toBeLessThan(1 + 1e-9);
      }
      expect(Object.values(result).reduce((a, b) => a + b, 0)).toBe(total);
      for (const [name, sample] of Object.entries(result)) {
        expect(sample).toBeGreaterThanOrEqual(minimum);
        expect(sample).toBeLessThanOrEqual(sizes[name] as number);
        if (name === 's0' && caps) expect(sample).toBeLessThanOrEqual(caps.s0);
      }
    }
  });

  describe('refuses what cannot be met', () => {
    it('a total below the minimum for every stratum', () => {
      expect(allocate(5, { a: 10, b: 10, c: 10 }, { minimum: 2 })).toBe(
        'The total 5 is below the minimum 2 × 3 strata = 6.',
      );
    });

    it('a total above what the strata hold within caps and sizes', () => {
      expect(allocate(15, { a: 10, b: 10 }, { caps: { a: 3, b: 4 } })).toBe(
        'The total 15 is above 7, what the strata hold within their caps and sizes.',
      );
      expect(allocate(21, { a: 10, b: 10 })).toBe(
        'The total 21 is above 20, what the strata hold within their caps and sizes.',
      );
    });

    it('a minimum above a cap or a size', () => {
      expect(allocate(10, { a: 10, b: 10 }, { minimum: 4, caps: { b: 3 } })).toBe(
        'The minimum 4 is above the cap 3 of "b".',
      );
      expect(allocate(10, { a: 10, b: 3 }, { minimum: 4 })).toBe(
        'The minimum 4 is above the size 3 of "b".',
      );
    });

    it('strata and numbers given wrongly', () => {
      expect(allocate(10, {})).toBe('No strata given.');
      expect(allocate(1.5, { a: 3 })).toBe('The total must be a whole number, 0 or more.');
      expect(allocate(-1, { a: 3 })).toBe('The total must be a whole number, 0 or more.');
      expect(allocate(1, { a: 3 }, { minimum: -1 })).toBe(
        'The minimum must be a whole number, 0 or more.',
      );
      expect(allocate(1, { a: 2.5 })).toBe('The size of "a" must be a whole number, 0 or more.');
      expect(allocate(1, { a: 3 }, { caps: { b: 1 } })).toBe(
        'The cap names "b", which is not one of the strata.',
      );
      expect(allocate(1, { a: 3 }, { caps: { a: -2 } })).toBe(
        'The cap of "a" must be a whole number, 0 or more.',
      );
      expect(allocate(1, { '': 3 })).toBe('A stratum has no name.');
      expect(
        allocateSample({
          total: 2,
          strata: [
            { name: 'a', size: 1 },
            { name: 'a', size: 2 },
          ],
        }),
      ).toEqual({ ok: false, problem: 'The stratum "a" is given twice.' });
    });
  });
});
