/**
 * When the public edition withholds findings (they concern groups whose counts are suppressed), the page
 * says how many and why — and never that no gap stood out.
 */
import type { ResultsFile } from '../model/results.js';
import { countMark } from './html.js';
import { esc, type Locale } from './i18n.js';

const CODES = new Set(['findings_withheld', 'findings_suppressed', 'findings_dropped']);

/** How many findings the public edition left out: a warning's count, else discovered subgroups that vanished. */
export function withheldCount(results: ResultsFile): number {
  if (results.stamp.audience !== 'public') return 0;
  const w = results.warnings.find((x) => CODES.has(x.code));
  const c = (w as { count?: unknown } | undefined)?.count;
  const counted = typeof c === 'number' ? c : 0;
  if (counted > 0) return counted;
  const found = results.plan?.discovery.found ?? 0;
  const shown = results.findings.filter((f) => f.kind === 'discovered').length;
  return Math.max(0, found - shown);
}

/** The findings section with the withheld notice; "no gap stood out" is replaced when findings were withheld. */
export function withheldNotice(loc: Locale, results: ResultsFile, findingsHtml: string): string {
  const n = withheldCount(results);
  if (n === 0) return findingsHtml;
  const notice = `<p class="withheld" role="note">${loc.tn('withheld', n, { n: countMark(loc, 'withheld', n) })}</p>`;
  const none = `<p class="empty">${esc(loc.t('noFindings'))}</p>`;
  const html = findingsHtml.includes(none)
    ? findingsHtml.replace(none, notice)
    : findingsHtml.replace('</section>', `${notice}</section>`);
  // A sentence that claims no gap stood out must not survive in any form.
  return html.split(esc(loc.t('noFindings'))).join('');
}
