/** "Is the gap closing?": the gap between the worst group and the reference over time, with run/SPC signals. */
import type { MeasureResult, ResultsFile, StratumResult } from '../model/results.js';
import { gapChartSvg } from './gap-chart.js';
import { dataTable, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';
import { gapLegend } from './legend.js';
import { measureScale } from './measure-scale.js';

export async function gapBlock(
  loc: Locale,
  results: ResultsFile,
  m: MeasureResult,
  s: StratumResult,
  base: string,
  id: string,
): Promise<string> {
  const trend = s.trend;
  if (!trend?.gap || trend.gap.points.length === 0) return '';
  const scale = measureScale(m);
  const period = loc.t(`period.${results.settings.period}`);
  const vars = {
    group: loc.label(trend.gap.group),
    reference: loc.label(s.reference ?? ''),
    measure: esc(m.title),
    period,
  };
  const n = trend.gap.points.length;
  const periods = loc.tn(`periods.${results.settings.period}`, n, {
    n: `<span class="n" data-count="length" data-field="${base}.trend.gap.points" data-value="${n}">${esc(loc.format(n, 'int'))}</span>`,
  });
  // The chart is drawn where there is a gap to watch (a group doing worse); otherwise the sentence and table.
  const chart = s.groups.some((g) => g.label === 'worse');
  const svg = !chart
    ? ''
    : await gapChartSvg(
        {
          id,
          gap: trend.gap,
          title: plain(loc.t('chart.gap.title', vars)),
          desc: plain(loc.t('chart.gap.desc', vars)),
          scale,
        },
        loc,
      );
  const rows = trend.gap.points.map((p, pi) => [
    esc(p.period),
    num(loc, p.difference, `${base}.trend.gap.points.${pi}.difference`, scale.diff),
    esc((p.signals ?? []).map((x) => loc.t(`signal.${x}`)).join(', ')),
  ]);
  return `<div class="gap"><h4>${esc(loc.t('gap.heading'))}</h4><p>${loc.t(`gap.${trend.gapDirection}`, { ...vars, periods })}</p>${chart ? `<figure class="chart">${svg}<figcaption>${gapLegend(loc)}</figcaption></figure>` : ''}${dataTable(
    loc,
    loc.t('chart.gap.title', vars),
    ['table.period', 'table.gap', 'table.signals'].map((k) => esc(loc.t(k))),
    rows,
  )}</div>`;
}
