/**
 * A funnel plot (Spiegelhalter 2005, Stat Med 24:1185) as SVG: each unit's share (of Medicaid and uninsured
 * patients, say) against its size, the pooled target as a line and the exact binomial control limits around
 * it for every size between the smallest and the largest unit, so a unit outside the funnel is outside what
 * chance allows for its size. Flagged units (outside and surviving false-discovery control) are drawn as
 * triangles pointing the way they differ, in the "worse" colour; the rest as grey circles. Units whose share
 * is withheld (public edition) are not drawn. Vega-Lite → SVG (render-svg.ts), with a text alternative; the
 * caller puts the data table beside it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { binomInv } from '../stats/distributions.js';
import type { Lang } from './i18n.js';
import { baseConfig, CHART_WIDTH, PALETTE, renderSvg } from './render-svg.js';

export interface FunnelPoint {
  unit: string;
  /** The unit's size (patients); null when withheld. */
  patients: number | null;
  /** The unit's share; null when withheld. */
  share: number | null;
  flag: 'low' | 'high' | null;
}

export interface FunnelText {
  title: string;
  desc: string;
  /** Axis titles. */
  x: string;
  y: string;
  /** Legend entries: a unit within the limits, flagged low, flagged high. */
  within: string;
  low: string;
  high: string;
}

/** The funnel's limits: the exact binomial quantiles at (1 − level)/2 and 1 − (1 − level)/2, over n. */
export function funnelLimits(
  target: number,
  sizes: readonly number[],
  level = 0.998,
  steps = 48,
): { n: number; lower: number; upper: number }[] {
  const lo = Math.max(1, Math.min(...sizes));
  const hi = Math.max(lo + 1, ...sizes);
  const tail = (1 - level) / 2;
  const ns = new Set<number>();
  for (let i = 0; i <= steps; i++) ns.add(Math.round(lo * (hi / lo) ** (i / steps)));
  return [...ns].map((n) => ({
    n,
    lower: binomInv(tail, n, target) / n,
    upper: binomInv(1 - tail, n, target) / n,
  }));
}

const legendConfig = (lang: Lang) => (baseConfig(lang).legend ?? {}) as Record<string, unknown>;

/** The plot for one facet's units around its pooled share `target`; '' when no unit can be drawn. */
export async function funnelChartSvg(
  points: readonly FunnelPoint[],
  target: number,
  text: FunnelText,
  opts: { id: string; lang: Lang; level?: number },
): Promise<string> {
  const shown = points.filter(
    (p): p is FunnelPoint & { patients: number; share: number } => p.patients !== null && p.share !== null,
  );
  if (shown.length === 0) return '';
  const limits = funnelLimits(
    target,
    shown.map((p) => p.patients),
    opts.level,
  );
  const status = (p: FunnelPoint) =>
    p.flag === 'low' ? text.low : p.flag === 'high' ? text.high : text.within;
  const values = shown.map((p) => ({ unit: p.unit, n: p.patients, share: p.share, status: status(p) }));
  const x = { field: 'n', type: 'quantitative', title: text.x, scale: { type: 'log', nice: false } } as const;
  const y = { type: 'quantitative', axis: { format: '.0%' }, scale: { zero: false } } as const;
  const limit = (field: 'lower' | 'upper') => ({
    data: { values: limits },
    mark: {
      type: 'line' as const,
      color: PALETTE.muted,
      strokeDash: [4, 3],
      interpolate: 'step-after' as const,
    },
    encoding: { x, y: { ...y, field, title: text.y } },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    // Narrower than CHART_WIDTH: the y axis's title and labels sit beside it, and text stays ≥ 11 px at 390 px.
    width: CHART_WIDTH - 48,
    height: CHART_WIDTH * 0.7,
    // One legend entry a line, never cut short: the chart stays CHART_WIDTH wide (text ≥ 11 px on a phone).
    config: {
      ...baseConfig(opts.lang),
      legend: { ...legendConfig(opts.lang), direction: 'vertical', labelLimit: 0 },
    },
    layer: [
      limit('lower'),
      limit('upper'),
      {
        data: { values: [{ t: target }] },
        mark: { type: 'rule', color: PALETTE.reference },
        encoding: { y: { ...y, field: 't', title: text.y } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          x,
          y: { ...y, field: 'share', title: text.y },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: [text.within, text.low, text.high],
              range: [PALETTE.same, PALETTE.worse, PALETTE.better],
            },
          },
          shape: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: {
              domain: [text.within, text.low, text.high],
              range: ['circle', 'triangle-down', 'triangle-up'],
            },
          },
        },
      },
    ],
  };
  return renderSvg(spec, { id: opts.id, title: text.title, desc: text.desc });
}
