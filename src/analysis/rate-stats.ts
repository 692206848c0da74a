/**
 * Statistics of count-based rates (kind 'rate'): x events over t units (patients), shown × multiplier.
 * - Rate interval: exact Poisson below 10 events, Byar's from 10 (`poissonRateInterval`, src/stats).
 * - Rate difference r1 − r2: normal approximation with Poisson standard errors,
 *   SE = multiplier × √(x1/t1² + x2/t2²) (Rothman, Greenland & Lash, Modern Epidemiology 3rd ed., ch. 14).
 *   With no events in either group the SE is 0 and the difference has no interval (null).
 * - Rate ratio: log-scale interval, SE = √(1/x1 + 1/x2) (`rateRatio`, src/stats).
 * - Two-sided p-value for r1 = r2: the score (z) test with the pooled rate under the null,
 *   z = (x1/t1 − x2/t2) / √(λ(1/t1 + 1/t2)), λ = (x1 + x2)/(t1 + t2); null when λ = 0.
 */
import { phi, zFor } from '../stats/distributions.js';
import { poissonRateInterval, rateRatio } from '../stats/index.js';

export interface RateComparison {
  difference: { estimate: number; lower: number | null; upper: number | null } | null;
  ratio: { estimate: number; lower: number; upper: number } | null;
  pValue: number | null;
}

export { poissonRateInterval };

export function rateDifference(
  x1: number,
  t1: number,
  x2: number,
  t2: number,
  level: number,
  multiplier: number,
): RateComparison['difference'] {
  if (!(t1 > 0) || !(t2 > 0)) return null;
  const estimate = (x1 / t1 - x2 / t2) * multiplier;
  const se = multiplier * Math.sqrt(x1 / t1 ** 2 + x2 / t2 ** 2);
  if (!(se > 0)) return { estimate, lower: null, upper: null };
  const z = zFor(level);
  return { estimate, lower: estimate - z * se, upper: estimate + z * se };
}

export function twoRateTest(x1: number, t1: number, x2: number, t2: number): number | null {
  if (!(t1 > 0) || !(t2 > 0)) return null;
  const pooled = (x1 + x2) / (t1 + t2);
  if (!(pooled > 0)) return null;
  const z = (x1 / t1 - x2 / t2) / Math.sqrt(pooled * (1 / t1 + 1 / t2));
  return Math.min(1, 2 * (1 - phi(Math.abs(z))));
}

export function compareRates(
  x1: number,
  t1: number,
  x2: number,
  t2: number,
  level: number,
  multiplier: number,
): RateComparison {
  return {
    difference: rateDifference(x1, t1, x2, t2, level, multiplier),
    ratio: rateRatio(x1, t1, x2, t2, level),
    pValue: twoRateTest(x1, t1, x2, t2),
  };
}
