/** Small HTML helpers. Every number shown in prose or tables goes through `num`, which marks it with the
 * JSON path it came from, so a test can check each one against results.json. */
import { esc, type Locale, type NumberKind } from './i18n.js';

/** A number from results.json at `field` (a dotted path), formatted for the locale, or "no data". */
export function num(
  loc: Locale,
  value: number | string | null | undefined,
  field: string,
  kind: NumberKind,
): string {
  if (value === null || value === undefined) return `<span class="nodata">${esc(loc.t('noData'))}</span>`;
  return `<span class="n" data-field="${esc(field)}" data-value="${esc(String(value))}" data-kind="${kind}">${esc(loc.format(value, kind))}</span>`;
}

/** An interval "a to b" with both ends marked, or nothing when either end is absent. */
export function interval(
  loc: Locale,
  lower: number | null,
  upper: number | null,
  base: string,
  kind: NumberKind,
  lf = 'lower',
  uf = 'upper',
): string {
  if (lower === null || upper === null) return '';
  return `${num(loc, lower, `${base}.${lf}`, kind)} ${esc(loc.t('table.to'))} ${num(loc, upper, `${base}.${uf}`, kind)}`;
}

const stripTags = (h: string): string =>
  h.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));

/** `<details>` holding a data table: the chart's data one click away. */
export function dataTable(
  loc: Locale,
  caption: string,
  head: string[],
  rows: string[][],
  cls = '',
  summary = esc(loc.t('showData')),
): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<details class="data${cls ? ` ${cls}` : ''}"><summary>${summary}</summary><div class="scroll" tabindex="0" role="group" aria-label="${esc(stripTags(caption))}"><table><caption>${caption}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div></details>`;
}

/** A plain table (not collapsed). */
export function table(
  caption: string,
  head: string[],
  rows: string[][],
  cls = '',
  hideCaption = false,
): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="scroll" tabindex="0" role="group" aria-label="${esc(stripTags(caption))}"><table${cls ? ` class="${cls}"` : ''}><caption${hideCaption ? ' class="sr-only"' : ''}>${caption}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Catalogue text with HTML entities decoded, for SVG titles (renderSvg escapes it again). */
export function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}
