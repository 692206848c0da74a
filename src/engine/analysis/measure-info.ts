/** What the analysis needs to know about a measure (from the config). */
export type Direction = 'lower_is_better' | 'higher_is_better';

export interface MeasureInfo {
  id: string;
  title: string;
  direction: Direction;
}

export interface StatOptions {
  /** Confidence level of every interval, e.g. 0.95. */
  level: number;
  /** False-discovery rate for labels (q ≤ fdr). */
  fdr: number;
}
