import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarLimits, exactPoissonLimits, poissonMethod, poissonRateInterval, rateEstimate } from './rate.js';

describe('Poisson count limits', () => {
  it('exact limits match the Garwood (1936) table', () => {
    // 95% exact limits for a Poisson count (Garwood 1936 Biometrika 28:437; R 4.x poisson.test(x)$conf.int):
    // 0 → 0, 3.6889; 5 → 1.6235, 11.6683; 10 → 4.7954, 18.3904.
    expect(exactPoissonLimits(0)).toEqual({ lower: 0, upper: expect.closeTo(3.688879, 6) });
    expect(exactPoissonLimits(5).lower).toBeCloseTo(1.623486, 6);
    expect(exactPoissonLimits(5).upper).toBeCloseTo(11.668332, 6);
    expect(exactPoissonLimits(10).lower).toBeCloseTo(4.795389, 6);
    expect(exactPoissonLimits(10).upper).toBeCloseTo(18.390356, 6);
  });

  it("Byar's limits match PHEindicatormethods byars_lower/byars_upper (2.1.0)", () => {
    // byars_lower(10) = 4.787450, byars_upper(10) = 18.391459 (Breslow & Day 1987 vol. II p. 69 formula);
    // within 0.2% of the exact limits, as the Fingertips technical guide states.
    const b = byarLimits(10);
    expect(b.lower).toBeCloseTo(4.78745, 5);
    expect(b.upper).toBeCloseTo(18.391459, 5);
    expect(Math.abs(b.lower / 4.795389 - 1)).toBeLessThan(0.002);
  });

  it('switches from exact to Byar at 10 events (phe_rate)', () => {
    expect(poissonMethod(9)).toBe('exact-poisson');
    expect(poissonMethod(10)).toBe('byar');
  });
});

describe('poissonRateInterval / rateEstimate', () => {
  it('scales the count limits by multiplier / population', () => {
    // 65 events in 100,000: Byar's 95% limits 50.16, 82.85 per 100,000 (byars_lower/upper(65)).
    const r = poissonRateInterval(65, 100_000, 0.95, 100_000)!;
    expect(r.lower).toBeCloseTo(50.1632, 3);
    expect(r.upper).toBeCloseTo(82.8491, 3);
  });

  it('gives one interval per level and the method', () => {
    const e = rateEstimate(5, 2000, { levels: [0.95, 0.998], multiplier: 1000 });
    expect(e.value).toBe(2.5);
    expect(e.method).toBe('exact-poisson');
    expect(e.ci[0]).toEqual({
      level: 0.95,
      lower: expect.closeTo(0.811743, 6),
      upper: expect.closeTo(5.834166, 6),
    });
    expect(e.ci[1]!.lower).toBeLessThan(e.ci[0]!.lower);
  });

  it('0 events gives 0 with a positive upper limit; 0 population is a reasoned null', () => {
    const zero = rateEstimate(0, 1000);
    expect(zero.value).toBe(0);
    expect(zero.ci[0]!.lower).toBe(0);
    expect(zero.ci[0]!.upper).toBeGreaterThan(0);
    const none = rateEstimate(3, 0);
    expect(none.value).toBeNull();
    expect(none.warnings[0]!.code).toBe('zero_denominator');
    expect(poissonRateInterval(1, 0)).toBeNull();
  });

  it('property: limits are finite, non-negative and contain the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 10_000_000 }), (x, t) => {
        for (const level of [0.95, 0.998]) {
          const r = poissonRateInterval(x, t, level, 100_000)!;
          const v = (x / t) * 100_000;
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(r.upper)).toBe(true);
          expect(r.lower).toBeLessThanOrEqual(v * (1 + 1e-12));
          expect(r.upper).toBeGreaterThanOrEqual(v);
        }
      }),
    );
  });
});
