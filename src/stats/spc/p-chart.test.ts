import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pBar, pChartLines } from './p-chart.js';

describe('p-chart', () => {
  it('matches Montgomery Example 7.1 (orange juice cans, 30 samples of 50)', () => {
    // Montgomery DC, Introduction to Statistical Quality Control (6th ed.), Example 7.1 / Table 7.1:
    // p̄ = 347/1500 = 0.2313, UCL = 0.4102, LCL = 0.0524; revised without samples 15 and 23:
    // p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407. (qicharts2 tests/testthat/test_montgomery.R, "Example 7.1",
    // pins the same chart.)
    const x = [
      12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9,
      6,
    ];
    const n = x.map(() => 50);
    const [l] = pChartLines({ numerators: x, denominators: n }, 30);
    expect(l!.centre).toBeCloseTo(0.2313, 4);
    expect(l!.upper).toBeCloseTo(0.4102, 4);
    expect(l!.lower).toBeCloseTo(0.0524, 4);
    const keep = x.map((_, i) => i !== 14 && i !== 22);
    const [r] = pChartLines(
      { numerators: x.filter((_, i) => keep[i]), denominators: n.filter((_, i) => keep[i]) },
      28,
    );
    expect(r!.centre).toBeCloseTo(0.215, 4);
    expect(r!.upper).toBeCloseTo(0.3893, 4);
    expect(r!.lower).toBeCloseTo(0.0407, 4);
  });

  it('matches qicharts2 0.8.1 per-point limits (PowerBI-SPC golden fixture p/basic.qicharts2.json)', () => {
    // qic(p_num, n = p_den, chart = "p") in qicharts2 0.8.1 (R 4.5.1), as recorded by
    // AUS-DOH-Safety-and-Quality/PowerBI-SPC test/fixtures/golden/p/basic.qicharts2.json.
    const num = [
      14, 12, 15, 8, 16, 11, 12, 14, 16, 17, 5, 11, 13, 10, 14, 5, 12, 10, 11, 5, 10, 8, 11, 12, 11, 18, 18,
      21, 14, 15, 18, 22, 17, 16, 20, 15,
    ];
    const den = [
      52, 64, 70, 60, 67, 69, 67, 54, 79, 59, 49, 61, 41, 51, 56, 43, 57, 48, 69, 41, 40, 46, 59, 62, 57, 65,
      75, 70, 76, 69, 64, 67, 84, 67, 69, 78,
    ];
    const ucl = [
      0.3876, 0.3707, 0.364, 0.3758, 0.3672, 0.365, 0.3672, 0.3844, 0.3553, 0.3771, 0.3928, 0.3745, 0.4092,
      0.3893, 0.3814, 0.4047, 0.3799, 0.3946, 0.365, 0.4092, 0.4116, 0.3984, 0.3771, 0.3732, 0.3799, 0.3695,
      0.359, 0.364, 0.358, 0.365, 0.3707, 0.3672, 0.3511, 0.3672, 0.365, 0.3562,
    ];
    const lcl = [
      0.045, 0.0619, 0.0687, 0.0569, 0.0654, 0.0676, 0.0654, 0.0482, 0.0774, 0.0555, 0.0399, 0.0582, 0.0234,
      0.0434, 0.0513, 0.028, 0.0527, 0.038, 0.0676, 0.0234, 0.021, 0.0342, 0.0555, 0.0595, 0.0527, 0.0631,
      0.0737, 0.0687, 0.0746, 0.0676, 0.0619, 0.0654, 0.0816, 0.0654, 0.0676, 0.0765,
    ];
    const lines = pChartLines({ numerators: num, denominators: den }, 36);
    lines.forEach((l, i) => {
      expect(l.centre).toBeCloseTo(0.2163, 4);
      expect(l.upper).toBeCloseTo(ucl[i]!, 4);
      expect(l.lower).toBeCloseTo(lcl[i]!, 4);
    });
  });

  it('gives null limits for a zero denominator and null centre without usable points', () => {
    const lines = pChartLines({ numerators: [1, 0, 2], denominators: [10, 0, 10] }, 3);
    expect(lines[1]).toMatchObject({ centre: 0.15, lower: null, upper: null });
    expect(pBar({ numerators: [0], denominators: [0] }, 1)).toBeNull();
  });

  const counts = fc
    .array(fc.tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 })), { minLength: 1, maxLength: 30 })
    .map((pairs) => pairs.map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const));

  it('limits lie in [0, 1] and contain the centre (property)', () => {
    fc.assert(
      fc.property(counts, (pairs) => {
        const lines = pChartLines(
          { numerators: pairs.map((p) => p[0]), denominators: pairs.map((p) => p[1]) },
          pairs.length,
        );
        for (const l of lines) {
          if (l.lower === null || l.upper === null || l.centre === null) continue;
          expect(l.lower).toBeGreaterThanOrEqual(0);
          expect(l.upper).toBeLessThanOrEqual(1);
          expect(l.lower).toBeLessThanOrEqual(l.centre);
          expect(l.upper).toBeGreaterThanOrEqual(l.centre);
          expect(l.lower2!).toBeGreaterThanOrEqual(l.lower);
          expect(l.upper2!).toBeLessThanOrEqual(l.upper);
        }
      }),
    );
  });

  it('limits widen as the denominator shrinks (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 2, max: 10_000 }), (pct, n) => {
        // two periods sharing p̄ = pct%: the smaller denominator has the wider band
        const big = n * 100;
        const small = n;
        const lines = pChartLines({ numerators: [pct * n, (pct * n) / 100], denominators: [big, small] }, 2);
        const width = (i: number) => lines[i]!.upper! - lines[i]!.lower!;
        expect(width(1)).toBeGreaterThanOrEqual(width(0));
      }),
    );
  });
});
