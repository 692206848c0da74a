import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './difference.js';
import { directStandardise } from './direct-standardise.js';
import { benjaminiHochberg, holm } from './multiple-testing.js';
import { proportionEstimate, wilson } from './proportion.js';
import { poissonRateInterval, rateEstimate } from './rate.js';
import { oddsRatio, rateRatio, riskRatio } from './ratios.js';
import { ESP2013 } from './standard-populations.js';
import { twoProportionTest } from './two-proportion-test.js';

/** True when every number anywhere inside `v` is finite (no NaN, no ±Infinity). */
const allFinite = (v: unknown): boolean => {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(allFinite);
  if (v && typeof v === 'object') return Object.values(v).every(allFinite);
  return true;
};

// The edge cases: 0/n, n/n, 1/1, 0 events, zero population — a value or a reasoned null, never NaN.
describe('edge cases never give NaN or Infinity', () => {
  it.each([
    [0, 10],
    [10, 10],
    [1, 1],
    [0, 1],
    [0, 0],
  ])('%i/%i', (x, n) => {
    for (const v of [
      wilson(x, n),
      wilson(x, n, 1),
      proportionEstimate(x, n),
      rateEstimate(x, n),
      poissonRateInterval(x, n, 0),
      newcombeDifference(x, n, x, n),
      newcombeDifference(x, n, 0, 5),
      riskRatio(x, n, 1, 2),
      oddsRatio(x, n, 1, 2),
      rateRatio(x, n, 1, 2),
      twoProportionTest(x, n, 0, 5),
      directStandardise([{ ageBand: '0-4', events: x, population: n }], ESP2013),
      directStandardise([{ ageBand: '0-4', events: x, population: n }], ESP2013, { levels: [1, 0.95] }),
    ]) {
      expect(allFinite(v)).toBe(true);
    }
  });

  it('property: random counts including zeros', () => {
    const count = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        const [x1, n1, x2, n2] = [Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d)];
        const out = [
          wilson(x1, n1),
          newcombeDifference(x1, n1, x2, n2),
          riskRatio(x1, n1, x2, n2),
          oddsRatio(x1, n1, x2, n2),
          rateRatio(x1, n1, x2, n2),
          twoProportionTest(x1, n1, x2, n2),
          benjaminiHochberg([twoProportionTest(x1, n1, x2, n2)?.pValue ?? null, 0.5]),
          holm([null, 0]),
          directStandardise(
            [
              { ageBand: '0-4', events: a, population: b },
              { ageBand: '5-9', events: c, population: d },
            ],
            ESP2013,
          ),
        ];
        expect(allFinite(out)).toBe(true);
        const p = out[5] as { pValue: number } | null;
        if (p) expect(p.pValue).toBeGreaterThanOrEqual(0);
        if (p) expect(p.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
