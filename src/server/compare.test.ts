/** Comparing two analyses: MOVER intervals checked against Newcombe's method, and invariants by fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { newcombeDifference } from '../stats/difference.js';
import { wilson } from '../stats/proportion.js';
import { compareResults, moverChange } from './compare.js';

const est = (x: number, n: number) => {
  const w = wilson(x, n)!;
  return { value: x / n, lower: w.lower, upper: w.upper };
};

describe('moverChange', () => {
  it('equals Newcombe’s hybrid score interval for Wilson-interval rates (B 30/100 vs A 20/100)', () => {
    const c = moverChange(est(20, 100), est(30, 100), [-1, 1]);
    const n = newcombeDifference(30, 100, 20, 100)!;
    expect(c.change).toBeCloseTo(0.1, 12);
    expect(c.lower).toBeCloseTo(n.lower, 12);
    expect(c.upper).toBeCloseTo(n.upper, 12);
    // Newcombe (1998) Table II, example (e) 56/70 vs 48/80: difference 0.2, 95% CI 0.0524 to 0.3339.
    const e = moverChange(est(48, 80), est(56, 70), [-1, 1]);
    expect(e.lower).toBeCloseTo(0.0524, 4);
    expect(e.upper).toBeCloseTo(0.3339, 4);
  });

  it('is antisymmetric and its interval holds the change', () => {
    const count = fc
      .integer({ min: 1, max: 500 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(count, count, ([xa, na], [xb, nb]) => {
        const ab = moverChange(est(xa, na), est(xb, nb));
        const ba = moverChange(est(xb, nb), est(xa, na));
        expect(ab.change! + ba.change!).toBeCloseTo(0, 12);
        expect(ab.lower!).toBeCloseTo(-ba.upper!, 12);
        expect(ab.lower!).toBeLessThanOrEqual(ab.change! + 1e-12);
        expect(ab.upper!).toBeGreaterThanOrEqual(ab.change! - 1e-12);
      }),
    );
  });

  it('gives null with a reason for hidden or missing values, never 0', () => {
    expect(moverChange({ ...est(3, 10), suppressed: true }, est(5, 10))).toMatchObject({
      change: null,
      reason: 'suppressed',
    });
    expect(moverChange(undefined, est(5, 10))).toMatchObject({ change: null, reason: 'not_in_a' });
    expect(moverChange(est(5, 10), undefined)).toMatchObject({ change: null, reason: 'not_in_b' });
  });
});

describe('compareResults', () => {
  it('finds no change between an analysis and itself, and the planted change in one group', () => {
    const a = fixtureResults();
    const same = compareResults(a, fixtureResults());
    expect(same.length).toBeGreaterThan(a.measures.length);
    expect(same.filter((r) => r.rate.change !== null).every((r) => Math.abs(r.rate.change!) < 1e-12)).toBe(
      true,
    );
    const b = fixtureResults();
    const g = b.measures[0]!.strata[0]!.groups.find((x) => !x.suppressed && x.rate !== null)!;
    g.rate = g.rate! + 0.05;
    g.lower = g.lower! + 0.05;
    g.upper = g.upper! + 0.05;
    const rows = compareResults(a, b);
    const changed = rows.filter((r) => r.rate.change !== null && Math.abs(r.rate.change) > 1e-12);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      measure: b.measures[0]!.id,
      stratifier: b.measures[0]!.strata[0]!.stratifier,
      group: g.group,
    });
    expect(changed[0]!.rate.change).toBeCloseTo(0.05, 12);
  });
});
