/**
 * Coarsened complements (issue #12 item 2) on a table shaped like the demo's sex stratifier
 * (depression_screen): Female 27,518/37,835, Male 21,926/31,689, Unknown 44/53 (9 without the event: a small
 * complement), the overall 49,488/69,577 shown, and a second stratifier whose groups are all shown (the
 * demo's zip codes), so the overall is known to a reader whatever is done to it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTECTION_WIDTH } from './intervals.js';
import { coarseRange, roundRate, suppressTable, type Cell, type Margin } from './table.js';

const STEP = 0.001;
const cells: Cell[] = [
  { id: 'all', numerator: 49488, denominator: 69577, cost: 695770 },
  { id: 'F', numerator: 27518, denominator: 37835, step: STEP },
  { id: 'M', numerator: 21926, denominator: 31689, step: STEP },
  { id: 'U', numerator: 44, denominator: 53, cost: 5.3 },
  { id: 'z1', numerator: 30000, denominator: 40000, step: STEP },
  { id: 'z2', numerator: 19488, denominator: 29577, step: STEP },
];
const margins: Margin[] = [
  { total: 'all', parts: ['F', 'M', 'U'] },
  { total: 'all', parts: ['z1', 'z2'] },
];

/**
 * The exact ranges of Unknown's n, m = d − n and d for a reader who sees Female, the overall and Male's
 * rounded rate: U + M is known, and M's n/d lies in [lo, hi]. For each d_U the feasible n_U form an
 * interval, so scanning d_U gives the true ranges (no propagation involved).
 */
function unknownRanges(lo: number, hi: number) {
  const N = 49488 - 27518; // n_U + n_M
  const D = 69577 - 37835; // d_U + d_M
  const r = { n: [Infinity, -Infinity], m: [Infinity, -Infinity], d: [Infinity, -Infinity] };
  const widen = (k: 'n' | 'm' | 'd', a: number, b: number): void => {
    r[k] = [Math.min(r[k][0]!, a), Math.max(r[k][1]!, b)];
  };
  for (let dU = 0; dU <= D; dU++) {
    const dM = D - dU;
    // n_M ∈ [lo·d_M, hi·d_M], n_M ≤ d_M, n_U = N − n_M ∈ [0, d_U]
    const nMlo = Math.max(Math.ceil(lo * dM - 1e-9), N - dU, 0);
    const nMhi = Math.min(Math.floor(hi * dM + 1e-9), N, dM);
    if (nMlo > nMhi) continue;
    widen('n', N - nMhi, N - nMlo);
    widen('m', dU - (N - nMlo), dU - (N - nMhi));
    widen('d', dU, dU);
  }
  return r;
}

describe('coarsened complements (the demo sex stratifier)', () => {
  const r = suppressTable(cells, margins, { threshold: 11 });

  it('keeps Male shown (coarsened), hides only the small Unknown, and shows Female and the overall', () => {
    expect(Object.fromEntries(r)).toEqual({ U: 'small_numerator', M: 'coarsened' });
  });

  it("leaves Unknown's events, non-events and size each a range of at least the protection width", () => {
    expect(roundRate(21926, 31689, STEP)).toBe(0.692);
    const [lo, hi] = coarseRange(0.692, STEP);
    const u = unknownRanges(lo, hi);
    // The true Unknown cell is among the tables a reader cannot rule out.
    expect(u.n[0]).toBeLessThanOrEqual(44);
    expect(u.n[1]).toBeGreaterThanOrEqual(44);
    for (const k of ['n', 'm', 'd'] as const)
      expect(u[k][1]! - u[k][0]!).toBeGreaterThanOrEqual(DEFAULT_PROTECTION_WIDTH);
    // Male's rate to 0.1 percentage point alone allows 0.1% of 31,689 ≈ 32 events either way.
    expect(u.n[1]! - u.n[0]!).toBeGreaterThan(30);
  });

  it('hides Male instead when it is not many times larger than the cell it protects', () => {
    const small: Cell[] = [
      { id: 'all', numerator: 80, denominator: 200, cost: 2000 },
      { id: 'F', numerator: 50, denominator: 120, step: STEP },
      { id: 'M', numerator: 25, denominator: 70, step: STEP },
      { id: 'U', numerator: 5, denominator: 10 },
    ];
    const out = suppressTable(small, [{ total: 'all', parts: ['F', 'M', 'U'] }], { threshold: 11 });
    expect(Object.fromEntries(out)).toEqual({ U: 'small_denominator', M: 'complementary' });
  });
});
