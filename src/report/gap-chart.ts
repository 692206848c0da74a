/**
 * The gap over time: difference in rate (percentage points) between the group with the largest gap and the
 * reference, per period, with a "no gap" line at zero. Points flagged by the run/SPC rules are drawn as a
 * larger triangle in a second colour, and the latest is named in words under the title, so signals never
 * rely on colour alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StratumTrend } from '../model/results.js';
import type { Locale } from './i18n.js';
import { tickValues } from './chart-ticks.js';
import { wrapText } from './text-width.js';
import { perUnit, type MeasureScale } from './measure-scale.js';
import { baseConfig, CHART_WIDTH, FONT, PALETTE, renderSvg } from './render-svg.js';

export interface GapChartInput {
  id: string;
  gap: NonNullable<StratumTrend['gap']>;
  title: string;
  desc: string;
  /** A rate measure: the gap is drawn in its own units (per N) rather than percentage points. */
  scale?: MeasureScale;
}

export async function gapChartSvg(input: GapChartInput, loc: Locale): Promise<string> {
  const values = input.gap.points.map((p) => ({
    period: p.period,
    gap: p.difference === null ? null : input.scale?.isRate ? p.difference : p.difference * 100,
    note: (p.signals ?? []).map((s) => loc.t(`signal.${s}`)).join(', '),
  }));
  const gaps = values.map((v) => v.gap).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...gaps);
  const hi = Math.max(0, ...gaps);
  const pad = Math.max(0.5, (hi - lo) * 0.15);
  const x = {
    field: 'period',
    type: 'ordinal',
    title: null,
    axis: { labelAngle: 0, ticks: false, labelPadding: 6, labelOverlap: 'greedy' },
  } as const;
  const y = {
    field: 'gap',
    type: 'quantitative',
    title: null,
    scale: { domain: [lo - pad, hi + pad], nice: false },
    // Four labels at most (five 14 px high touch on 100 px), one near an end moved inside the plot.
    axis: { values: tickValues(lo - pad, hi + pad, 4), format: '.1f', labelFlush: 9 },
  } as const;
  const last = [...values].reverse().find((v) => v.note !== '');
  const signal = last ? `▲ ${last.period}: ${last.note}` : '';
  const spec = {
    width: CHART_WIDTH,
    // The whole drawing fits the width (labels included), so every chart scales the same way.
    autosize: { type: 'fit-x', contains: 'padding' },
    height: 100,
    title: {
      text: input.scale?.isRate
        ? loc.t('chart.axis.gap.rate', { per: perUnit(loc, input.scale) })
        : loc.t('chart.axis.gap'),
      anchor: 'start',
      frame: 'group',
      fontSize: FONT,
      fontWeight: 600,
      color: PALETTE.ink,
      offset: 8,
      // The latest signal in words, under the title: a label at its point ran across the other labels.
      ...(signal
        ? {
            // Wrapped to the chart's width: a long one would make the chart shrink to fit it.
            subtitle: wrapText(signal, CHART_WIDTH - 24, FONT),
            subtitleFontSize: FONT,
            subtitleFontWeight: 600,
            subtitleColor: PALETTE.worse,
            subtitlePadding: 3,
          }
        : {}),
    },
    padding: { top: 16, bottom: 4, left: 4, right: 12 },
    data: { values },
    layer: [
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: PALETTE.muted, strokeWidth: 1.25 },
        encoding: { y: { datum: 0 } },
      },
      {
        data: { values: [{}] },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          dx: 2,
          dy: -3,
          fontSize: FONT,
          color: PALETTE.same,
        },
        encoding: { y: { datum: 0 }, x: { value: 0 }, text: { value: loc.t('chart.noGap') } },
      },
      {
        transform: [{ filter: 'datum.gap != null' }],
        mark: { type: 'line', color: PALETTE.ink, strokeWidth: 2 },
        encoding: { x, y },
      },
      {
        transform: [{ filter: "datum.gap != null && datum.note == ''" }],
        mark: {
          type: 'point',
          filled: true,
          size: 55,
          stroke: '#fff',
          strokeWidth: 1,
          opacity: 1,
          color: PALETTE.ink,
        },
        encoding: { x, y },
      },
      {
        transform: [{ filter: "datum.gap != null && datum.note != ''" }],
        mark: {
          type: 'point',
          shape: 'triangle-up',
          filled: true,
          size: 170,
          stroke: '#fff',
          strokeWidth: 1,
          opacity: 1,
          color: PALETTE.worse,
        },
        encoding: { x, y },
      },
    ],
    config: baseConfig(loc.lang),
  };
  return renderSvg(spec as unknown as TopLevelSpec, { id: input.id, title: input.title, desc: input.desc });
}
