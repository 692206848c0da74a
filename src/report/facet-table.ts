/**
 * Faceted strata (e.g. race within each site) as one compact table per stratifier: groups down, facet values
 * across, the rate in each cell ("suppressed" and "no data" in words). Tables rather than charts keep a large
 * run readable and quick to build.
 */
import type { ResultsFile } from '../model/results.js';
import { dataTable } from './html.js';
import { esc, type Locale } from './i18n.js';
import { rateCell, stratifierName } from './cells.js';
import { measureScale } from './measure-scale.js';

export function facetTables(loc: Locale, results: ResultsFile, mi: number, si: number): string {
  const m = results.measures[mi]!;
  const main = m.strata[si]!;
  const faceted = m.strata
    .map((s, sj) => ({ s, sj }))
    .filter(({ s }) => s.facet && s.stratifier === main.stratifier);
  const names = [...new Set(faceted.map(({ s }) => s.facet!.name))];
  const threshold = results.settings.suppressionThreshold;
  const kind = measureScale(m).rate;
  return names
    .map((name) => {
      const cols = faceted.filter(({ s }) => s.facet!.name === name);
      const groups = main.groups.map((g) => g.group);
      const rows = groups.map((group) => [
        loc.label(group),
        ...cols.map(({ s, sj }) => {
          const gk = s.groups.findIndex((g) => g.group === group);
          const g = s.groups[gk];
          return g ? rateCell(loc, g, `measures.${mi}.strata.${sj}.groups.${gk}`, threshold, kind) : '';
        }),
      ]);
      const caption = `${esc(m.title)} — ${loc.t('measure.by', { stratifier: stratifierName(loc, main.stratifier) })} × ${stratifierName(loc, name)}`;
      const head = [esc(loc.t('table.group')), ...cols.map(({ s }) => loc.label(s.facet!.value))];
      return dataTable(
        loc,
        caption,
        head,
        rows,
        'facets',
        loc.t('facet.heading', { facet: stratifierName(loc, name) }),
        {
          base: `measures.${mi}.strata`,
        },
      );
    })
    .join('');
}
