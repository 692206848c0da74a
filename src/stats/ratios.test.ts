import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oddsRatio, rateRatio, riskRatio } from './ratios.js';

// Physicians' Health Study aspirin data: MI 189/11034 placebo vs 104/11037 aspirin.
// Agresti A (2002) Categorical Data Analysis, 2nd ed., §2.2–2.4: RR = 1.82, OR = 1.83 with 95% CI (1.44, 2.33).
describe('ratios', () => {
  it('odds ratio matches Agresti (2002) §2.4.3', () => {
    const r = oddsRatio(189, 11034, 104, 11037)!;
    expect(r.estimate).toBeCloseTo(1.832, 3);
    expect(r.lower).toBeCloseTo(1.44, 2);
    expect(r.upper).toBeCloseTo(2.33, 2);
  });

  it('risk ratio with the Katz log interval', () => {
    // By hand: ln RR = ln(1.8178) = 0.59762, SE = √(1/189 − 1/11034 + 1/104 − 1/11037) = 0.121348,
    // limits exp(0.59762 ∓ 1.959964·0.121348) = 1.4330, 2.3059 (Katz et al. 1978 Biometrics 34:469).
    const r = riskRatio(189, 11034, 104, 11037)!;
    expect(r.estimate).toBeCloseTo(1.8178, 4);
    expect(r.lower).toBeCloseTo(1.433, 3);
    expect(r.upper).toBeCloseTo(2.3059, 3);
  });

  it('rate ratio with SE √(1/x1 + 1/x2)', () => {
    // By hand (Rothman & Greenland, Modern Epidemiology): 41/28010 vs 15/19017 person-years,
    // IRR = 1.8558, SE = √(1/41 + 1/15) = 0.30176, limits 1.0272, 3.3526.
    const r = rateRatio(41, 28010, 15, 19017)!;
    expect(r.estimate).toBeCloseTo(1.8558, 4);
    expect(r.lower).toBeCloseTo(1.0272, 4);
    expect(r.upper).toBeCloseTo(3.3526, 4);
  });

  it('returns null (never Infinity/NaN) for zero cells and zero denominators', () => {
    expect(riskRatio(0, 10, 3, 10)).toBeNull();
    expect(riskRatio(3, 10, 0, 10)).toBeNull();
    expect(riskRatio(1, 0, 1, 1)).toBeNull();
    expect(oddsRatio(10, 10, 3, 10)).toBeNull();
    expect(oddsRatio(0, 10, 3, 10)).toBeNull();
    expect(rateRatio(0, 100, 3, 100)).toBeNull();
    expect(rateRatio(1, 0, 3, 100)).toBeNull();
    expect(riskRatio(1, 1, 1, 1)).toEqual({ estimate: 1, lower: 1, upper: 1 });
  });

  it('property: finite, positive, and the interval contains the estimate; swapping groups inverts', () => {
    const group = fc
      .integer({ min: 2, max: 100_000 })
      .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([x1, n1], [x2, n2]) => {
        for (const f of [riskRatio, oddsRatio]) {
          const r = f(x1, n1, x2, n2)!;
          const inv = f(x2, n2, x1, n1)!;
          expect(Number.isFinite(r.lower) && Number.isFinite(r.upper)).toBe(true);
          expect(r.lower).toBeLessThanOrEqual(r.estimate * (1 + 1e-12));
          expect(r.upper).toBeGreaterThanOrEqual(r.estimate * (1 - 1e-12));
          expect(inv.estimate * r.estimate).toBeCloseTo(1, 9);
          expect(inv.lower * r.upper).toBeCloseTo(1, 9);
        }
      }),
    );
  });
});
