/** Shared cell renderers: stratifier names and a group's rate (or why it is absent). */
import type { GroupResult } from '../model/results.js';
import { num } from './html.js';
import { esc, type Locale, type NumberKind } from './i18n.js';

export function stratifierName(loc: Locale, id: string): string {
  const key = `strat.${id}`;
  const t = loc.t(key);
  return esc(t === key ? id.replace(/_/g, ' ') : t);
}

/**
 * Rate cell text for a group: the marked rate, or why it is absent ("suppressed" is not "no data").
 * `kind` is the measure's rate format (measure-scale.ts): 'pct' for proportions, 'rate' for rates per N.
 */
/** "rounded": a group shown coarsened (rate rounded, counts withheld, issue #12). */
export const roundedMark = (loc: Locale): string =>
  `<em class="rounded" title="${esc(loc.t('rounded.long'))}">${esc(loc.t('rounded'))}</em>`;

/** The count cell of a group shown coarsened: "withheld", not "no data". */
export const withheldMark = (loc: Locale): string =>
  `<em class="withheld" title="${esc(loc.t('rounded.long'))}">${esc(loc.t('rounded.withheld'))}</em>`;

export function rateCell(
  loc: Locale,
  g: GroupResult,
  base: string,
  threshold: number,
  kind: NumberKind = 'pct',
): string {
  if (g.suppressed)
    return `<em class="suppressed" title="${esc(loc.t('suppressed.long', { threshold }))}">${esc(loc.t('suppressed'))}</em>`;
  if (g.rate === null) return `<em class="nodata">${esc(loc.t('noData'))}</em>`;
  return (
    num(loc, g.rate, `${base}.rate`, kind) +
    (g.roundedTo !== undefined ? ` ${roundedMark(loc)}` : '') +
    (g.unstable ? ` <em class="unstable">${esc(loc.t('table.unstable'))}</em>` : '')
  );
}
