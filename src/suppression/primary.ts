/**
 * Primary small-cell rule (which cells are disclosive on their own).
 *
 * - Denominator 1 … threshold−1 → `small_denominator`.
 * - Numerator 1 … threshold−1 → `small_numerator`. Numerator 0 is shown by default, as in the CMS cell-size
 *   suppression policy (which suppresses counts of 1 to 10): a zero with a denominator ≥ threshold says
 *   "none of at least 11 people", not who. Set `suppressZero` to suppress zeros too (some state rules do).
 * - Complement (denominator − numerator) 1 … threshold−1 → `small_numerator`: 95 of 100 discloses that 5
 *   people did not have the event as surely as 5 of 100 discloses who did (`complementRule`, default on).
 * - Denominator 0 or absent → `no_data`: nothing to hide, and not a suppression.
 */
import type { SuppressionReason } from '../model/index.js';

export interface PrimaryOptions {
  /** Counts below this (and ≥ 1) are suppressed. Default 11 (CMS convention). */
  threshold: number;
  /** Suppress a numerator of 0 too. Default false (CMS: 1–10 only). */
  suppressZero?: boolean;
  /** Suppress when denominator − numerator is small. Default true. */
  complementRule?: boolean;
}

export const DEFAULT_THRESHOLD = 11;

const small = (x: number, threshold: number): boolean => x >= 1 && x < threshold;

/**
 * Why a cell is disclosive on its own, or null when it can be shown.
 * `numerator` null means the cell is a plain count (only the denominator rule applies).
 */
export function primaryReason(
  numerator: number | null,
  denominator: number | null,
  opts: PrimaryOptions,
): SuppressionReason | null {
  const t = opts.threshold;
  if (denominator === null) return 'no_data';
  if (denominator <= 0) return numerator === null ? null : 'no_data';
  if (small(denominator, t)) return 'small_denominator';
  if (numerator === null) return null;
  if (small(numerator, t) || (opts.suppressZero && numerator === 0)) return 'small_numerator';
  if ((opts.complementRule ?? true) && small(denominator - numerator, t)) return 'small_numerator';
  return null;
}
