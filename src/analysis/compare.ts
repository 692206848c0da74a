/**
 * One group against its comparison group (the stratifier's reference, or everyone else): rate with a Wilson
 * interval, Newcombe difference, risk ratio (Katz log interval), two-sided p-value, and events to close
 * the gap. q-value and label are filled in later, once every p-value of the run is known (labels.ts).
 */
import type { Direction } from './measure-info.js';
import type { GroupResult } from '../model/results.js';
import { newcombeDifference, riskRatio, twoProportionTest, wilson } from '../stats/index.js';
import { compareRates, poissonRateInterval, twoRateTest } from './rate-stats.js';

export interface Counts {
  numerator: number;
  denominator: number;
}

export const rateOf = (c: Counts): number | null => (c.denominator > 0 ? c.numerator / c.denominator : null);

/**
 * Events to close the gap, positive when the group does worse: (group rate − comparison rate) × group
 * denominator for lower-is-better measures, (comparison rate − group rate) × denominator otherwise.
 */
export function excessEvents(group: Counts, comparison: Counts, direction: Direction): number | null {
  const a = rateOf(group);
  const b = rateOf(comparison);
  if (a === null || b === null) return null;
  const sign = direction === 'lower_is_better' ? 1 : -1;
  return sign * (a - b) * group.denominator;
}

/**
 * The rate of one group with its interval; no comparison. With `multiplier` (a rate measure: numerator =
 * events) the rate is events / denominator × multiplier with a Poisson interval, else a Wilson proportion.
 */
export function describeGroup(group: string, c: Counts, level: number, multiplier?: number): GroupResult {
  const ci =
    multiplier === undefined
      ? wilson(c.numerator, c.denominator, level)
      : poissonRateInterval(c.numerator, c.denominator, level, multiplier);
  const rate = rateOf(c);
  return {
    group,
    numerator: c.numerator,
    denominator: c.denominator,
    rate: rate === null || multiplier === undefined ? rate : rate * multiplier,
    lower: ci?.lower ?? null,
    upper: ci?.upper ?? null,
    difference: null,
    differenceLower: null,
    differenceUpper: null,
    ratio: null,
    ratioLower: null,
    ratioUpper: null,
    pValue: null,
    qValue: null,
    label: 'not_assessed',
    excessEvents: null,
    suppressed: false,
  };
}

/** Two-sided p-value of a group against a comparison (two-proportion or two-rate test). */
export const comparisonPValue = (c: Counts, ref: Counts, multiplier?: number): number | null =>
  multiplier === undefined
    ? (twoProportionTest(c.numerator, c.denominator, ref.numerator, ref.denominator)?.pValue ?? null)
    : twoRateTest(c.numerator, c.denominator, ref.numerator, ref.denominator);

/**
 * A group compared with `ref` (differences are group − reference). With `multiplier`, a rate measure:
 * rate difference and rate ratio (rate-stats.ts); excess events are then excess events (e.g. ED visits).
 */
export function compareGroup(
  group: string,
  c: Counts,
  ref: Counts,
  opts: { level: number; direction: Direction; multiplier?: number },
): GroupResult {
  const out = describeGroup(group, c, opts.level, opts.multiplier);
  const x1 = c.numerator;
  const n1 = c.denominator;
  const x2 = ref.numerator;
  const n2 = ref.denominator;
  if (opts.multiplier !== undefined) {
    const r = compareRates(x1, n1, x2, n2, opts.level, opts.multiplier);
    out.difference = r.difference?.estimate ?? null;
    out.differenceLower = r.difference?.lower ?? null;
    out.differenceUpper = r.difference?.upper ?? null;
    out.ratio = r.ratio?.estimate ?? null;
    out.ratioLower = r.ratio?.lower ?? null;
    out.ratioUpper = r.ratio?.upper ?? null;
    out.pValue = r.pValue;
    out.excessEvents = excessEvents(c, ref, opts.direction);
    return out;
  }
  const diff = newcombeDifference(x1, n1, x2, n2, opts.level);
  if (diff) {
    out.difference = diff.estimate;
    out.differenceLower = diff.lower;
    out.differenceUpper = diff.upper;
  }
  const rr = riskRatio(x1, n1, x2, n2, opts.level);
  if (rr) {
    out.ratio = rr.estimate;
    out.ratioLower = rr.lower;
    out.ratioUpper = rr.upper;
  }
  out.pValue = twoProportionTest(x1, n1, x2, n2)?.pValue ?? null;
  out.excessEvents = excessEvents(c, ref, opts.direction);
  return out;
}

/** Is a difference (group − comparison) in the bad direction for this measure? */
export const isWorse = (difference: number, direction: Direction): boolean =>
  direction === 'lower_is_better' ? difference > 0 : difference < 0;
