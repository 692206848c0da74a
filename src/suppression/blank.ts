/**
 * Blanking: what "suppressed" does to each kind of result object. A hidden cell loses every number that
 * could give its counts back (numerator, denominator, rate, CI, difference and ratio with CIs, p/q values,
 * excess events, age-standardised rate) and its worse/better label, and says why (`suppressionReason`).
 */
import type { GroupResult, SuppressionReason, TrendPoint } from '../model/index.js';

/** Hide a group (stratum or intersection) in place. */
export function blankGroup(g: GroupResult, reason: SuppressionReason): void {
  g.numerator = null;
  g.denominator = null;
  g.rate = null;
  g.lower = null;
  g.upper = null;
  blankComparison(g);
  g.suppressed = true;
  g.suppressionReason = reason;
  delete g.unstable;
  if (g.ageStandardised) g.ageStandardised = { rate: null, lower: null, upper: null };
}

/**
 * Publish a group coarsened in place (issue #12 item 2): its counts, interval, p/q values, excess events
 * and age-standardised rate are withheld (each gives its counts back), its rate is the rounded `rate`,
 * and a difference and ratio against `refRate` (a reference shown exactly) are those of the rounded rate.
 */
export function coarsenGroup(g: GroupResult, rate: number, step: number, refRate: number | null): void {
  blankGroup(g, 'suppressed');
  g.suppressed = false;
  delete g.suppressionReason;
  g.rate = rate;
  g.roundedTo = step;
  if (g.ageStandardised) g.ageStandardised = { rate: null, lower: null, upper: null };
  if (refRate === null) return;
  g.difference = rate - refRate;
  g.ratio = refRate > 0 ? rate / refRate : null;
}

/**
 * Remove what compares a group with a hidden reference: with the group's own counts shown, the difference,
 * ratio or excess events would give the reference rate back.
 */
export function blankComparison(g: GroupResult): void {
  g.difference = null;
  g.differenceLower = null;
  g.differenceUpper = null;
  g.ratio = null;
  g.ratioLower = null;
  g.ratioUpper = null;
  g.pValue = null;
  g.qValue = null;
  g.excessEvents = null;
  if (g.label !== 'reference') g.label = 'not_assessed';
}

/** Hide a trend point in place (its chart is handled per series: {@link blankChart}). */
export function blankPoint(p: TrendPoint): void {
  p.numerator = null;
  p.denominator = null;
  p.rate = null;
  if (p.lower !== undefined) p.lower = null;
  if (p.upper !== undefined) p.upper = null;
  if (p.signals !== undefined) p.signals = [];
  p.suppressed = true;
}

/**
 * Remove a series' control chart: its centre is the whole-series rate (a p-chart's is the group's rate, an
 * XmR chart's the mean of every point), its limits follow from the centre, and its signals (runs, trends)
 * from where every point lies. When the group or any point of the series is hidden, none of it is shown.
 */
export function blankChart(points: TrendPoint[]): void {
  for (const p of points) {
    if (p.centre !== undefined) p.centre = null;
    if (p.lower !== undefined) p.lower = null;
    if (p.upper !== undefined) p.upper = null;
    if (p.signals !== undefined) p.signals = [];
  }
}

/**
 * Relative standard error of a proportion n/d: sqrt(p(1−p)/d) / p = sqrt((1−p)/n); of a count-based rate
 * (Poisson events n per d units, `kind: 'rate'`): sqrt(n)/n = 1/sqrt(n). Infinite for n = 0 (a zero rate
 * has no relative precision). NCHS flags estimates with RSE > 30% as unreliable (for Poisson rates: fewer
 * than 12 events, NCHS Data Presentation Standards, 2017).
 */
export function relativeStandardError(
  numerator: number,
  denominator: number,
  kind: 'proportion' | 'rate' = 'proportion',
): number {
  if (denominator <= 0) return Number.NaN;
  if (numerator <= 0) return Number.POSITIVE_INFINITY;
  if (kind === 'rate') return 1 / Math.sqrt(numerator);
  const p = numerator / denominator;
  return Math.sqrt((1 - p) / numerator);
}
