/**
 * Ratios of two groups with log-scale (Wald) intervals: exp(log θ ± z·SE).
 *
 * - Risk ratio (p1/p2), Katz et al. (1978) Biometrics 34:469: SE = √(1/x1 − 1/n1 + 1/x2 − 1/n2).
 * - Odds ratio, Woolf (1955) Ann Hum Genet 19:251: SE = √(1/a + 1/b + 1/c + 1/d).
 * - Rate ratio (x1/t1)/(x2/t2), Rothman, Greenland & Lash, Modern Epidemiology (3rd ed.), ch. 14: SE = √(1/x1 + 1/x2).
 * Each returns null when the ratio or its log-scale interval is undefined (a zero cell or zero denominator);
 * callers attach the reason as a warning.
 */
import { zFor } from './distributions.js';
import { isLevel, type Comparison } from './types.js';

const valid = (x: number, n: number): boolean => Number.isFinite(n) && n > 0 && x >= 0 && x <= n;

const logInterval = (estimate: number, se: number, level: number): Comparison => {
  const z = zFor(level);
  const log = Math.log(estimate);
  return { estimate, lower: Math.exp(log - z * se), upper: Math.exp(log + z * se) };
};

/** Risk ratio p1/p2; null when x1 or x2 is 0 (the log-scale interval is undefined) or a denominator is 0. */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, level = 0.95): Comparison | null {
  if (!valid(x1, n1) || !valid(x2, n2) || x1 === 0 || x2 === 0 || !isLevel(level)) return null;
  const se = Math.sqrt(Math.max(0, 1 / x1 - 1 / n1 + 1 / x2 - 1 / n2));
  return logInterval(x1 / n1 / (x2 / n2), se, level);
}

/** Odds ratio (x1/(n1−x1)) / (x2/(n2−x2)); null when any of the four cells is 0. */
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, level = 0.95): Comparison | null {
  if (!valid(x1, n1) || !valid(x2, n2) || !isLevel(level)) return null;
  const [a, b, c, d] = [x1, n1 - x1, x2, n2 - x2];
  if (a === 0 || b === 0 || c === 0 || d === 0) return null;
  return logInterval((a * d) / (b * c), Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d), level);
}

/** Rate ratio (x1/t1)/(x2/t2) for person-time t; null when an event count or a person-time is 0. */
export function rateRatio(x1: number, t1: number, x2: number, t2: number, level = 0.95): Comparison | null {
  if (
    !(t1 > 0) ||
    !(t2 > 0) ||
    !(x1 > 0) ||
    !(x2 > 0) ||
    !Number.isFinite(t1 + t2 + x1 + x2) ||
    !isLevel(level)
  )
    return null;
  return logInterval(x1 / t1 / (x2 / t2), Math.sqrt(1 / x1 + 1 / x2), level);
}
