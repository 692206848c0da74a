/** Intersections beside their parents: each combined group's rate next to the rates of the groups it is part of. */
import type { ResultsFile } from '../model/results.js';
import { countMark, dataTable, interval, num, plain, table } from './html.js';
import { esc, type Locale } from './i18n.js';
import { assess } from './legend.js';
import { rateCell, stratifierName } from './cells.js';
import { measureScale } from './measure-scale.js';

const TOP = 4;

export function intersectionsBlock(loc: Locale, results: ResultsFile, measureId: string): string {
  const threshold = results.settings.suppressionThreshold;
  const kind = measureScale(results.measures.find((m) => m.id === measureId)).rate;
  const blocks = results.intersections
    .map((ix, ii) => ({ ix, ii }))
    .filter(({ ix }) => ix.measure === measureId)
    .map(({ ix, ii }) => {
      const names = ix.stratifiers.map((s) => stratifierName(loc, s)).join(' × ');
      const rows = ix.groups.map((g, gi) => {
        const base = `intersections.${ii}.groups.${gi}`;
        const hidden = g.suppressed || g.rate === null;
        // One column per parent characteristic: the group's rate on that characteristic alone.
        const parents = ix.stratifiers.map((st) => {
          const pi = g.parents.findIndex((p) => p.stratifier === st);
          const p = g.parents[pi];
          if (!p) return '';
          // A parent without a rate is hidden in a public edition, absent from the data otherwise.
          return p.rate === null
            ? results.stamp.audience === 'public'
              ? `<em class="suppressed">${esc(loc.t('suppressed'))}</em>`
              : `<em class="nodata">${esc(loc.t('noData'))}</em>`
            : num(loc, p.rate, `${base}.parents.${pi}.rate`, kind);
        });
        return [
          Object.values(g.values)
            .map((v) => loc.label(v))
            .join(' · '),
          rateCell(loc, g, base, threshold, kind),
          hidden ? '' : interval(loc, g.lower, g.upper, base, kind),
          ...parents,
          hidden ? '' : assess(loc, g.label),
        ];
      });
      const head = [
        esc(loc.t('intersections.combined')),
        esc(loc.t('table.rate')),
        loc.t('table.interval', {
          level: num(loc, results.settings.confidence, 'settings.confidence', 'pct0'),
        }),
        ...ix.stratifiers.map((st) =>
          esc(loc.t('intersections.alone', { name: plain(stratifierName(loc, st)) })),
        ),
        esc(loc.t('table.assessment')),
      ];
      // The largest differences first, at most TOP of them open; every group is in the table below.
      const all = ix.groups
        .map((g, gi) => ({ g, gi }))
        .filter(({ g }) => !g.suppressed && (g.label === 'worse' || g.label === 'better'))
        .sort((a, b) => Math.abs(b.g.difference ?? 0) - Math.abs(a.g.difference ?? 0));
      const differ = all.slice(0, TOP);
      const more =
        all.length > differ.length
          ? `<p class="note">${loc.tn('intersections.more', all.length - differ.length, { n: countMark(loc, 'moreDiffer', all.length - differ.length, `intersections.${ii}.groups`) })}</p>`
          : '';
      const n = countMark(loc, 'length', ix.groups.length, `intersections.${ii}.groups`);
      return `<h4>${names}</h4>${
        differ.length
          ? `<p class="ix-lead">${esc(loc.t('intersections.differ'))}</p>${table(
              names,
              head,
              differ.map(({ gi }) => rows[gi]!),
              'intersections',
              true,
              { base: `intersections.${ii}.groups`, loc },
            )}${more}`
          : `<p class="ix-lead">${esc(loc.t('intersections.none'))}</p>`
      }${dataTable(loc, names, head, rows, 'intersections', loc.t('intersections.all', { n }), { base: `intersections.${ii}.groups` })}`;
    });
  if (blocks.length === 0) return '';
  return `<section class="stratum"><h3>${esc(loc.t('intersections.heading'))}</h3><p class="lead">${esc(loc.t('intersections.lead'))}</p>${blocks.join('')}</section>`;
}
