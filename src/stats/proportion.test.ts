import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportionEstimate, wilson } from './proportion.js';

describe('wilson', () => {
  // Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  // Stat Med 17:857–872, Table II, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f to %f (Newcombe 1998, method 3)', (x, n, lo, hi) => {
    const w = wilson(x, n)!;
    expect(w.level).toBe(0.95);
    expect(w.lower).toBeCloseTo(lo, 4);
    expect(w.upper).toBeCloseTo(hi, 4);
  });

  it('is exactly 0 at x = 0 and exactly 1 at x = n (PHEindicatormethods phe_proportion 2.1.0)', () => {
    expect(wilson(0, 50)!.lower).toBe(0);
    expect(wilson(50, 50)!.upper).toBe(1);
    const one = wilson(1, 1)!;
    // 1/1: lower = 1/(1 + z²) = 0.2065 (closed form of the Wilson limit at x = n = 1).
    expect(one.lower).toBeCloseTo(1 / (1 + 1.959964 ** 2), 6);
    expect(one.upper).toBe(1);
  });

  it('returns null for an empty or impossible denominator', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(5, 3)).toBeNull();
    expect(wilson(-1, 3)).toBeNull();
  });

  it('property: limits lie in [0, 1] and contain p; wider at 99.8% than at 95%', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([x, n]) => {
          const w = wilson(x, n)!;
          const w998 = wilson(x, n, 0.998)!;
          const p = x / n;
          expect(w.lower).toBeGreaterThanOrEqual(0);
          expect(w.upper).toBeLessThanOrEqual(1);
          expect(w.lower).toBeLessThanOrEqual(p + 1e-12);
          expect(w.upper).toBeGreaterThanOrEqual(p - 1e-12);
          expect(w998.lower).toBeLessThanOrEqual(w.lower + 1e-12);
          expect(w998.upper).toBeGreaterThanOrEqual(w.upper - 1e-12);
        },
      ),
    );
  });
});

describe('proportionEstimate', () => {
  it('gives the value and one interval per level, scaled by the multiplier', () => {
    const e = proportionEstimate(81, 263, { levels: [0.95, 0.998], multiplier: 100 });
    expect(e.method).toBe('wilson');
    expect(e.value).toBeCloseTo(30.7985, 4);
    expect(e.ci.map((c) => c.level)).toEqual([0.95, 0.998]);
    expect(e.ci[0]!.lower).toBeCloseTo(25.53, 2);
    expect(e.ci[0]!.upper).toBeCloseTo(36.62, 2);
  });

  it('is a reasoned null when the denominator is 0', () => {
    const e = proportionEstimate(0, 0);
    expect(e.value).toBeNull();
    expect(e.ci).toEqual([]);
    expect(e.warnings[0]!.code).toBe('zero_denominator');
  });
});
