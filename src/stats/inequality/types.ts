/**
 * Shared types for the WHO HEAT summary measures of inequality (the public contract the analysis engine and
 * the CLI code against — field names are fixed).
 */
import type { Warning } from '../../errors.js';

/** The WHO HEAT (v6) measure abbreviations, exactly as HEAT spells them. */
export type InequalityMeasureCode =
  | 'D'
  | 'R'
  | 'PAR'
  | 'PAF'
  | 'BGV'
  | 'BGSD'
  | 'COV'
  | 'IDISU'
  | 'IDISW'
  | 'MDBU'
  | 'MDBW'
  | 'MDMU'
  | 'MDMW'
  | 'MDRU'
  | 'MDRW'
  | 'MLD'
  | 'TI'
  | 'ACI'
  | 'RCI'
  | 'SII'
  | 'RII';

/** One subgroup of one dimension (a row of a HEAT Plus upload). */
export interface InequalitySubgroup {
  name: string;
  /** The subgroup's estimate on the indicator's scale (e.g. 0–100 for a percentage). */
  estimate: number | null;
  /** Standard error of `estimate`, same scale. */
  se?: number | null;
  /** Population (or weighted sample size) of the subgroup; weights for the weighted measures. */
  population?: number | null;
  /** Ordered dimensions: 1 = most disadvantaged … n = most advantaged (HEAT's `subgroup_order`). */
  order?: number | null;
  /** Non-ordered dimensions: the reference subgroup (HEAT's `reference_subgroup` = 1). At most one. */
  reference?: boolean;
}

export interface InequalityInput {
  subgroups: readonly InequalitySubgroup[];
  /** True when higher is better (HEAT's `favourable_indicator` = 1), false for adverse indicators. */
  favourable: boolean;
  /** True for an ordered dimension (wealth quintile, education level); false for sex, race, region. */
  ordered: boolean;
  /** indicator_scale, e.g. 100 for percentages, 1 for proportions, 1000 for rates per 1000. */
  scale: number;
  /**
   * Overall (national) average. As in WHO HEAT 6, μ is the population-weighted mean of the subgroup estimates
   * whenever every subgroup has a population; this setting average is used when populations are missing.
   */
  settingAverage?: number | null;
  /** Confidence level for `lower`/`upper`; default 0.95. */
  level?: number;
}

export interface InequalityResult {
  measure: InequalityMeasureCode;
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  warnings: Warning[];
}
