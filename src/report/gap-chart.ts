/**
 * The gap over time: difference in rate (percentage points) between the group with the largest gap and the
 * reference, per period, with a "no gap" line at zero. Points flagged by the run/SPC rules are drawn as a
 * larger triangle in a second colour and named in words, so signals never rely on colour alone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StratumTrend } from '../model/results.js';
import type { Locale } from './i18n.js';
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
    axis: { tickCount: 5, format: '.1f' },
  } as const;
  const lastSignal = values.map((v) => v.note !== '').lastIndexOf(true);
  const spec = {
    width: CHART_WIDTH,
    height: 130,
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
    },
    padding: { top: 16, bottom: 4, left: 4, right: 12 },
    data: { values: values.map((v, i) => ({ ...v, label: i === lastSignal ? v.note : '' })) },
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
      {
        transform: [{ filter: "datum.label != ''" }],
        mark: {
          type: 'text',
          align: 'right',
          baseline: 'bottom',
          dy: -10,
          fontSize: FONT,
          fontWeight: 600,
          color: PALETTE.worse,
        },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
    config: baseConfig(loc.lang),
  };
  return renderSvg(spec as unknown as TopLevelSpec, { id: input.id, title: input.title, desc: input.desc });
}
