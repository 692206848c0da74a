/**
 * Stratifiers where no group differs from its reference: no chart (nothing to see), one collapsed table
 * each, so the measure page leads with the gaps that matter.
 */
import type { ResultsFile } from '../model/results.js';
import { esc, type Locale } from './i18n.js';
import { stratifierName } from './cells.js';
import { groupTable } from './stratum-block.js';

export function quietBlock(loc: Locale, results: ResultsFile, mi: number, strata: readonly number[]): string {
  if (strata.length === 0) return '';
  const tables = strata
    .map((si) => {
      const s = results.measures[mi]!.strata[si]!;
      const summary = loc.t('measure.by', { stratifier: stratifierName(loc, s.stratifier) });
      return `<div data-stratifier="${esc(s.stratifier)}">${groupTable(loc, results, mi, si, summary)}</div>`;
    })
    .join('');
  return `<section class="stratum quiet"><h3>${esc(loc.t('quiet.heading'))}</h3><p class="lead">${esc(loc.t('quiet.lead'))}</p><div class="quiet-list">${tables}</div></section>`;
}
