/** The shape of `equilens quality --format json`. Field names are a public contract: add, never rename. */

export interface FieldCounts {
  field: string;
  /** People with a category (not Declined/Unknown/Missing). */
  known: number;
  unknown: number;
  declined: number;
  /** Includes NULL and empty values. */
  missing: number;
  /** People whose source records disagreed on this attribute (`patients.conflicts`). */
  conflicting: number;
  total: number;
  /** Percentages of `total` (0–100, one decimal); 0 when total is 0. */
  knownPct: number;
  unknownPct: number;
  declinedPct: number;
  missingPct: number;
  conflictingPct: number;
}

export interface SourceCounts extends FieldCounts {
  source: string;
}

export interface PeriodCounts extends FieldCounts {
  period: string;
}

export interface QualityDataset {
  version: number;
  id: string;
  patients: number;
  measureRows: number;
  createdAt: string;
  /** How byPeriod buckets units (from `analysis.period`; none when the analysis has no periods). */
  period: 'year' | 'quarter' | 'month' | 'none';
}
