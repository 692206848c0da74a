/**
 * Crude rates x/t × multiplier with Poisson limits on the count x:
 * - exact (Garwood 1936) below 10 events: L = χ²(α/2; 2x)/2, U = χ²(1 − α/2; 2x + 2)/2 (L = 0 at x = 0);
 * - Byar's approximation from 10 events (Breslow & Day 1987, vol. II, p. 69):
 *   L = x(1 − 1/(9x) − z/(3√x))³, U = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³.
 * The switch at 10 follows PHEindicatormethods `phe_rate` (v2.1.0) and the Fingertips technical guidance.
 */
import { chisqQuantile, zFor } from './distributions.js';
import { DEFAULT_LEVELS, isLevel, type Estimate, type Interval } from './types.js';

export type PoissonMethod = 'exact-poisson' | 'byar';

/** Which method the limits for x events use. */
export const poissonMethod = (x: number): PoissonMethod => (x < 10 ? 'exact-poisson' : 'byar');

/** Exact (Garwood) limits for a Poisson count. */
export function exactPoissonLimits(x: number, level = 0.95): { lower: number; upper: number } {
  const a = 1 - level;
  return {
    lower: x === 0 ? 0 : chisqQuantile(a / 2, 2 * x) / 2,
    upper: chisqQuantile(1 - a / 2, 2 * x + 2) / 2,
  };
}

/** Byar's approximate limits for a Poisson count (x > 0). */
export function byarLimits(x: number, level = 0.95): { lower: number; upper: number } {
  const z = zFor(level);
  const x1 = x + 1;
  return {
    // Byar's lower limit can dip below 0 for tiny x at extreme levels; a count's limit cannot.
    lower: x === 0 ? 0 : Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3),
    upper: x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3,
  };
}

/** Limits for a Poisson count: exact below 10 events, Byar's from 10. */
export function poissonCountLimits(x: number, level = 0.95): { lower: number; upper: number } {
  return x < 10 ? exactPoissonLimits(x, level) : byarLimits(x, level);
}

/** Interval for the crude rate x/t × multiplier; null when t ≤ 0 or x < 0. */
export function poissonRateInterval(x: number, t: number, level = 0.95, multiplier = 1): Interval | null {
  if (!(t > 0) || !(x >= 0) || !Number.isFinite(t) || !Number.isFinite(x) || !isLevel(level)) return null;
  const { lower, upper } = poissonCountLimits(x, level);
  return { level, lower: Math.max(0, (lower / t) * multiplier), upper: (upper / t) * multiplier };
}

/** x/t × multiplier (default 100,000) with limits at each level; a reasoned null for t = 0. */
export function rateEstimate(
  x: number,
  t: number,
  opts: { levels?: readonly number[]; multiplier?: number } = {},
): Estimate {
  const levels = opts.levels ?? DEFAULT_LEVELS;
  const m = opts.multiplier ?? 100_000;
  const method = poissonMethod(x);
  if (!(t > 0)) {
    return {
      value: null,
      method,
      ci: [],
      warnings: [
        { code: 'zero_denominator', message: 'The population (denominator) is 0, so there is no rate.' },
      ],
    };
  }
  const ci = levels.flatMap((level) => poissonRateInterval(x, t, level, m) ?? []);
  return { value: (x / t) * m, method, ci, warnings: [] };
}
