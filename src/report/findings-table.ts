/**
 * Every finding as one row of a table (after the first few, which are cards on the front page): a long
 * run's findings stay readable and the page stays small. Rates in the measure's scale; excess events whole.
 */
import type { ResultsFile } from '../model/results.js';
import { stratifierName } from './cells.js';
import { dataTable, num } from './html.js';
import { countMark } from './html.js';
import { esc, type Locale } from './i18n.js';
import { measureScale } from './measure-scale.js';

/** Cards shown on the front page (5 open, the rest one click away); every finding is in the table. */
export const CARDS = 12;

export function findingsTable(loc: Locale, results: ResultsFile): string {
  if (results.findings.length <= CARDS) return '';
  const rows = results.findings.map((f, i) => {
    const m = results.measures.find((x) => x.id === f.measure);
    const kind = measureScale(m).rate;
    const b = `findings.${i}`;
    const group = Object.entries(f.values)
      .map(([k, v]) => `${stratifierName(loc, k)}: ${loc.label(v)}`)
      .join(' · ');
    return [
      countMark(loc, 'rank', i + 1),
      esc(m?.title ?? f.measure),
      group,
      f.comparison === 'everyone else' ? esc(loc.t('who.everyone_else')) : loc.label(f.comparison),
      num(loc, f.rate, `${b}.rate`, kind),
      num(loc, f.comparisonRate, `${b}.comparisonRate`, kind),
      f.ratio === null ? '' : num(loc, f.ratio, `${b}.ratio`, 'ratio'),
      f.qValue === null ? '' : num(loc, f.qValue, `${b}.qValue`, 'q'),
      f.excessEvents === null ? '' : num(loc, f.excessEvents, `${b}.excessEvents`, 'int'),
    ];
  });
  const head = [
    '#',
    esc(loc.t('glance.measure')),
    esc(loc.t('table.group')),
    esc(loc.t('findings.table.comparison')),
    esc(loc.t('table.rate')),
    esc(loc.t('findings.table.comparisonRate')),
    esc(loc.t('table.ratio')),
    esc(loc.t('table.q')),
    esc(loc.t('findings.table.excess')),
  ];
  return dataTable(
    loc,
    esc(loc.t('findings.table')),
    head,
    rows,
    'all-findings',
    loc.tn('findings.table.show', results.findings.length, {
      n: countMark(loc, 'length', results.findings.length, 'findings'),
    }),
    { base: 'findings' },
  );
}
