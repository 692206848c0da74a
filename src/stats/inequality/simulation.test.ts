import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, quantile7, truncatedNormal } from './simulation.js';
import { roundHalfEven } from './slope-model.js';

describe('simulation helpers', () => {
  it('quantile7 matches R quantile(type = 7)', () => {
    // R: quantile(1:10, c(0.025, 0.5, 0.975)) → 1.225, 5.5, 9.775
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile7(xs, 0.025)).toBeCloseTo(1.225, 12);
    expect(quantile7(xs, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile7(xs, 0.975)).toBeCloseTo(9.775, 12);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(123456);
    const b = mulberry32(123456);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('property: truncated normal draws stay within their bounds and are finite', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        (mean, sd, u, bounded) => {
          const hi = bounded ? 100 : Infinity;
          const x = truncatedNormal(mean, sd, 0, hi, u);
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(hi);
        },
      ),
    );
  });

  it('truncated normal draws by inversion have the right median', () => {
    expect(truncatedNormal(50, 10, 0, 100, 0.5)).toBeCloseTo(50, 10);
    expect(truncatedNormal(50, 0, 0, 100, 0.9)).toBe(50);
  });

  it('roundHalfEven rounds like R round()', () => {
    // R: round(c(0.5, 1.5, 2.5, -0.5, 2.4, 2.6)) → 0 2 2 0 2 3
    expect([0.5, 1.5, 2.5, -0.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -0, 2, 3]);
  });
});
