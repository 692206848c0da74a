/**
 * The appendix of summary measures of inequality (WHO HEAT definitions): what each measure means and its
 * scale, said once; then one table per measure, a row per stratifier, instead of a table under every chart.
 */
import type { MeasureResult, ResultsFile } from '../model/results.js';
import { dataTable, num, table } from './html.js';
import { esc, type Locale, type NumberKind } from './i18n.js';
import { stratifierName } from './cells.js';
import { measureScale, perUnit } from './measure-scale.js';

/** How a summary measure's estimate is shown, and the words for its scale. */
export function summaryScale(
  code: string,
  m: Pick<MeasureResult, 'kind' | 'multiplier'>,
): { kind: NumberKind; unit: string } {
  const rate = measureScale(m).isRate;
  switch (code) {
    case 'D':
    case 'SII':
    case 'ACI':
      return rate ? { kind: 'rdiff', unit: 'per' } : { kind: 'pp', unit: 'pp' };
    case 'BGSD':
    case 'MDRW':
    case 'MDRU':
    case 'MDBU':
    case 'MDBW':
    case 'MDMU':
    case 'MDMW':
    case 'PAR':
      return rate ? { kind: 'sig', unit: 'per' } : { kind: 'ppa', unit: 'pp' };
    case 'R':
    case 'RII':
      return { kind: 'ratio', unit: 'ratio' };
    case 'BGV':
      return rate ? { kind: 'sig', unit: 'perSquared' } : { kind: 'pp2', unit: 'pp2' };
    case 'MLD':
    case 'TI':
      // Already ×1000 (HEAT 6), see src/stats/inequality/mean-log-deviation.ts.
      return { kind: 'sig', unit: 'x1000' };
    case 'RCI':
      return { kind: 'x100', unit: 'x100' };
    case 'IDISU':
    case 'IDISW':
    case 'COV':
    case 'PAF':
      return { kind: 'sig', unit: 'pctOfMean' };
    default:
      return { kind: 'sig', unit: 'raw' };
  }
}

const unitText = (loc: Locale, unit: string, m: MeasureResult): string =>
  loc.t(`scale.${unit}`, { per: perUnit(loc, measureScale(m)) });

const nameOf = (loc: Locale, code: string): string => {
  const n = loc.t(`ineq.${code}.name`);
  return n === `ineq.${code}.name` ? code : n;
};

export function summaryAppendix(loc: Locale, results: ResultsFile, titleOf: (mi: number) => string): string {
  const codes = [
    ...new Set(
      results.measures.flatMap((m) => m.strata.flatMap((s) => s.summary.map((x) => x.measure.toUpperCase()))),
    ),
  ];
  if (codes.length === 0) return '';
  const first = results.measures[0]!;
  const guide = table(
    esc(loc.t('summary.guide')),
    ['summary.measure', 'summary.scale', 'summary.meaning'].map((k) => esc(loc.t(k))),
    codes.map((c) => [
      `${esc(nameOf(loc, c))} <abbr>${esc(c)}</abbr>`,
      esc(unitText(loc, summaryScale(c, first).unit, first)),
      esc(loc.t(`ineq.${c}.meaning`) === `ineq.${c}.meaning` ? '' : loc.t(`ineq.${c}.meaning`)),
    ]),
    'summary-guide',
  );
  const tables = results.measures
    .map((m, mi) => {
      const strata = m.strata.map((s, si) => ({ s, si })).filter(({ s }) => !s.facet && s.summary.length > 0);
      if (strata.length === 0) return '';
      const mc = [...new Set(strata.flatMap(({ s }) => s.summary.map((x) => x.measure.toUpperCase())))];
      const head = [
        esc(loc.t('table.stratifier')),
        ...mc.map(
          (c) =>
            `<abbr title="${esc(nameOf(loc, c))}">${esc(c)}</abbr> <span class="unit">(${esc(unitText(loc, summaryScale(c, m).unit, m))})</span>`,
        ),
      ];
      const rows = strata.map(({ s, si }) => [
        stratifierName(loc, s.stratifier).replace(/^./, (c) => c.toUpperCase()),
        ...mc.map((c) => {
          const k = s.summary.findIndex((x) => x.measure.toUpperCase() === c);
          const x = s.summary[k];
          if (!x) return '';
          const b = `measures.${mi}.strata.${si}.summary.${k}`;
          if (x.estimate === null)
            return `<em class="nodata" title="${esc(x.warnings[0]?.message ?? '')}">${esc(loc.t('summary.notShown'))}</em>`;
          const { kind } = summaryScale(c, m);
          const ci =
            x.lower !== null && x.upper !== null
              ? ` (${num(loc, x.lower, `${b}.lower`, kind)} ${esc(loc.t('table.to'))} ${num(loc, x.upper, `${b}.upper`, kind)})`
              : '';
          return `${num(loc, x.estimate, `${b}.estimate`, kind)}${ci}`;
        }),
      ]);
      return dataTable(
        loc,
        `${esc(loc.t('summary.heading'))} — ${esc(titleOf(mi))}`,
        head,
        rows,
        'summary',
        esc(titleOf(mi)),
        { base: `measures.${mi}.strata` },
      );
    })
    .join('');
  return `<section id="appendix" class="appendix" aria-labelledby="appendix-h"><h2 id="appendix-h">${esc(loc.t('appendix'))}</h2><p class="lead">${esc(loc.t('appendix.lead'))}</p>${guide}${tables}</section>`;
}
