/**
 * The SPC chart QI teams expect, from an `SpcResult` (src/stats/spc): the series as a line with points,
 * the centre line, dashed 3-sigma limits (per point on p / p′ charts), each phase drawn on its own, and
 * points with a rule signal as larger triangles in a second colour, named in words (never colour alone).
 * Also as a self-contained HTML page with the chart and its data table.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SpcResult } from '../stats/index.js';
import { createLocale, esc, type Lang } from './i18n.js';
import { baseConfig, PALETTE, renderSvg } from './render-svg.js';

const WORDS: Record<Lang, Record<'centre' | 'limits' | 'period' | 'value' | 'signals', string>> = {
  en: {
    centre: 'centre',
    limits: 'control limits',
    period: 'Period',
    value: 'Value',
    signals: 'Signals',
  },
  es: {
    centre: 'línea central',
    limits: 'límites de control',
    period: 'Periodo',
    value: 'Valor',
    signals: 'Señales',
  },
};
const CHART_NAMES: Record<SpcResult['chart'], string> = {
  run: 'Run chart',
  p: 'p-chart',
  pprime: 'Laney p′ chart',
  xmr: 'XmR chart',
};

export interface SpcChartOptions {
  title: string;
  lang?: Lang;
  id?: string;
}

const isProportion = (r: SpcResult): boolean => r.chart === 'p' || r.chart === 'pprime';

/** The chart as an SVG string (role="img", with a title and a description). */
export async function spcChartSvg(result: SpcResult, opts: SpcChartOptions): Promise<string> {
  const lang = opts.lang ?? 'en';
  const loc = createLocale(lang);
  const w = WORDS[lang];
  const values = result.points.map((p, i) => ({
    i,
    period: p.period,
    phase: p.phase ?? '',
    value: p.value,
    centre: p.centre,
    lower: p.lower,
    upper: p.upper,
    note: p.signals.map((s) => loc.t(`signal.${s}`)).join(', '),
  }));
  const format = isProportion(result) ? '.1%' : '~r';
  const x = {
    field: 'period',
    type: 'ordinal',
    sort: null,
    title: null,
    axis: { labelAngle: values.length > 12 ? -45 : 0, ticks: false, labelPadding: 6 },
  } as const;
  const y = (field: string) => ({ field, type: 'quantitative', title: null, axis: { format, tickCount: 6 } });
  const line = (field: string, dash: number[] | undefined, color: string) => ({
    transform: [{ filter: `datum.${field} != null` }],
    mark: { type: 'line', color, strokeWidth: dash ? 1.25 : 1.5, ...(dash ? { strokeDash: dash } : {}) },
    encoding: { x, y: y(field), detail: { field: 'phase' } },
  });
  const signalled = values.filter((v) => v.note !== '');
  const spec = {
    width: Math.max(360, Math.min(900, values.length * 28)),
    height: 240,
    padding: { top: 12, bottom: 4, left: 4, right: 12 },
    data: { values },
    layer: [
      line('upper', [5, 4], PALETTE.muted),
      line('lower', [5, 4], PALETTE.muted),
      line('centre', undefined, PALETTE.same),
      {
        transform: [{ filter: 'datum.value != null' }],
        mark: { type: 'line', color: PALETTE.ink, strokeWidth: 2 },
        encoding: { x, y: y('value'), detail: { field: 'phase' } },
      },
      {
        transform: [{ filter: "datum.value != null && datum.note == ''" }],
        mark: { type: 'point', filled: true, size: 45, color: PALETTE.ink, opacity: 1 },
        encoding: { x, y: y('value') },
      },
      {
        transform: [{ filter: "datum.value != null && datum.note != ''" }],
        mark: {
          type: 'point',
          shape: 'triangle-up',
          filled: true,
          size: 150,
          stroke: '#fff',
          strokeWidth: 1,
          color: PALETTE.worse,
          opacity: 1,
        },
        encoding: { x, y: y('value') },
      },
    ],
    config: baseConfig(lang),
  };
  const desc =
    `${CHART_NAMES[result.chart]}, ${values.length} periods, with the ${w.centre} and ${result.chart === 'run' ? 'no limits' : w.limits}. ` +
    (signalled.length
      ? `Signals: ${signalled.map((v) => `${v.period}: ${v.note}`).join('; ')}.`
      : 'No signals.');
  return renderSvg(spec as unknown as TopLevelSpec, { id: opts.id ?? 'spc', title: opts.title, desc });
}

const cell = (v: number | null, proportion: boolean): string =>
  v === null ? '' : proportion ? `${(v * 100).toFixed(1)}%` : String(+v.toFixed(4));

/** A self-contained HTML page: the chart, the runs analysis and the data table (nothing fetched). */
export async function spcChartHtml(result: SpcResult, opts: SpcChartOptions): Promise<string> {
  const lang = opts.lang ?? 'en';
  const loc = createLocale(lang);
  const w = WORDS[lang];
  const svg = await spcChartSvg(result, opts);
  const prop = isProportion(result);
  const rows = result.points
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.period)}</th><td>${cell(p.value, prop)}</td><td>${cell(p.centre, prop)}</td><td>${cell(p.lower, prop)}</td><td>${cell(p.upper, prop)}</td><td>${p.signals.map((s) => loc.t(`signal.${s}`)).join(', ')}</td></tr>`,
    )
    .join('\n');
  const runs = result.runs
    .map(
      (r) =>
        `<li>longest run ${r.longestRun} (limit ${r.longestRunMax}), crossings ${r.crossings} (minimum ${r.crossingsMin})${r.signal ? ' — non-random variation' : ''}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<style>body{font-family:system-ui,sans-serif;color:${PALETTE.ink};margin:1.5rem;max-width:960px}
svg{max-width:100%;height:auto}.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid ${PALETTE.grid};text-align:right}th[scope=row],td:last-child{text-align:left}</style>
</head>
<body>
<h1>${esc(opts.title)}</h1>
<p>${esc(CHART_NAMES[result.chart])}</p>
${svg}
${runs ? `<ul>${runs}</ul>` : ''}
<div class="scroll"><table>
<thead><tr><th scope="col">${w.period}</th><th scope="col">${w.value}</th><th scope="col">${w.centre}</th><th scope="col">lower</th><th scope="col">upper</th><th scope="col">${w.signals}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</body></html>
`;
}
