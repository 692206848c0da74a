/**
 * One stratifier of one measure: the dot-and-interval chart beside its rates over time (each group's line
 * and the gap with run/SPC signals), then the data tables one click away and the suppression notes. The
 * summary measures of inequality are in the appendix (summary-block.ts), not repeated here.
 */
import type { GroupResult, ResultsFile, StratumResult } from '../model/results.js';
import { overTime } from './gap-block.js';
import { countMark, dataTable, interval, num, plain } from './html.js';
import { esc, type Locale } from './i18n.js';
import { assess } from './legend.js';
import { chartGroups, rateChartSvg } from './rate-chart.js';
import { rateCell, stratifierName, withheldMark } from './cells.js';
import { inDisplayOrder } from './group-order.js';
import { facetTables } from './facet-table.js';
import { diffUnit, measureScale, type MeasureScale } from './measure-scale.js';
import { term, type Term } from './glossary.js';

/** When a chart shows only some groups, say so (with both counts marked for the numbers test). */
function subsetNote(loc: Locale, s: StratumResult, base: string): string {
  const shown = chartGroups(s).length;
  if (shown === s.groups.length) return '';
  const mark = (count: string, v: number): string => countMark(loc, count, v, `${base}.groups`);
  return `<p class="note">${loc.tn('chart.subset', s.groups.length, { shown: mark('shown', shown), total: mark('length', s.groups.length) })}</p>`;
}

function groupRow(
  loc: Locale,
  g: GroupResult,
  base: string,
  threshold: number,
  scale: MeasureScale = measureScale(undefined),
): string[] {
  const hidden = g.suppressed || g.rate === null;
  const count = (v: number | null, f: string): string =>
    hidden ? '' : g.roundedTo !== undefined ? withheldMark(loc) : num(loc, v, `${base}.${f}`, 'int');
  return [
    loc.label(g.group),
    count(g.numerator, 'numerator'),
    count(g.denominator, 'denominator'),
    rateCell(loc, g, base, threshold, scale.rate),
    hidden ? '' : interval(loc, g.lower, g.upper, base, scale.rate),
    hidden || g.difference === null ? '' : num(loc, g.difference, `${base}.difference`, scale.diff),
    hidden || g.ratio === null ? '' : num(loc, g.ratio, `${base}.ratio`, 'ratio'),
    hidden || g.qValue === null ? '' : num(loc, g.qValue, `${base}.qValue`, 'q'),
    hidden ? '' : assess(loc, g.label),
  ];
}

function notes(loc: Locale, groups: GroupResult[], threshold: number): string {
  const out: string[] = [];
  if (groups.some((g) => g.suppressed || g.rate === null))
    out.push(
      loc.t('suppression.note', {
        threshold: num(loc, threshold, 'settings.suppressionThreshold', 'int'),
        term: term('suppression', esc(loc.t('glossary.suppression.term'))),
      }),
    );
  if (groups.some((g) => g.unstable)) out.push(esc(loc.t('unstable.note')));
  if (groups.some((g) => g.roundedTo !== undefined)) out.push(esc(loc.t('rounded.note')));
  return out.map((n) => `<p class="note">${n}</p>`).join('');
}

/** The column headings of a group table. */
export function groupHead(
  loc: Locale,
  levelMark: string,
  scale: MeasureScale = measureScale(undefined),
): string[] {
  return [
    'table.group',
    'table.events',
    'table.people',
    'table.rate',
    'table.interval',
    'table.difference',
    'table.ratio',
    'table.q',
    'table.assessment',
  ].map((k) => {
    const text =
      k === 'table.interval'
        ? loc.t(k, { level: levelMark })
        : k === 'table.rate' && scale.isRate
          ? `${esc(loc.t(k))} <span class="unit">(${esc(diffUnit(loc, scale))})</span>`
          : k === 'table.difference'
            ? `${esc(loc.t(k))} <span class="unit">(${esc(diffUnit(loc, scale))})</span>`
            : esc(loc.t(k));
    const linked: Record<string, Term> = {
      'table.interval': 'interval',
      'table.difference': 'difference',
      'table.ratio': 'ratio',
      'table.q': 'q',
    };
    return linked[k] ? term(linked[k], text) : text;
  });
}

/** A stratum's full group table, collapsed (its data one click away). */
export function groupTable(
  loc: Locale,
  results: ResultsFile,
  mi: number,
  si: number,
  summary?: string,
): string {
  const m = results.measures[mi]!;
  const s = m.strata[si]!;
  const base = `measures.${mi}.strata.${si}`;
  const levelMark = num(loc, results.settings.confidence, 'settings.confidence', 'pct0');
  const scale = measureScale(m);
  // Age and other ordinal bands in their order; each row keeps its index in results.json for its marks.
  const rows = inDisplayOrder(s.stratifier, s.groups).map(({ item: g, index: gi }) =>
    groupRow(loc, g, `${base}.groups.${gi}`, results.settings.suppressionThreshold, scale),
  );
  const caption = `${esc(m.title)} — ${loc.t('measure.by', { stratifier: stratifierName(loc, s.stratifier) })}`;
  return dataTable(loc, caption, groupHead(loc, levelMark, scale), rows, 'groups', summary, {
    base: `${base}.groups`,
  });
}

export async function stratumBlock(
  loc: Locale,
  results: ResultsFile,
  mi: number,
  si: number,
): Promise<string> {
  const m = results.measures[mi]!;
  const s = m.strata[si]!;
  const base = `measures.${mi}.strata.${si}`;
  const threshold = results.settings.suppressionThreshold;
  const level = loc.format(results.settings.confidence, 'pct0');
  const by = stratifierName(loc, s.stratifier);
  const facet = s.facet
    ? ` — ${esc(loc.t('measure.facet', { name: stratifierName(loc, s.facet.name), value: loc.label(s.facet.value) }))}`
    : '';
  const heading = `${loc.t('measure.by', { stratifier: by })}${facet}`;
  const title = plain(loc.t('chart.rates.title', { measure: esc(m.title), stratifier: by, level }));
  const desc = plain(loc.t('chart.rates.desc', { level, reference: loc.label(s.reference ?? '') }));
  const svg = await rateChartSvg(
    {
      id: `c${mi}-${si}`,
      stratum: s,
      direction: m.direction,
      overall: m.overall.rate,
      title,
      desc,
      scale: measureScale(m),
    },
    loc,
  );
  const ref = s.reference
    ? `${loc.t('measure.reference', { term: term('reference', esc(loc.t('glossary.reference.term'))), group: `<strong>${loc.label(s.reference)}</strong>`, rule: esc(loc.t(`rule.${s.referenceRule}`)) })}`
    : '';
  const time = await overTime(loc, results, m, s, base, `${mi}-${si}`);
  return `<section class="stratum" id="s-${mi}-${si}" data-stratifier="${esc(s.stratifier)}" aria-labelledby="h-${mi}-${si}"><h3 id="h-${mi}-${si}">${heading}</h3>${ref || time.sentence ? `<p class="ref">${[ref, time.sentence].filter(Boolean).join(' ')}</p>` : ''}<div class="panels"><figure class="chart">${svg}${subsetNote(loc, s, base) ? `<figcaption>${subsetNote(loc, s, base)}</figcaption>` : ''}</figure>${time.charts}</div><div class="tables">${groupTable(loc, results, mi, si)}${facetTables(loc, results, mi, si)}${time.tables}</div>${notes(loc, s.groups, threshold)}</section>`;
}
