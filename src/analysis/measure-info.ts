/** What the analysis needs to know about a measure (from the config and, for `library:`, the library). */
export type Direction = 'lower_is_better' | 'higher_is_better';

/**
 * - `proportion`: numerator rows / denominator rows (0–1).
 * - `rate`: a count-based rate: the sum of the rows' `value` (events, e.g. ED visits) / denominator rows ×
 *   `multiplier` (1,000 for ED visits per 1,000 patients). The engine pass returns sum(value) as the
 *   numerator of such a measure.
 */
export type MeasureKind = 'proportion' | 'rate';

/** Outcome measures (readmission, control) rank before process measures (screening) of similar strength. */
export type MeasureType = 'outcome' | 'process';

export interface MeasureInfo {
  id: string;
  title: string;
  direction: Direction;
  /** Absent: treated as an outcome. */
  type?: MeasureType;
  /**
   * What one denominator unit is, singular: `encounter`, `person`, `discharge`, `screening`… ("people"
   * only when the unit is a person). Absent: not known.
   */
  unit?: string;
  /** The config's plain-language description (custom measures are described by it, not their expression). */
  description?: string;
  /** Default 'proportion'. */
  kind?: MeasureKind;
  /** Rates are shown per this many units (kind 'rate' only; default 1). */
  multiplier?: number;
  /** Plain-language definition for the report's methods appendix (library measures). */
  definition?: { denominator: string; numerator: string; exclusions?: string };
}

/** The multiplier of a rate measure; undefined for a proportion. */
export const rateMultiplier = (m: Pick<MeasureInfo, 'kind' | 'multiplier'>): number | undefined =>
  m.kind === 'rate' ? (m.multiplier ?? 1) : undefined;

export interface StatOptions {
  /** Confidence level of every interval, e.g. 0.95. */
  level: number;
  /** False-discovery rate for labels (q ≤ fdr). */
  fdr: number;
}
