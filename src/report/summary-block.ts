/** Summary measures of inequality (WHO HEAT definitions), each with a one-line meaning. */
import type { StratumResult } from '../model/results.js';
import { interval, num, table } from './html.js';
import { esc, type Locale } from './i18n.js';

export function summaryBlock(loc: Locale, s: StratumResult, base: string): string {
  if (s.summary.length === 0) return '';
  const rows = s.summary.map((x, k) => {
    const code = x.measure.toUpperCase();
    const name = loc.t(`ineq.${code}.name`);
    const est =
      x.estimate === null
        ? esc(loc.t('summary.none', { reason: x.warnings[0]?.message ?? loc.t('noData') }))
        : `${num(loc, x.estimate, `${base}.summary.${k}.estimate`, 'sig')}${x.lower !== null && x.upper !== null ? ` <span class="ci">(${interval(loc, x.lower, x.upper, `${base}.summary.${k}`, 'sig')})</span>` : ''}`;
    return [
      `${esc(name === `ineq.${code}.name` ? code : name)} <abbr>${esc(code)}</abbr>`,
      est,
      esc(loc.t(`ineq.${code}.meaning`) === `ineq.${code}.meaning` ? '' : loc.t(`ineq.${code}.meaning`)),
    ];
  });
  return `<div class="summary"><h4>${esc(loc.t('summary.heading'))}</h4>${table(
    esc(loc.t('summary.heading')),
    ['summary.measure', 'summary.estimate', 'summary.meaning'].map((k) => esc(loc.t(k))),
    rows,
    'summary-table',
    true,
  )}</div>`;
}
