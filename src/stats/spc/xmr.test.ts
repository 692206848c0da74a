import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XMR_FACTOR, xmrLines } from './xmr.js';

describe('XmR', () => {
  it('matches the qicharts2 0.8.1 I chart to 5 decimals (PowerBI-SPC golden i/basic-ratio.qicharts2.json)', () => {
    // qic(i_vals, chart = "i"), qicharts2 0.8.1: CL 0.059297, UCL 0.095737, LCL 0.022858, 2σ 0.083591/0.035004.
    // qicharts2 uses 3·MR̄/1.128 (= 2.6596·MR̄); NHS MDC uses 2.66·MR̄, so the limits agree to ~1e-5 here.
    const num = [5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8];
    const den = [113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134];
    const values = num.map((x, i) => x / den[i]!);
    const [l] = xmrLines(values, values.length);
    expect(l!.centre).toBeCloseTo(0.059297, 6);
    expect(Math.abs(l!.upper! - 0.095737)).toBeLessThan(1e-5);
    expect(Math.abs(l!.lower! - 0.022858)).toBeLessThan(1e-5);
    expect(Math.abs(l!.upper2! - 0.083591)).toBeLessThan(1e-5);
    expect(Math.abs(l!.lower2! - 0.035004)).toBeLessThan(1e-5);
  });

  it('uses mean ± 2.66 × mean moving range (NHS Making Data Count)', () => {
    // values 10, 12, 11, 15, 12: mean 12; MRs 2, 1, 4, 3 → MR̄ 2.5; limits 12 ± 6.65; 2σ 12 ± 4.4333
    const [l] = xmrLines([10, 12, 11, 15, 12], 5);
    expect(l).toEqual({
      centre: 12,
      upper: 12 + 2.66 * 2.5,
      lower: 12 - 2.66 * 2.5,
      upper2: expect.closeTo(16.4333, 4),
      lower2: expect.closeTo(7.5667, 4),
    });
  });

  it('freezes at the baseline and ignores moving ranges across missing periods', () => {
    const lines = xmrLines([10, 12, null, 11, 100, 200], 4);
    // baseline 10, 12, –, 11: mean 11; MRs only 10→12 (2) → MR̄ 2
    expect(lines[5]).toMatchObject({ centre: 11, upper: 11 + 2 * XMR_FACTOR });
  });

  it('gives null limits with fewer than two adjacent values', () => {
    expect(xmrLines([5], 1)[0]).toMatchObject({ centre: 5, upper: null, lower: null });
    expect(xmrLines([5, null, 6], 3)[0]).toMatchObject({ centre: 5.5, upper: null });
  });

  it('limits contain the centre (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (v) => {
          const [l] = xmrLines(v, v.length);
          expect(l!.lower!).toBeLessThanOrEqual(l!.centre!);
          expect(l!.upper!).toBeGreaterThanOrEqual(l!.centre!);
          expect(l!.lower2!).toBeGreaterThanOrEqual(l!.lower! - 1e-9 * Math.abs(l!.lower!));
        },
      ),
    );
  });
});
