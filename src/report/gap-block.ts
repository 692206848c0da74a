/**
 * "Is the gap closing?": each group's rate over time, and the gap between the followed group and the
 * reference with run/SPC signals. Returns the charts (beside the rate chart) and their data tables (with the
 * other tables of the stratum) separately.
 */
import type { MeasureResult, ResultsFile, StratumResult } from '../model/results.js';
import { gapChartSvg } from './gap-chart.js';
import { countMark, dataTable, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';
import { gapLegend, trendLegend } from './legend.js';
import { inDisplayOrder } from './group-order.js';
import { measureScale } from './measure-scale.js';
import { stratifierName } from './cells.js';
import { trendChartSvg } from './trend-chart.js';

export async function overTime(
  loc: Locale,
  results: ResultsFile,
  m: MeasureResult,
  s: StratumResult,
  base: string,
  id: string,
): Promise<{ charts: string; tables: string; sentence: string }> {
  const trend = s.trend;
  if (!trend) return { charts: '', tables: '', sentence: '' };
  const scale = measureScale(m);
  const period = loc.t(`period.${results.settings.period}`);
  const reference = loc.label(s.reference ?? '');
  const hasGap = !!trend.gap && trend.gap.points.length > 0;
  const vars = {
    group: loc.label(trend.gap?.group ?? ''),
    reference,
    measure: esc(m.title),
    period,
  };
  const lines = trend.groups.some((g) => g.points.some((p) => p.rate !== null && !p.suppressed));
  const trendSvg = lines
    ? await trendChartSvg(
        {
          id: `t${id}`,
          trend,
          reference: s.reference,
          title: plain(
            loc.t('chart.trend.title', {
              measure: esc(m.title),
              stratifier: stratifierName(loc, s.stratifier),
            }),
          ),
          desc: plain(loc.t('chart.trend.desc', { reference, period })),
          scale,
        },
        loc,
      )
    : '';
  // The gap is drawn where there is a gap to watch (a group doing worse); otherwise the sentence and table.
  const gapChart = hasGap && s.groups.some((g) => g.label === 'worse');
  const gapSvg = gapChart
    ? await gapChartSvg(
        {
          id: `g${id}`,
          gap: trend.gap!,
          title: plain(loc.t('chart.gap.title', vars)),
          desc: plain(loc.t('chart.gap.desc', vars)),
          scale,
        },
        loc,
      )
    : '';
  let sentence = '';
  if (hasGap) {
    const n = trend.gap!.points.length;
    const periods = loc.tn(`periods.${results.settings.period}`, n, {
      n: countMark(loc, 'length', n, `${base}.trend.gap.points`),
    });
    sentence = `<span class="gap-line"><strong>${esc(loc.t('gap.heading'))}</strong> ${loc.t(`gap.${trend.gapDirection}`, { ...vars, periods })}</span>`;
  }
  // The sentence sits under the stratum's heading; the charts are panels beside the rate chart.
  const charts = `${trendSvg ? `<figure class="chart">${trendSvg}<figcaption>${trendLegend(loc)}</figcaption></figure>` : ''}${gapSvg ? `<figure class="chart">${gapSvg}<figcaption>${gapLegend(loc)}</figcaption></figure>` : ''}`;
  const tables: string[] = [];
  if (lines) {
    const periods = [...new Set(trend.groups.flatMap((g) => g.points.map((p) => p.period)))];
    const rows = inDisplayOrder(s.stratifier, trend.groups).map(({ item: g, index: gi }) => [
      loc.label(g.group),
      ...periods.map((pe) => {
        const pi = g.points.findIndex((p) => p.period === pe);
        const p = g.points[pi];
        if (!p) return '';
        if (p.suppressed) return `<em class="suppressed">${esc(loc.t('suppressed'))}</em>`;
        return p.rate === null
          ? ''
          : num(loc, p.rate, `${base}.trend.groups.${gi}.points.${pi}.rate`, scale.rate);
      }),
    ]);
    tables.push(
      dataTable(
        loc,
        loc.t('chart.trend.title', { measure: esc(m.title), stratifier: stratifierName(loc, s.stratifier) }),
        [esc(loc.t('table.group')), ...periods.map((p) => esc(p))],
        rows,
        'trend',
        esc(loc.t('showData.trend')),
        { base: `${base}.trend.groups` },
      ),
    );
  }
  if (trend.gap && hasGap) {
    const gap = trend.gap;
    // A gap blanked by suppression (its group's or the reference's point is hidden) is not "no data".
    const hiddenAt = (period: string) =>
      trend.groups.some(
        (g) =>
          (g.group === gap.group || g.group === s.reference) &&
          g.points.some((p) => p.period === period && p.suppressed),
      );
    const rows = gap.points.map((p, pi) => [
      esc(p.period),
      p.difference === null && hiddenAt(p.period)
        ? `<em class="suppressed">${esc(loc.t('suppressed'))}</em>`
        : num(loc, p.difference, `${base}.trend.gap.points.${pi}.difference`, scale.diff),
      esc((p.signals ?? []).map((x) => loc.t(`signal.${x}`)).join(', ')),
    ]);
    tables.push(
      dataTable(
        loc,
        loc.t('chart.gap.title', vars),
        ['table.period', 'table.gap', 'table.signals'].map((k) => esc(loc.t(k))),
        rows,
        'gaps',
        esc(loc.t('showData.gap')),
        { base: `${base}.trend.gap.points` },
      ),
    );
  }
  return { charts, tables: tables.join(''), sentence };
}
