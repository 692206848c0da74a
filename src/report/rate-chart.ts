/**
 * Dot-and-interval chart: each group's rate with its confidence interval, against the reference group
 * (dashed line) and the overall rate (dotted line). Shape and colour both say worse/better/no difference,
 * and every dot carries its value as text, so nothing depends on colour alone. Suppressed groups and groups
 * without data keep their row, with the words "suppressed" / "no data".
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GroupLabel, MeasureResult, StratumResult } from '../model/results.js';
import type { Locale } from './i18n.js';
import { inDisplayOrder, isOrdinal } from './group-order.js';
import { placeLineLabels, textWidth, type LinePlace } from './line-labels.js';
import { perUnit, type MeasureScale } from './measure-scale.js';
import { baseConfig, CHART_WIDTH, FONT, PALETTE, renderSvg } from './render-svg.js';

const LABELS: readonly GroupLabel[] = [
  'worse',
  'better',
  'no_detectable_difference',
  'reference',
  'not_assessed',
];
const SHAPES = ['triangle-up', 'square', 'circle', 'diamond', 'cross'];
const COLOURS = [PALETTE.worse, PALETTE.better, PALETTE.same, PALETTE.reference, PALETTE.muted];

/** Height of a group's row, and where its interval sits in it (the name is on the line above). */
const ROW = 35;
const DOT = 0.72;
/** Around the plot; the plot is the rest of CHART_WIDTH, as nothing is drawn outside it. */
const PADDING = { top: 22, bottom: 2, left: 6, right: 14 };
const PLOT = CHART_WIDTH - PADDING.left - PADDING.right;
/** A second row of line labels, when the two would meet. */
const LABEL_ROW = 18;

/** At most this many rows in a chart; the data table always has every group. */
export const MAX_ROWS = 12;

/** The groups a chart shows: all of them, or (when there are many) the reference, those that differ, then the largest. */
export function chartGroups(stratum: StratumResult): StratumResult['groups'] {
  if (stratum.groups.length <= MAX_ROWS) return stratum.groups;
  const rank = (g: StratumResult['groups'][number]): number =>
    g.group === stratum.reference ? 0 : g.label === 'worse' || g.label === 'better' ? 1 : 2;
  const keep = new Set(
    [...stratum.groups]
      .sort((a, b) => rank(a) - rank(b) || (b.denominator ?? -1) - (a.denominator ?? -1))
      .slice(0, MAX_ROWS),
  );
  return stratum.groups.filter((g) => keep.has(g));
}

const STATUS = new Set(['Declined', 'Unknown', 'Missing']);

/**
 * Reading order. Ordinal groups (age bands, income bands, quartiles) in their own order, youngest or
 * lowest first; nominal groups with the reference on top, then from worst to best, then
 * Declined/Unknown/Missing.
 */
export function ordered(
  stratum: StratumResult,
  direction: MeasureResult['direction'],
): StratumResult['groups'] {
  const groups = chartGroups(stratum);
  if (
    isOrdinal(
      stratum.stratifier,
      stratum.groups.map((g) => g.group),
    )
  )
    return inDisplayOrder(stratum.stratifier, groups).map((x) => x.item);
  const sign = direction === 'lower_is_better' ? -1 : 1;
  const rank = (g: StratumResult['groups'][number]): number =>
    g.group === stratum.reference ? 0 : STATUS.has(g.group) ? 3 : g.rate === null || g.suppressed ? 2 : 1;
  return [...groups].sort(
    (a, b) =>
      rank(a) - rank(b) || sign * ((a.suppressed ? 0 : (a.rate ?? 0)) - (b.suppressed ? 0 : (b.rate ?? 0))),
  );
}

export interface RateChartInput {
  id: string;
  stratum: StratumResult;
  direction: MeasureResult['direction'];
  overall: number | null;
  title: string;
  desc: string;
  /** A rate measure (per N, e.g. per 1,000): numbers and axis in its units, not percentages. */
  scale?: MeasureScale;
}

/** Text the browser shows for a group's row (plain text; Vega escapes it). */
const unescape = (s: string): string =>
  s.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

export async function rateChartSvg(input: RateChartInput, loc: Locale): Promise<string> {
  const { stratum } = input;
  const isRate = input.scale?.isRate === true;
  const kind = isRate ? 'rate' : 'pct';
  const values = ordered(stratum, input.direction).map((g) => ({
    group: unescape(loc.label(g.group)),
    rate: g.suppressed ? null : g.rate,
    lower: g.suppressed ? null : g.lower,
    upper: g.suppressed ? null : g.upper,
    label: loc.t(`label.${g.label}`),
    text: g.suppressed || g.rate === null ? '' : loc.format(g.rate, kind),
    note: g.suppressed ? loc.t('suppressed') : g.rate === null ? loc.t('noData') : '',
  }));
  const ref = stratum.groups.find((g) => g.group === stratum.reference && !g.suppressed)?.rate ?? null;
  const domain = values.flatMap((v) => [v.lower, v.upper]).concat([input.overall, ref]);
  const known = domain.filter((v): v is number => v !== null);
  // Proportions: a little room on a 0–1 scale; rates per N: room in proportion to the spread.
  const pad = isRate ? Math.max(1, (Math.max(...known) - Math.min(...known)) * 0.06) : 0.02;
  const lo = Math.max(0, Math.min(...known) - pad);
  // Room right of the highest interval for its value, so the plot is PLOT px wide and nothing is shrunk.
  const uppers = values.map((v) => v.upper).filter((v): v is number => v !== null);
  const top = uppers.length ? Math.max(...uppers) : Math.max(...known);
  const room = 7 + Math.max(0, ...values.map((v) => textWidth(v.text, FONT)));
  const fit = lo + ((top - lo) * PLOT) / (PLOT - room);
  const hi = isRate
    ? Math.max(fit, Math.max(...known) + pad)
    : Math.min(1, Math.max(fit, Math.max(...known) + 0.01));
  const px = (v: number): number => ((v - lo) / (hi - lo)) * PLOT;
  const lineTexts = [
    input.overall === null ? null : `${loc.t('chart.overall')} ${loc.format(input.overall, kind)}`,
    ref === null ? null : loc.t('chart.reference'),
  ];
  const lines = [input.overall, ref]
    .map((v, i) => (v === null ? null : { x: px(v), width: textWidth(lineTexts[i]!, FONT) }))
    .filter((l) => l !== null);
  const places = placeLineLabels(lines, PLOT);
  const place = (i: number): LinePlace => places[input.overall === null ? i - 1 : i]!;
  // Stacked rows: each group's name on its own line above its interval, so the plot keeps the whole width
  // at a phone's width. A row is two lines of text (the name; the value or "suppressed" beside the
  // interval), ROW px apart enough that the lines of one row and the next never touch.
  const y = {
    field: 'group',
    type: 'nominal',
    sort: null,
    title: null,
    axis: null,
  } as const;
  const yDot = { ...y, bandPosition: DOT };
  const x = {
    type: 'quantitative',
    scale: { domain: [lo, hi], nice: false, zero: false },
    axis: {
      format: isRate ? ',.0f' : '.0%',
      title: isRate
        ? loc.t('chart.axis.rate.per', { per: perUnit(loc, input.scale!) })
        : loc.t('chart.axis.rate'),
      tickCount: 5,
      // Labels within 15 px of either end are set inside the plot, so they never widen the drawing.
      labelFlush: 15,
      grid: true,
    },
  } as const;
  const shown = { filter: 'datum.rate != null' };
  // Both line labels sit above the plot, beside their lines (line-labels.ts), on a second row if they meet.
  const vline = (datum: number, dash: number[], colour: string, text: string, at: LinePlace) => [
    {
      data: { values: [{}] },
      mark: { type: 'rule' as const, strokeDash: dash, color: colour, strokeWidth: 1.25 },
      encoding: { x: { datum } },
    },
    {
      data: { values: [{}] },
      mark: {
        type: 'text' as const,
        align: at.align,
        baseline: 'bottom' as const,
        dx: at.dx,
        dy: -4 - at.row * LABEL_ROW,
        fontSize: FONT,
        fontWeight: 600,
        color: colour,
      },
      encoding: { x: { datum }, y: { value: 0 }, text: { value: text } },
    },
  ];
  const colour = {
    field: 'label',
    type: 'nominal',
    scale: { domain: LABELS.map((l) => loc.t(`label.${l}`)), range: COLOURS },
    legend: null,
  } as const;
  const spec = {
    width: CHART_WIDTH,
    // The whole drawing fits the width (labels included), so every chart scales the same way.
    autosize: { type: 'fit-x', contains: 'padding' },
    height: { step: ROW },
    padding: { ...PADDING, top: PADDING.top + (places.some((p) => p.row === 1) ? LABEL_ROW : 0) },
    data: { values },
    layer: [
      ...(input.overall === null ? [] : vline(input.overall, [2, 3], PALETTE.same, lineTexts[0]!, place(0))),
      ...(ref === null ? [] : vline(ref, [6, 4], PALETTE.reference, lineTexts[1]!, place(1))),
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          dy: 1,
          fontSize: FONT,
          fontWeight: 600,
          // A long name is cut with "…" rather than narrowing the plot (the table has it in full).
          limit: CHART_WIDTH - 30,
          color: PALETTE.ink,
        },
        encoding: { y: { ...y, bandPosition: 0 }, x: { value: 0 }, text: { field: 'group' } },
      },
      {
        transform: [shown],
        mark: { type: 'rule', strokeWidth: 3, strokeCap: 'round', opacity: 0.45 },
        encoding: { y: yDot, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color: colour },
      },
      {
        transform: [shown],
        mark: { type: 'point', filled: true, size: 130, strokeWidth: 1, stroke: '#fff', opacity: 1 },
        encoding: {
          y: yDot,
          x: { ...x, field: 'rate' },
          shape: {
            field: 'label',
            type: 'nominal',
            legend: null,
            scale: { domain: LABELS.map((l) => loc.t(`label.${l}`)), range: SHAPES },
          },
          color: colour,
        },
      },
      {
        transform: [shown],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: FONT, color: PALETTE.ink },
        encoding: { y: yDot, x: { field: 'upper', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        transform: [{ filter: 'datum.rate == null' }],
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 4,
          fontSize: FONT,
          fontStyle: 'italic',
          color: PALETTE.same,
        },
        encoding: { y: yDot, x: { value: 0 }, text: { field: 'note' } },
      },
    ],
    config: baseConfig(loc.lang),
  };
  return renderSvg(spec as unknown as TopLevelSpec, { id: input.id, title: input.title, desc: input.desc });
}
