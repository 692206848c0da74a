/**
 * WHO HEAT summary measures of a stratum (from src/stats/inequality), on proportions (scale 1).
 * Non-ordered dimensions (race, sex, payer…): difference and ratio against the reference, between-group
 * variance, index of disparity, mean differences from the reference, mean log deviation, Theil index.
 * Ordered dimensions (age band, youngest first): difference, ratio, slope and relative index of inequality,
 * absolute and relative concentration index. Status groups (Declined/Unknown/Missing) are left out.
 */
import type { StratumResult, SummaryMeasureResult } from '../model/results.js';
import { isStatus } from '../model/status.js';
import { applicableMeasures, inequalityMeasures, type InequalityMeasureCode } from '../stats/index.js';
import type { Direction } from './measure-info.js';
import { isOrdered } from './order.js';

/** The summary measures a report shows, in its order; each stratum gets those that apply to its dimension. */
export const REPORTED_MEASURES: readonly InequalityMeasureCode[] = [
  ...['D', 'R', 'BGV', 'BGSD', 'IDISW', 'MDRW', 'MLD', 'TI'],
  ...['SII', 'RII', 'ACI', 'RCI'],
] as InequalityMeasureCode[];
export const NON_ORDERED_MEASURES = applicableMeasures(false, REPORTED_MEASURES);
export const ORDERED_MEASURES = applicableMeasures(true, REPORTED_MEASURES);

export function summaryMeasures(
  stratum: StratumResult,
  direction: Direction,
  overallRate: number | null,
  level: number,
  /** A rate measure: rates are per `multiplier` units, SE from the Poisson count (√x / n × multiplier). */
  multiplier?: number,
): SummaryMeasureResult[] {
  const ordered = isOrdered(stratum.stratifier);
  const groups = stratum.groups.filter((g) => !isStatus(g.group) && g.denominator && g.rate !== null);
  if (groups.length < 2) return [];
  const subgroups = groups.map((g, i) => {
    const n = g.denominator as number;
    const p = g.rate as number;
    return {
      name: g.group,
      estimate: p,
      se: multiplier === undefined ? Math.sqrt((p * (1 - p)) / n) : Math.sqrt((p * multiplier) / n),
      population: n,
      ...(ordered ? { order: i + 1 } : { reference: g.group === stratum.reference }),
    };
  });
  return inequalityMeasures(
    {
      subgroups,
      favourable: direction === 'higher_is_better',
      ordered,
      scale: multiplier ?? 1,
      settingAverage: overallRate,
      level,
    },
    ordered ? ORDERED_MEASURES : NON_ORDERED_MEASURES,
  ).map((r) => ({
    measure: r.measure,
    estimate: r.estimate,
    se: r.se,
    lower: r.lower,
    upper: r.upper,
    warnings: r.warnings,
  }));
}
