import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leastSquares } from './least-squares.js';
import { qrSolve } from '../../test/support/qr.js';

// Anscombe (1973) Am Stat 27:17, data set I; R `summary(lm(y1 ~ x1, anscombe))`:
// (Intercept) 3.0001 (se 1.1247), x1 0.5001 (se 0.1179), residual df 9.
const X1 = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

describe('least squares', () => {
  it("reproduces R's lm on Anscombe's data set I", () => {
    const res = leastSquares(
      X1.map((v) => [1, v]),
      Y1,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.fit.coefficients[0]).toBeCloseTo(3.0001, 4);
    expect(res.fit.coefficients[1]).toBeCloseTo(0.5001, 4);
    expect(res.fit.se[0]).toBeCloseTo(1.1247, 4);
    expect(res.fit.se[1]).toBeCloseTo(0.1179, 4);
    expect(res.fit.df).toBe(9);
    // R: t = 4.241, Pr(>|t|) = 0.00217 for x1.
    expect(res.fit.p[1]).toBeCloseTo(0.00217, 4);
    // t(0.975, 9) = 2.262157; slope limits 0.5001 ± 2.262157 × 0.1179.
    expect(res.fit.lower[1]).toBeCloseTo(0.5001 - 2.262157 * 0.11791, 3);
  });

  it('agrees with a Gram–Schmidt QR solution on random designs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -5, max: 5 }),
            fc.integer({ min: -5, max: 5 }),
            fc.double({ min: -3, max: 3, noNaN: true }),
          ),
          { minLength: 8, maxLength: 30 },
        ),
        (rows) => {
          const x = rows.map(([a, b]) => [1, a, b]);
          const y = rows.map(([a, b, e]) => 2 - a + 0.5 * b + e);
          const res = leastSquares(x, y);
          if (!res.ok) return; // collinear draws are refused, not solved
          const b = qrSolve(x, y);
          res.fit.coefficients.forEach((v, j) =>
            expect(Math.abs(v - b[j]!)).toBeLessThan(1e-6 * (1 + Math.abs(b[j]!))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses collinear designs and too few rows with a reason', () => {
    expect(
      leastSquares(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
      ),
    ).toEqual({ ok: false, reason: 'collinear' });
    expect(leastSquares([[1, 2]], [1])).toEqual({ ok: false, reason: 'too_few_rows' });
  });
});
