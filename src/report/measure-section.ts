/** One measure: its overall rate, then each stratifier, then its intersections. */
import type { ResultsFile } from '../model/results.js';
import { num } from './html.js';
import { esc, type Locale } from './i18n.js';
import { intersectionsBlock } from './intersections-block.js';
import { measureScale, perUnit } from './measure-scale.js';
import { quietBlock } from './quiet-block.js';
import { stratumBlock } from './stratum-block.js';
import { absentLegend, rateLegend } from './legend.js';

export async function measureSection(loc: Locale, results: ResultsFile, mi: number): Promise<string> {
  const m = results.measures[mi]!;
  const base = `measures.${mi}.overall`;
  const o = m.overall;
  const scale = measureScale(m);
  const numerator = num(loc, o.numerator, `${base}.numerator`, 'int');
  const denominator = num(loc, o.denominator, `${base}.denominator`, 'int');
  // A rate per N: "Overall: 352.1 per 1,000 (… to …), 130 events among 369 people." (each count in the
  // singular or plural as it needs); a proportion: "Overall: 35.2% (… to …), 130 of 369."
  const overall = loc.t(scale.isRate ? 'measure.overall.rate' : 'measure.overall', {
    per: esc(perUnit(loc, scale)),
    rate: num(loc, o.rate, `${base}.rate`, scale.rate),
    lower: num(loc, o.lower, `${base}.lower`, scale.rate),
    upper: num(loc, o.upper, `${base}.upper`, scale.rate),
    numerator,
    denominator,
    events: loc.tn('measure.overall.events', o.numerator, { n: numerator }),
    people: loc.tn('measure.overall.people', o.denominator, { n: denominator }),
  });
  const strata: string[] = [];
  const quiet: number[] = [];
  for (let si = 0; si < m.strata.length; si++) {
    const s = m.strata[si]!;
    if (s.facet) continue;
    // Charts for the stratifiers with a gap; the rest are listed, each with its table, at the end.
    if (s.groups.some((g) => g.label === 'worse' || g.label === 'better'))
      strata.push(await stratumBlock(loc, results, mi, si));
    else quiet.push(si);
  }
  const eyebrow = esc(loc.t(`direction.${m.direction}`));
  const desc = (m as { description?: string }).description;
  const description = desc ? `<p class="description">${esc(desc)}</p>` : '';
  // One key for the measure's charts (they all draw the same marks), not one under every chart.
  const level = num(loc, results.settings.confidence, 'settings.confidence', 'pct0');
  const absent = m.strata.some((s) => s.groups.some((g) => g.suppressed || g.rate === null));
  const keys = strata.length
    ? `<div class="keys">${rateLegend(loc, level, true, o.rate !== null)}${absent ? absentLegend(loc) : ''}</div>`
    : '';
  return `<section class="measure" id="m-${esc(m.id)}" data-measure="${esc(m.id)}" aria-labelledby="m-${esc(m.id)}-h"><header class="measure-head"><p class="eyebrow">${eyebrow}</p><h2 id="m-${esc(m.id)}-h">${esc(m.title)}</h2>${description}<p class="overall">${overall}</p>${keys}</header>${strata.join('')}${intersectionsBlock(loc, results, m.id)}${quietBlock(loc, results, mi, quiet)}</section>`;
}
