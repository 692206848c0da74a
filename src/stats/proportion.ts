/**
 * Proportions with Wilson score intervals (no continuity correction).
 *
 * p = x/n; limits (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)).
 * Source: Wilson EB (1927) JASA 22:209; Newcombe RG (1998) Stat Med 17:857, method 3;
 * PHEindicatormethods `phe_proportion` (v2.1.0) uses the same formula.
 * The limits are exactly 0 at x = 0 and exactly 1 at x = n.
 */
import { zFor } from './distributions.js';
import { DEFAULT_LEVELS, isLevel, type Estimate, type Interval } from './types.js';

/** Wilson score interval for x successes out of n; null when n = 0 or the counts are impossible. */
export function wilson(x: number, n: number, level = 0.95): Interval | null {
  if (!(n > 0) || !(x >= 0) || x > n || !Number.isFinite(n) || !isLevel(level)) return null;
  const z = zFor(level);
  const z2 = z * z;
  const centre = 2 * x + z2;
  const half = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denom = 2 * (n + z2);
  const lower = x === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const upper = x === n ? 1 : Math.min(1, (centre + half) / denom);
  return { level, lower, upper };
}

/** x/n × multiplier with Wilson limits at each level; a reasoned null for n = 0. */
export function proportionEstimate(
  x: number,
  n: number,
  opts: { levels?: readonly number[]; multiplier?: number } = {},
): Estimate {
  const levels = opts.levels ?? DEFAULT_LEVELS;
  const m = opts.multiplier ?? 1;
  if (!(n > 0)) {
    return {
      value: null,
      method: 'wilson',
      ci: [],
      warnings: [{ code: 'zero_denominator', message: 'The denominator is 0, so there is no proportion.' }],
    };
  }
  const ci: Interval[] = [];
  for (const level of levels) {
    const w = wilson(x, n, level);
    if (w) ci.push({ level, lower: w.lower * m, upper: w.upper * m });
  }
  return { value: (x / n) * m, method: 'wilson', ci, warnings: [] };
}
