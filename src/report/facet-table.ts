/**
 * Faceted strata (e.g. race within each site) as one compact table per stratifier: facet values down, groups
 * across, the rate in each cell ("suppressed" and "no data" in words). Tables rather than charts keep a large
 * run readable and quick to build.
 */
import type { ResultsFile } from '../model/results.js';
import { dataTable } from './html.js';
import { esc, type Locale } from './i18n.js';
import { rateCell, stratifierName } from './cells.js';
import { inDisplayOrder } from './group-order.js';
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
      // One row per facet value (one stratum each), one column per group: a column holds the same group
      // in every row, so the table is written compactly (html.ts).
      const facetRows = faceted.filter(({ s }) => s.facet!.name === name);
      const groups = inDisplayOrder(main.stratifier, main.groups).map((x) => x.item.group);
      const rows = facetRows.map(({ s, sj }) => [
        loc.label(s.facet!.value),
        ...groups.map((group) => {
          const gk = s.groups.findIndex((g) => g.group === group);
          const g = s.groups[gk];
          return g ? rateCell(loc, g, `measures.${mi}.strata.${sj}.groups.${gk}`, threshold, kind) : '';
        }),
      ]);
      const caption = `${esc(m.title)} — ${loc.t('measure.by', { stratifier: stratifierName(loc, main.stratifier) })} × ${stratifierName(loc, name)}`;
      const head = [
        stratifierName(loc, name).replace(/^./, (c) => c.toUpperCase()),
        ...groups.map((g) => loc.label(g)),
      ];
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
