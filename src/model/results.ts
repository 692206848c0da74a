/**
 * The shape of `results.json` written by `equilens analyze` and read by `equilens report`.
 * Field names spelled out in issue #4 are a public contract: add fields, never rename.
 * Rates are proportions (0–1), except for measures of kind 'rate' (events per `multiplier` units, see
 * MeasureResult.kind). A published JSON Schema lives in schemas/results.schema.json.
 */
import type { Warning } from '../errors.js';

/**
 * Why a value is absent in a shareable output ("suppressed" is not "no data"). Why a value is not shown. The internal suppression uses the first three; a public edition prints only
 * `suppressed` for every hidden value (a reason such as small_denominator would tell a reader 1 ≤ d ≤ 10).
 */
export type SuppressionReason =
  'small_numerator' | 'small_denominator' | 'complementary' | 'suppressed' | 'no_data';

export interface Stamp {
  /** Dataset version the result came from. */
  dataset: { version: number; id: string; rows: number };
  configHash: string;
  softwareVersion: string;
  generatedAt: string;
  /** 'internal' keeps everything; 'public' passed small-cell suppression. */
  /** `restricted`: suppressed below the public minimum by an explicit override, never public. */
  audience: 'internal' | 'public' | 'restricted';
}

export type GroupLabel = 'worse' | 'better' | 'no_detectable_difference' | 'reference' | 'not_assessed';

export interface GroupResult {
  group: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  /** group rate − reference rate, with its CI (Newcombe). */
  difference: number | null;
  differenceLower: number | null;
  differenceUpper: number | null;
  /** group rate / reference rate, with its CI (log scale). */
  ratio: number | null;
  ratioLower: number | null;
  ratioUpper: number | null;
  pValue: number | null;
  /** Benjamini–Hochberg q-value across the whole run. */
  qValue: number | null;
  label: GroupLabel;
  /**
   * Events to close the gap: how many more (or fewer) units — in the measure's `unit` (people only when the
   * unit is a person; encounters, discharges…), events for a count-based rate — would have had the good
   * outcome at the reference rate.
   */
  excessEvents: number | null;
  suppressed: boolean;
  suppressionReason?: SuppressionReason;
  /** Relative standard error above the configured maximum. */
  unstable?: boolean;
  /**
   * Public edition: the group is shown coarsened to protect a small cell — its counts and interval are
   * withheld (null) and its rate (and a difference/ratio against a shown reference) is rounded to this step
   * (0.001 = 0.1 percentage point). Absent: shown exactly, or suppressed.
   */
  roundedTo?: number;
  ageStandardised?: { rate: number | null; lower: number | null; upper: number | null };
}

export interface SummaryMeasureResult {
  measure: string;
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  warnings: Warning[];
}

export interface TrendPoint {
  period: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  centre?: number | null;
  lower?: number | null;
  upper?: number | null;
  signals?: string[];
  suppressed?: boolean;
}

export interface StratumTrend {
  /** Per group series. */
  groups: { group: string; points: TrendPoint[] }[];
  /** The gap (worst group vs reference, rate difference) over time. */
  gap: { group: string; points: { period: string; difference: number | null; signals?: string[] }[] } | null;
  /** Whether the gap is narrowing, widening or neither (by the run/SPC rules and a trend test). */
  gapDirection: 'narrowing' | 'widening' | 'no_clear_change' | 'not_assessed';
}

/** How a comparison group was chosen (named beside every comparison in the report and the CLI). */
export type ReferenceRuleName = 'named' | 'largest' | 'best' | 'everyone_else';

export interface StratumResult {
  stratifier: string;
  /** The reference group and how it was chosen. */
  reference: string | null;
  /** `everyone_else`: each group against the rest of the measure's denominator (reference is null). */
  referenceRule: ReferenceRuleName;
  facet?: { name: string; value: string };
  groups: GroupResult[];
  summary: SummaryMeasureResult[];
  trend?: StratumTrend;
  warnings: Warning[];
}

export interface MeasureResult {
  id: string;
  title: string;
  direction: 'lower_is_better' | 'higher_is_better';
  /**
   * 'proportion' (absent = proportion): rates are 0–1. 'rate': a count-based rate — numerator is the number
   * of events (sum of the rows' value, e.g. ED visits), denominator the units (patients), and every rate,
   * interval and difference is events / denominator × `multiplier` (e.g. per 1,000 patients); ratios are
   * rate ratios; excess events are events.
   */
  kind?: 'proportion' | 'rate';
  /** outcome (absent = outcome) or process: outcome gaps rank before process gaps of similar strength. */
  type?: 'outcome' | 'process';
  /** What one denominator unit is, singular: person, encounter, discharge, screening… */
  unit?: string;
  /** The config's plain-language description of the measure. */
  description?: string;
  /** Rates of a 'rate' measure are per this many units (1000 = per 1,000). */
  multiplier?: number;
  /** Plain-language definition (library measures: generated from the declarative definition). */
  definition?: { denominator: string; numerator: string; exclusions?: string };
  overall: {
    numerator: number | null;
    denominator: number | null;
    rate: number | null;
    lower: number | null;
    upper: number | null;
  };
  strata: StratumResult[];
  /** Overall series by period. */
  trend?: TrendPoint[];
  warnings: Warning[];
}

export interface IntersectionResult {
  measure: string;
  stratifiers: string[];
  /** Each group is keyed by its attribute values, e.g. {race_ethnicity: 'Black…', sex: 'Female'}. */
  groups: (GroupResult & {
    values: Record<string, string>;
    parents: { stratifier: string; group: string; rate: number | null }[];
  })[];
}

export interface Finding {
  measure: string;
  /** e.g. {race_ethnicity: 'Black or African American'} or an intersection. */
  values: Record<string, string>;
  kind: 'stratum' | 'intersection' | 'discovered';
  rate: number | null;
  comparisonRate: number | null;
  /** What the group is compared with: the reference group, or 'everyone else'. */
  comparison: string;
  difference: number | null;
  ratio: number | null;
  excessEvents: number | null;
  qValue: number | null;
  gapDirection?: StratumTrend['gapDirection'];
  periods?: number;
  /** Size of the group (denominator, in the measure's `unit`), when known. */
  denominator?: number | null;
  /** Intersections and discovered subgroups: the single-attribute parents' rates, to show what the combination adds. */
  parents?: { stratifier: string; group: string; rate: number | null }[];
  /** Stratum findings within a facet (e.g. one site). */
  facet?: { name: string; value: string };
  /**
   * How the comparison was chosen: the stratifier's reference rule, `everyone_else` (discovered subgroups,
   * and the everyone-else rule), or `combination` (an intersection: each stratifier's reference together).
   */
  referenceRule?: ReferenceRuleName | 'combination';
  /**
   * True when the reference group is the worse-off one: `values` is then a group doing better than the
   * reference (`comparison`), the gap is the reference's, and `excessEvents` are the reference group's.
   */
  referenceWorse?: boolean;
  /** Pinned by the council (`analysis.ranking.pin`): ranked first. */
  pinned?: boolean;
  /** Ranking strength (src/analysis/rank.ts): the gap relative to its measure, at its conservative bound. */
  strength?: number | null;
  /** Ranking score: strength × the priority and measure-type weights. */
  score?: number | null;
  /** A rate it compares is unstable (relative standard error > 30%): ranked after stable findings. */
  unstable?: boolean;
}

/** How the findings are ordered (stated on the report's front page and by the CLI). */
export interface RankingInfo {
  method: 'weighted_strength';
  priorities: string[];
  priorityWeight: number;
  processWeight: number;
  pins: number;
}

export interface ResultsFile {
  schemaVersion: 1;
  stamp: Stamp;
  /** Issue #4 contract: `dataset {version, rows}` at top level too. */
  dataset: {
    version: number;
    id: string;
    /** Measure rows of the dataset version (the same as `measureRows`; kept for the issue #4 contract). */
    rows: number;
    /** Distinct people (patients) in the dataset version. */
    people?: number;
    /** Measure rows (one per unit of a measure: an encounter, a person, a discharge…). */
    measureRows?: number;
  };
  settings: {
    confidence: number;
    fdr: number;
    period: string;
    suppressionThreshold: number;
  };
  measures: MeasureResult[];
  intersections: IntersectionResult[];
  /** Pinned first, then by ranking score (see `ranking`). */
  findings: Finding[];
  ranking?: RankingInfo;
  /** How the run was planned: engine, grouping sets, what was stratified and searched. */
  plan?: {
    engine: string;
    groupingSets: number;
    stratifiers: string[];
    facets: string[];
    discovery: { stratifiers: string[]; combinations: number; tested: number; found: number };
  };
  /** Data-quality caveats (REAL completeness) carried into the report. */
  quality?: {
    field: string;
    known: number;
    unknown: number;
    declined: number;
    missing: number;
    total: number;
  }[];
  warnings: Warning[];
}
