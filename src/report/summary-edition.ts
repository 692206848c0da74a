/**
 * The council & community summary: at most 4 printed pages — the top findings, each measure's overall rate
 * and its trend, who we serve / payer mix / workforce in a sentence each (when their files are there), the
 * data-quality caveats, the period (in the masthead) and plain-word definitions. The full report has
 * everything else; this edition says so.
 */
import type { ResultsFile } from '../model/results.js';
import { findingsSection } from './findings-section.js';
import { glossarySection } from './glossary.js';
import { num, table } from './html.js';
import { esc, type Locale } from './i18n.js';
import { withResultDefinitions, type MeasureDefinition } from './methods-section.js';
import { measureScale, perUnit } from './measure-scale.js';
import type { EquityFiles } from './community-files.js';
import { qualitySection } from './quality-section.js';
import { summaryEquity } from './summary-equity.js';
import { withheldNotice } from './withheld.js';

const TOP = 5;
const CAVEATS = new Set(['race_ethnicity', 'race', 'ethnicity', 'language', 'limited_english']);

function measuresTable(loc: Locale, results: ResultsFile): string {
  const rows = results.measures.map((m, mi) => {
    const scale = measureScale(m);
    const per = scale.isRate ? ` ${esc(perUnit(loc, scale))}` : '';
    const b = `measures.${mi}`;
    const pts = (m.trend ?? [])
      .map((p, pi) => ({ p, pi }))
      .filter(({ p }) => p.rate !== null && !p.suppressed);
    const first = pts[0];
    const last = pts[pts.length - 1];
    const trend =
      first && last && first !== last
        ? loc.t('summary.trend', {
            from: num(loc, first.p.rate, `${b}.trend.${first.pi}.rate`, scale.rate) + per,
            fromPeriod: esc(first.p.period),
            to: num(loc, last.p.rate, `${b}.trend.${last.pi}.rate`, scale.rate) + per,
            toPeriod: esc(last.p.period),
          })
        : '';
    const worse = m.strata
      .filter((s) => !s.facet)
      .reduce((a, s) => a + s.groups.filter((g) => g.label === 'worse').length, 0);
    return [
      `${esc(m.title)}<span class="dir">${esc(loc.t(`direction.${m.direction}`))}</span>`,
      `${num(loc, m.overall.rate, `${b}.overall.rate`, scale.rate)}${per}`,
      trend,
      `<data value="${worse}" data-c="worseTop" data-m="${mi}" data-k="int">${esc(loc.format(worse, 'int'))}</data>`,
    ];
  });
  return `<section id="measures" aria-labelledby="measures-h"><h2 id="measures-h">${esc(loc.t('summary.measures'))}</h2>${table(
    esc(loc.t('summary.measures')),
    ['glance.measure', 'glance.overall', 'summary.trendHead', 'glance.worse'].map((k) => esc(loc.t(k))),
    rows,
    'glance',
    true,
  )}</section>`;
}

function definitions(loc: Locale, results: ResultsFile, defs: readonly MeasureDefinition[] = []): string {
  const byId = new Map(withResultDefinitions(defs, results).map((d) => [d.id, d]));
  const items = results.measures
    .map((m) => {
      const d = byId.get(m.id);
      const text =
        (m as { description?: string }).description ??
        d?.description ??
        (d?.prose ? `${d.numerator ?? ''} / ${d.denominator ?? ''}` : '');
      return text ? `<div><dt>${esc(m.title)}</dt><dd>${esc(text)}</dd></div>` : '';
    })
    .join('');
  return items
    ? `<section id="definitions" aria-labelledby="definitions-h"><h2 id="definitions-h">${esc(loc.t('summary.definitions'))}</h2><dl class="glossary">${items}</dl></section>`
    : '';
}

export async function summaryEdition(
  loc: Locale,
  results: ResultsFile,
  defs?: readonly MeasureDefinition[],
  equity?: { files?: EquityFiles | undefined; audience: string },
): Promise<string> {
  const top = { ...results, findings: results.findings.slice(0, TOP) };
  return [
    `<p class="lead intro">${esc(loc.t('summary.intro'))}</p>`,
    // The links to measure pages point into the full report: not here.
    withheldNotice(loc, results, findingsSection(loc, top)).replace(/ · <a href="#m-[^"]*">[^<]*<\/a>/g, ''),
    measuresTable(loc, results),
    summaryEquity(loc, results, equity?.files, equity?.audience ?? 'public'),
    // The caveats that matter to a reader: race, ethnicity and language always, and any field below 80% known.
    qualitySection(
      loc,
      results,
      (q) => CAVEATS.has(q.field) || (q.total > 0 && q.known > 0 && q.known / q.total < 0.8),
    ),
    definitions(loc, results, defs),
    glossarySection(loc),
  ].join('\n');
}
