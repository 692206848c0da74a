/**
 * Each group's rate over time: one line per group. The reference group (dashed, black) and the group whose
 * gap is followed (solid, orange, triangles) are named at their last point; the other groups are thin grey
 * lines, listed in the data table beside the chart. Line style and the direct labels carry the meaning,
 * not colour alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StratumTrend } from '../model/results.js';
import type { Locale } from './i18n.js';
import { tickValues } from './chart-ticks.js';
import { placeEnds } from './end-labels.js';
import { perUnit, type MeasureScale } from './measure-scale.js';
import { baseConfig, CHART_WIDTH, FONT, PALETTE, renderSvg } from './render-svg.js';

export interface TrendChartInput {
  id: string;
  trend: StratumTrend;
  reference: string | null;
  title: string;
  desc: string;
  scale?: MeasureScale;
}

const MIN_N = 30;
const HEIGHT = 110;

const unescape = (s: string): string =>
  s.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

export async function trendChartSvg(input: TrendChartInput, loc: Locale): Promise<string> {
  const isRate = input.scale?.isRate === true;
  const focus = input.trend.gap?.group ?? null;
  const role = (g: string): string => (g === input.reference ? 'ref' : g === focus ? 'focus' : 'other');
  // Other groups are drawn when every point rests on at least MIN_N (a line through rates of 3 people is
  // noise that would flatten the lines that matter); all of them are in the data table.
  const drawn = input.trend.groups.filter(
    (g) => role(g.group) !== 'other' || g.points.every((p) => (p.denominator ?? 0) >= MIN_N),
  );
  const values = drawn.flatMap((series) =>
    series.points
      .filter((p) => !p.suppressed && p.rate !== null)
      .map((p) => ({
        group: unescape(loc.label(series.group)),
        role: role(series.group),
        period: p.period,
        rate: p.rate,
      })),
  );
  const ends = input.trend.groups
    .filter((s) => role(s.group) !== 'other')
    .map((s) => {
      const last = [...s.points].reverse().find((p) => !p.suppressed && p.rate !== null);
      return last
        ? { group: unescape(loc.label(s.group)), role: role(s.group), period: last.period, rate: last.rate }
        : null;
    })
    .filter((x) => x !== null);
  const x = {
    field: 'period',
    type: 'ordinal',
    title: null,
    axis: { labelAngle: 0, ticks: false, labelPadding: 6, labelOverlap: 'greedy' },
  } as const;
  const known = values.map((v) => v.rate as number);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const pad = Math.max((hi - lo) * 0.15, isRate ? 1 : 0.01);
  const [d0, d1] = [Math.max(0, lo - pad), hi + pad];
  const y = {
    field: 'rate',
    type: 'quantitative',
    title: null,
    scale: { domain: [d0, d1], nice: false, zero: false },
    // At most four labels, and one near the bottom or top moved inside the plot, clear of the periods.
    axis: {
      values: tickValues(d0, d1, 4, isRate ? 1 : 0.01),
      format: isRate ? ',.0f' : '.0%',
      labelFlush: 9,
    },
  } as const;
  // The names at the last points, placed in the plot's pixels so they meet neither each other nor the axis.
  const places = placeEnds(
    ends.map((e) => HEIGHT * (1 - ((e.rate as number) - d0) / (d1 - d0))),
    HEIGHT,
    FONT,
  );
  const line = (r: string, colour: string, width: number, dash: number[]) => ({
    transform: [{ filter: `datum.role == '${r}'` }],
    mark: { type: 'line', color: colour, strokeWidth: width, strokeDash: dash },
    encoding: { x, y, detail: { field: 'group' } },
  });
  const spec = {
    width: CHART_WIDTH,
    // The whole drawing fits the width (labels included), so every chart scales the same way.
    autosize: { type: 'fit-x', contains: 'padding' },
    height: HEIGHT,
    title: {
      text: isRate
        ? loc.t('chart.axis.rate.per', { per: perUnit(loc, input.scale!) })
        : loc.t('chart.axis.rate'),
      anchor: 'start',
      frame: 'group',
      fontSize: FONT,
      fontWeight: 600,
      color: PALETTE.ink,
      offset: 8,
    },
    padding: { top: 8, bottom: 4, left: 4, right: 12 },
    data: { values },
    layer: [
      line('other', PALETTE.muted, 1.25, []),
      line('ref', PALETTE.reference, 2, [6, 4]),
      line('focus', PALETTE.worse, 2.5, []),
      {
        transform: [{ filter: "datum.role == 'focus'" }],
        mark: {
          type: 'point',
          shape: 'triangle-up',
          filled: true,
          size: 60,
          color: PALETTE.worse,
          opacity: 1,
        },
        encoding: { x, y },
      },
      // Names at the last point (end-labels.ts: the higher line's above it, the lower line's below).
      ...ends.map((e, i) => ({
        data: { values: [e] },
        mark: {
          type: 'text',
          align: 'right',
          baseline: places[i]!.baseline,
          dy: places[i]!.dy,
          fontSize: FONT,
          fontWeight: 600,
          color: e.role === 'focus' ? PALETTE.worse : PALETTE.reference,
        },
        encoding: { x, y, text: { field: 'group' } },
      })),
    ],
    config: baseConfig(loc.lang),
  };
  return renderSvg(spec as unknown as TopLevelSpec, { id: input.id, title: input.title, desc: input.desc });
}
