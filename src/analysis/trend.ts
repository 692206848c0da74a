/**
 * Trends of a stratum: the series per group (p-chart limits and SPC rule signals from src/stats/spc) and
 * the gap series (worst group − reference, per period) with its own XmR signals, and whether the gap is
 * narrowing. Gap direction: a weighted least-squares slope of the gap in the bad direction over period
 * index (weights 1/variance of the per-period difference); significant at the run's confidence level →
 * narrowing (slope < 0) or widening (slope > 0); else an SPC signal on the gap series whose late points
 * sit on one side decides; else no_clear_change. Fewer than 3 periods with both groups → not_assessed.
 */
import type { StratumResult, StratumTrend, TrendPoint } from '../model/results.js';
import { isStatus, MISSING } from '../model/status.js';
import { zFor } from '../stats/distributions.js';
import { spc } from '../stats/index.js';
import { rateOf } from './compare.js';
import type { Cube } from './cube.js';
import type { Direction } from './measure-info.js';
import { PERIOD_DIM } from './plan.js';

export const MIN_TREND_PERIODS = 3;

type Series = { period: string; numerator: number; denominator: number }[];

/** Series of one cell family over periods (period labels sort chronologically; Missing periods left out). */
export function seriesOf(cube: Cube, measure: string, key: Record<string, string>): Series {
  const dims = [...Object.keys(key), PERIOD_DIM];
  return cube
    .list(measure, dims)
    .filter((c) => Object.entries(key).every(([k, v]) => c.values[k] === v))
    .filter((c) => c.values[PERIOD_DIM] !== MISSING)
    .map((c) => ({
      period: c.values[PERIOD_DIM] as string,
      numerator: c.numerator,
      denominator: c.denominator,
    }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * Points with p-chart centre, limits and signals. A rate measure (`multiplier`: numerator = events, which
 * a p-chart cannot take) gets an XmR chart of its rates per `multiplier` units instead.
 */
export function trendPoints(series: Series, multiplier?: number): TrendPoint[] {
  const rateAt = (s: Series[number]): number | null => {
    const r = rateOf(s);
    return r === null || multiplier === undefined ? r : r * multiplier;
  };
  const chart =
    series.length < MIN_TREND_PERIODS
      ? null
      : multiplier === undefined
        ? spc(series, { chart: 'p' })
        : spc(
            series.map((s) => ({ period: s.period, value: rateAt(s) })),
            { chart: 'xmr' },
          );
  return series.map((s, i) => {
    const p = chart?.points[i];
    return {
      period: s.period,
      numerator: s.numerator,
      denominator: s.denominator,
      rate: rateAt(s),
      ...(p ? { centre: p.centre, lower: p.lower, upper: p.upper, signals: p.signals } : {}),
    };
  });
}

export function worstGroup(stratum: StratumResult): string | null {
  const pool = stratum.groups.filter(
    (g) => g.group !== stratum.reference && !isStatus(g.group) && (g.excessEvents ?? 0) > 0,
  );
  const worse = pool.filter((g) => g.label === 'worse');
  const pick = (worse.length ? worse : pool).sort((a, b) => (b.excessEvents ?? 0) - (a.excessEvents ?? 0))[0];
  return pick?.group ?? null;
}

export function buildTrend(
  cube: Cube,
  measure: string,
  stratum: StratumResult,
  direction: Direction,
  level: number,
  /** A rate measure: per-`multiplier` rates, Poisson variances (see trendPoints, gapDirection). */
  multiplier?: number,
): StratumTrend {
  const facet = stratum.facet ? { [stratum.facet.name]: stratum.facet.value } : {};
  const series = new Map(
    stratum.groups.map((g) => [
      g.group,
      seriesOf(cube, measure, { ...facet, [stratum.stratifier]: g.group }),
    ]),
  );
  const groups = stratum.groups.map((g) => ({
    group: g.group,
    points: trendPoints(series.get(g.group) ?? [], multiplier),
  }));
  const worst = worstGroup(stratum);
  if (worst === null || stratum.reference === null)
    return { groups, gap: null, gapDirection: 'not_assessed' };
  const ref = new Map((series.get(stratum.reference) ?? []).map((p) => [p.period, p]));
  const both = (series.get(worst) ?? []).flatMap((p) => {
    const r = ref.get(p.period);
    return r && r.denominator > 0 && p.denominator > 0 ? [{ g: p, r }] : [];
  });
  const diffs = both.map(
    ({ g, r }) => (g.numerator / g.denominator - r.numerator / r.denominator) * (multiplier ?? 1),
  );
  const chart =
    diffs.length >= MIN_TREND_PERIODS
      ? spc(
          both.map(({ g }, i) => ({ period: g.period, value: diffs[i] })),
          { chart: 'xmr' },
        )
      : null;
  const gap = {
    group: worst,
    points: both.map(({ g }, i) => ({
      period: g.period,
      difference: diffs[i] as number,
      ...(chart ? { signals: chart.points[i]?.signals ?? [] } : {}),
    })),
  };
  return {
    groups,
    gap,
    gapDirection: gapDirection(both, direction, level, chart?.points ?? [], multiplier !== undefined),
  };
}

type Pair = { g: Series[number]; r: Series[number] };

export function gapDirection(
  both: readonly Pair[],
  direction: Direction,
  level: number,
  chartPoints: readonly { signals: string[] }[] = [],
  /** Count-based rates: Poisson variance x/n² instead of the binomial p(1 − p)/n. */
  poisson = false,
): StratumTrend['gapDirection'] {
  if (both.length < MIN_TREND_PERIODS) return 'not_assessed';
  const sign = direction === 'lower_is_better' ? 1 : -1;
  const pts = both.map(({ g, r }, t) => {
    const p1 = g.numerator / g.denominator;
    const p2 = r.numerator / r.denominator;
    const v = poisson
      ? p1 / g.denominator + p2 / r.denominator
      : (p1 * (1 - p1)) / g.denominator + (p2 * (1 - p2)) / r.denominator;
    return { t, y: sign * (p1 - p2), w: v > 0 ? 1 / v : 0 };
  });
  const W = pts.reduce((s, p) => s + p.w, 0);
  if (W <= 0) return 'not_assessed';
  const tBar = pts.reduce((s, p) => s + p.w * p.t, 0) / W;
  const yBar = pts.reduce((s, p) => s + p.w * p.y, 0) / W;
  const sxx = pts.reduce((s, p) => s + p.w * (p.t - tBar) ** 2, 0);
  const sxy = pts.reduce((s, p) => s + p.w * (p.t - tBar) * (p.y - yBar), 0);
  if (sxx <= 0) return 'not_assessed';
  const slope = sxy / sxx;
  const z = slope / Math.sqrt(1 / sxx);
  if (Math.abs(z) > zFor(level)) return slope < 0 ? 'narrowing' : 'widening';
  const signalled = chartPoints.some((p) => p.signals.length > 0);
  if (signalled) {
    const half = Math.floor(pts.length / 2);
    const mean = (xs: typeof pts) => xs.reduce((s, p) => s + p.y, 0) / xs.length;
    const early = mean(pts.slice(0, half));
    const late = mean(pts.slice(pts.length - half));
    if (late < early) return 'narrowing';
    if (late > early) return 'widening';
  }
  return 'no_clear_change';
}
