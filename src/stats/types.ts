import type { Warning } from '../errors.js';

/** A confidence interval at one level (e.g. 0.95). Limits are on the same scale as the value. */
export interface Interval {
  level: number;
  lower: number;
  upper: number;
}

/** A point estimate with its interval (differences and ratios of two groups). */
export interface Comparison {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * A point estimate with intervals at one or more confidence levels.
 * `value` is null (never NaN or Infinity) when it cannot be computed; `warnings` says why.
 */
export interface Estimate {
  value: number | null;
  /** The method used for the intervals, e.g. 'wilson', 'exact-poisson', 'byar', 'student-t', 'dobson'. */
  method: string;
  ci: Interval[];
  warnings: Warning[];
}

/** The public-health defaults: 95% and 99.8% limits together (PHEindicatormethods convention). */
export const DEFAULT_LEVELS: readonly number[] = [0.95, 0.998];

/** True for a confidence level strictly between 0 and 1. */
export const isLevel = (level: number): boolean => Number.isFinite(level) && level > 0 && level < 1;
