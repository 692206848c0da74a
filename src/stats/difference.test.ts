import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './difference.js';

describe('newcombeDifference', () => {
  // Newcombe RG (1998) "Interval estimation for the difference between independent proportions: comparison of
  // eleven methods", Stat Med 17:873–890, Table II, method 10 (hybrid score, no continuity correction).
  // Example (a) is 56/70 − 48/80 = 0.2000 with limits 0.0524 to 0.3339.
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('%i/%i − %i/%i (Newcombe 1998 method 10)', (x1, n1, x2, n2, d, lo, hi) => {
    const r = newcombeDifference(x1, n1, x2, n2)!;
    expect(r.estimate).toBeCloseTo(d, 4);
    expect(r.lower).toBeCloseTo(lo, 4);
    expect(r.upper).toBeCloseTo(hi, 4);
  });

  it('returns null when a denominator is 0', () => {
    expect(newcombeDifference(0, 0, 1, 2)).toBeNull();
    expect(newcombeDifference(1, 2, 0, 0)).toBeNull();
  });

  it('property: the interval lies in [−1, 1] and contains the estimate', () => {
    const group = fc
      .integer({ min: 1, max: 100_000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        const r = newcombeDifference(x1, n1, x2, n2)!;
        expect(r.lower).toBeGreaterThanOrEqual(-1);
        expect(r.upper).toBeLessThanOrEqual(1);
        expect(r.lower).toBeLessThanOrEqual(r.estimate + 1e-12);
        expect(r.upper).toBeGreaterThanOrEqual(r.estimate - 1e-12);
      }),
    );
  });
});
