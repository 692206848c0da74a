/**
 * Means with Student t intervals: x̄ ± t(1 − α/2; n − 1)·s/√n.
 * Source: PHEindicatormethods `phe_mean` (v2.1.0); any statistics text (e.g. Altman 1991, §8.5).
 */
import type { Warning } from '../errors.js';
import { tInv } from './distributions.js';
import { DEFAULT_LEVELS, isLevel, type Estimate, type Interval } from './types.js';

/** Student t interval from summary statistics; null when n < 2 or sd is not a finite non-negative number. */
export function meanInterval(mean: number, sd: number, n: number, level = 0.95): Interval | null {
  if (!(n >= 2) || !(sd >= 0) || !Number.isFinite(mean + sd + n) || !isLevel(level)) return null;
  const half = tInv(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { level, lower: mean - half, upper: mean + half };
}

/** Mean of the finite values with Student t limits at each level. */
export function meanEstimate(values: readonly number[], opts: { levels?: readonly number[] } = {}): Estimate {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  const warnings: Warning[] = [];
  if (n === 0) {
    return {
      value: null,
      method: 'student-t',
      ci: [],
      warnings: [{ code: 'no_values', message: 'No values.' }],
    };
  }
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) {
    warnings.push({ code: 'single_value', message: 'One value: no interval can be computed.' });
    return { value: mean, method: 'student-t', ci: [], warnings };
  }
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const ci = (opts.levels ?? DEFAULT_LEVELS).flatMap((level) => meanInterval(mean, sd, n, level) ?? []);
  return { value: mean, method: 'student-t', ci, warnings };
}
