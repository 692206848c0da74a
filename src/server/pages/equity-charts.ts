/**
 * The equity pages' one chart: a value per row with its interval (or control limits) as a horizontal
 * rule, an optional reference tick per row (community share, expected share) and a zero line for
 * differences. Rows that stand out are drawn as a larger triangle in a second colour and named in the
 * label, so the chart never relies on colour alone. Withheld rows are left out of the chart (the table
 * says they were withheld). Vega-Lite → SVG on the server; the page works without JavaScript.
 */
import type { TopLevelSpec } from 'vega-lite';
import { baseConfig, CHART_WIDTH, FONT, PALETTE, renderSvg } from '../../report/render-svg.js';

export interface ChartRow {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** A reference tick (e.g. the community share or the expected share). */
  reference?: number | null;
  flagged?: boolean;
}

export interface IntervalChart {
  id: string;
  title: string;
  desc: string;
  rows: ChartRow[];
  lang: 'en' | 'es';
  /** Draw a line at zero (differences, gaps). */
  zero?: boolean;
  /** Axis title. */
  axis: string;
}

export async function intervalChartSvg(input: IntervalChart): Promise<string> {
  const values = input.rows
    .filter((r) => r.value !== null)
    .map((r) => ({
      label: r.flagged ? `${r.label} ▲` : r.label,
      value: r.value! * 100,
      lower: r.lower === null ? r.value! * 100 : r.lower * 100,
      upper: r.upper === null ? r.value! * 100 : r.upper * 100,
      reference: r.reference === null || r.reference === undefined ? null : r.reference * 100,
      flagged: r.flagged === true,
    }));
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 160 } } as const;
  const x = { type: 'quantitative', title: input.axis, axis: { format: '.0f', tickCount: 5 } } as const;
  const spec = {
    width: CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    height: { step: 26 },
    padding: { top: 8, bottom: 4, left: 4, right: 12 },
    data: { values },
    layer: [
      ...(input.zero
        ? [
            {
              data: { values: [{}] },
              mark: { type: 'rule', color: PALETTE.muted, strokeWidth: 1.25 },
              encoding: { x: { datum: 0 } },
            },
          ]
        : []),
      {
        mark: { type: 'rule', color: PALETTE.same, strokeWidth: 2 },
        encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
      },
      {
        transform: [{ filter: 'datum.reference != null' }],
        mark: { type: 'tick', color: PALETTE.reference, thickness: 2, size: 16 },
        encoding: { y, x: { ...x, field: 'reference' } },
      },
      {
        transform: [{ filter: '!datum.flagged' }],
        mark: { type: 'point', filled: true, size: 70, color: PALETTE.better, opacity: 1 },
        encoding: { y, x: { ...x, field: 'value' } },
      },
      {
        transform: [{ filter: 'datum.flagged' }],
        mark: {
          type: 'point',
          shape: 'triangle-up',
          filled: true,
          size: 150,
          color: PALETTE.worse,
          opacity: 1,
        },
        encoding: { y, x: { ...x, field: 'value' } },
      },
    ],
    config: {
      ...baseConfig(input.lang),
      axis: { ...(baseConfig(input.lang).axis as object), labelFontSize: FONT },
    },
  };
  return renderSvg(spec as unknown as TopLevelSpec, { id: input.id, title: input.title, desc: input.desc });
}
