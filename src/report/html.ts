/** Small HTML helpers. Every number shown in prose or tables goes through `num`, which marks it with the
 * JSON path it came from, so a test can check each one against results.json. */
import { esc, type Locale, type NumberKind } from './i18n.js';

/**
 * A number from results.json at `field` (a dotted path), formatted for the locale, or "no data". It is an
 * HTML `<data>` element: `value` is the machine-readable number (the CSV downloads read it), `data-f` the
 * path, `data-k` how it is shown. Inside a table with `data-base`, paths under the base are written
 * relative to it (`+3.rate` for `<base>.3.rate`) to keep a large report small.
 */
export function num(
  loc: Locale,
  value: number | string | null | undefined,
  field: string,
  kind: NumberKind,
): string {
  if (value === null || value === undefined) return `<span class="nodata">${esc(loc.t('noData'))}</span>`;
  return `<data value="${esc(String(value))}" data-f="${esc(field)}" data-k="${kind}">${esc(loc.format(value, kind))}</data>`;
}

/** A count mark (a length or a tally, not a field value): `data-c` names what is counted. */
export function countMark(loc: Locale, count: string, value: number, field?: string): string {
  return `<data value="${value}" data-c="${esc(count)}"${field ? ` data-f="${esc(field)}"` : ''} data-k="int">${esc(loc.format(value, 'int'))}</data>`;
}

/** Rewrite absolute paths under `base` as relative ones (see `num`). */
export const relativise = (html: string, base: string | undefined): string =>
  base ? html.split(`data-f="${base}.`).join('data-f="+') : html;

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

export interface TableOptions {
  /** Rows' results path prefix: marked numbers under it are written relative to it (see `num`). */
  base?: string;
  /** Offer a CSV download of the table (default true for data tables). */
  csv?: boolean;
}

const escRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compact rows: a cell that is only a marked number (or two, "a to b") of row `i` under `base` is written as
 * its text, and the table says once what each column holds (`data-cols="|rate:pct|lower~upper:pct|…"`,
 * rows `data-i`): the tests read the numbers back from that (see __fixtures__/marks.ts). A cell that does
 * not fit its column's pattern keeps its marks.
 */
function compactRows(
  rows: string[][],
  base: string,
  sep: string,
): { rows: { i: string | null; cells: string[] }[]; cols: string[] } {
  const b = escRe(base);
  const one = `<data value="[^"]*" data-f="${b}\\.(\\d+)\\.([^"]+)" data-k="(\\w+)">([^<]*)</data>`;
  const single = new RegExp(`^${one}$`);
  const pair = new RegExp(`^${one}${escRe(sep)}${one}$`);
  // An estimate with its interval: "e (l to u)".
  const triple = new RegExp(`^${one} \\(${one}${escRe(sep)}${one}\\)$`);
  const cols: string[] = [];
  const out = rows.map((r) => {
    let i: string | null = null;
    const cells = r.map((c, j) => {
      const m3 = triple.exec(c);
      if (m3) {
        const same = m3[1] === m3[5] && m3[1] === m3[9] && m3[3] === m3[7] && m3[3] === m3[11];
        const spec = `${m3[2]}~${m3[6]}~${m3[10]}:${m3[3]}`;
        if (!same || (i !== null && i !== m3[1]) || (cols[j] !== undefined && cols[j] !== spec)) return c;
        cols[j] = spec;
        i = m3[1]!;
        return `${m3[4]} (${m3[8]}${sep}${m3[12]})`;
      }
      const m2 = pair.exec(c);
      const m1 = m2 ? null : single.exec(c);
      const spec =
        m2 && m2[1] === m2[5] && m2[3] === m2[7]
          ? `${m2[2]}~${m2[6]}:${m2[3]}`
          : m1
            ? `${m1[2]}:${m1[3]}`
            : null;
      const ri = m2 ? m2[1]! : m1 ? m1[1]! : null;
      if (!spec || !ri || (i !== null && i !== ri) || (cols[j] !== undefined && cols[j] !== spec)) return c;
      cols[j] = spec;
      i = ri;
      return m2 ? `${m2[4]}${sep}${m2[8]}` : m1![4]!;
    });
    return { i, cells };
  });
  return { rows: out, cols };
}

function tableHtml(
  caption: string,
  head: string[],
  rows: string[][],
  cls: string,
  hideCaption: boolean,
  base?: string,
  sep = ' to ',
): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const compacted = base
    ? compactRows(rows, base, sep)
    : { rows: rows.map((cells) => ({ i: null, cells })), cols: [] };
  const body = compacted.rows
    .map(
      (r) =>
        `<tr${r.i !== null ? ` data-i="${r.i}"` : ''}>${r.cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('');
  const cols = compacted.cols.length
    ? ` data-cols="${esc(head.map((_, j) => compacted.cols[j] ?? '').join('|'))}" data-sep="${esc(sep)}"`
    : '';
  return `<table${cls ? ` class="${cls}"` : ''}${base ? ` data-base="${esc(base)}"` : ''}${cols}><caption${hideCaption ? ' class="sr-only"' : ''}>${caption}</caption><thead><tr>${th}</tr></thead><tbody>${relativise(body, base)}</tbody></table>`;
}

/** The box a table scrolls in (sideways, with shadows as the cue), focusable for keyboard scrolling. */
const scrollBox = (caption: string, inner: string): string =>
  `<div class="scroll" tabindex="0" role="group" aria-label="${esc(stripTags(caption))}">${inner}</div>`;

/** A CSV download button: the page's script turns the table beside it into a file (values, not text). */
export const csvButton = (loc: Locale): string =>
  `<button type="button" class="csv" data-csv>${esc(loc.t('csv.download'))}</button>`;

/** `<details>` holding a data table: the chart's data one click away. */
export function dataTable(
  loc: Locale,
  caption: string,
  head: string[],
  rows: string[][],
  cls = '',
  summary = esc(loc.t('showData')),
  opts: TableOptions = {},
): string {
  const t = tableHtml(caption, head, rows, cls, false, opts.base, ` ${esc(loc.t('table.to'))} `);
  return `<details class="data${cls ? ` ${cls}` : ''}"><summary>${summary}</summary>${scrollBox(caption, t)}${opts.csv === false ? '' : csvButton(loc)}</details>`;
}

/** A plain table (not collapsed). */
export function table(
  caption: string,
  head: string[],
  rows: string[][],
  cls = '',
  hideCaption = false,
  opts: TableOptions & { loc?: Locale } = {},
): string {
  const t = tableHtml(
    caption,
    head,
    rows,
    cls,
    hideCaption,
    opts.base,
    opts.loc ? ` ${esc(opts.loc.t('table.to'))} ` : ' to ',
  );
  return `${scrollBox(caption, t)}${opts.loc && opts.csv ? csvButton(opts.loc) : ''}`;
}

/** Catalogue text with HTML entities decoded, for SVG titles (renderSvg escapes it again). */
export function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
}
