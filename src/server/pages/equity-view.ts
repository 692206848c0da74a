/**
 * Shared pieces of the equity pages: number formatting, the data table under every chart (withheld cells
 * say so), its CSV/JSON download links, and the GET form that picks an import and a slice (works without
 * JavaScript; the app script submits it on change).
 */
import { html, raw } from 'hono/html';
import type { EquityResultSummary } from '../../store/index.js';
import type { Row, TableName } from '../equity-tables.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import type { Html } from './layout.js';
import type { Audience } from '../routes/equity.js';

export type Format = 'pct' | 'pp' | 'gap' | 'num' | 'int' | 'text' | 'q';
export type Formats = Partial<Record<string, Format>>;

const PCT = new Set([
  'patients_share',
  'community_share',
  'share',
  'expected',
  'lower_limit',
  'upper_limit',
  'rate',
  'index',
]);
const PP = new Set([
  'difference',
  'lower',
  'upper',
  'difference_lower',
  'difference_upper',
  'unadjusted',
  'unadjusted_lower',
  'unadjusted_upper',
  'adjusted',
]);
const INT = new Set(['patients', 'patients_total', 'count', 'employees', 'total', 'events']);

export function formatOf(column: string): Format {
  if (column === 'q_value') return 'q';
  if (PCT.has(column)) return 'pct';
  if (PP.has(column)) return 'pp';
  if (INT.has(column)) return 'int';
  return 'text';
}

export function fmt(lang: 'en' | 'es', v: unknown, f: Format): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, o).format(v);
  if (f === 'pct') return nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (f === 'pp') return `${v > 0 ? '+' : ''}${nf({ maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
  if (f === 'gap')
    return `${v > 0 ? '+' : ''}${nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;
  if (f === 'num') return nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (f === 'q') return nf({ maximumSignificantDigits: 2 });
  if (f === 'int') return nf({ maximumFractionDigits: 0 });
  return String(v);
}

/** A figure in percentage points: a difference of shares times 100. */
export const pp = (v: number | null | undefined): number | null =>
  v === null || v === undefined ? null : v * 100;

/** One cell's text: withheld figures say so; booleans and flags in words. */
function cell(lang: 'en' | 'es', r: Row, k: string, formats: Formats): string {
  const v = r[k];
  if (k === 'suppressed') return v ? t(lang, 'equity.withheld') : '';
  if (k === 'flag') return v ? t(lang, `equity.flag.${String(v)}`) : '';
  const f = formats[k] ?? formatOf(k);
  if (v === null && r.suppressed === true && f !== 'text') return t(lang, 'equity.withheld');
  return fmt(lang, f === 'pp' && typeof v === 'number' ? v * 100 : v, f);
}

/** The table under a chart: every column named from the catalogue, row headers for the first column. */
export function dataTable(
  c: Ctx,
  caption: string,
  columns: readonly string[],
  rows: readonly Row[],
  formats: Formats = {},
): Html {
  const lang = c.get('lang');
  if (rows.length === 0) return html`<p>${t(lang, 'equity.noRows')}</p>`;
  // A wide table scrolls inside its box on a phone; the box takes focus so the keyboard can scroll it.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((k) => html`<th scope="col">${t(lang, `equity.col.${k}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              ${columns.map((k, i) =>
                i === 0
                  ? html`<th scope="row">${cell(lang, r, k, formats)}</th>`
                  : html`<td>${cell(lang, r, k, formats)}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The CSV and JSON of a table, as the viewer may see it. */
export function downloads(c: Ctx, id: string, table: TableName): Html {
  const base = `/api/v1/equity/${encodeURIComponent(id)}/table`;
  const q = `?table=${table}`;
  return html`<p>
    ${t(c.get('lang'), 'dashboard.download')}: <a href="${base}.csv${q}" download>CSV</a> ·
    <a href="${base}.json${q}" download>JSON</a>
  </p>`;
}

export interface Choice {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  chosen: string;
}

/** The GET form: which import, and the page's own choices (unit, attribute, level...). */
export function picker(
  c: Ctx,
  action: string,
  list: EquityResultSummary[],
  chosenId: string,
  choices: Choice[],
  /** The GET parameter naming the import (`analysis` on the map, which picks an analysis). */
  param: 'id' | 'analysis' = 'id',
): Html {
  const lang = c.get('lang');
  const select = (ch: Choice) =>
    html`<div>
      <label for="f-${ch.name}">${ch.label}</label
      ><select id="f-${ch.name}" name="${ch.name}">
        ${ch.options.map(
          (o) =>
            html`<option value="${o.value}" ${o.value === ch.chosen ? raw('selected') : ''}>
              ${o.label}
            </option>`,
        )}
      </select>
    </div>`;
  const imports: Choice = {
    name: param,
    label: t(lang, param === 'id' ? 'equity.import.which' : 'dashboard.analysis'),
    options: list.map((r) => ({
      value: r.id,
      label: `${r.title} (${new Date(r.created_at).toISOString().slice(0, 10)})`,
    })),
    chosen: chosenId,
  };
  return html`<form class="filters" method="get" action="${action}">
    ${select(imports)} ${choices.filter((ch) => ch.options.length > 0).map(select)}
    <div><button type="submit">${t(lang, 'dashboard.apply')}</button></div>
  </form>`;
}

/** Under the title: whose figures these are, and the public-edition note for everyone but staff. */
export function editionNote(c: Ctx, audience: Audience, threshold: number): Html {
  const lang = c.get('lang');
  return audience === 'internal'
    ? html`<p class="note">${t(lang, 'equity.internal')}</p>`
    : html`<p class="note">${t(lang, 'equity.public', { threshold: String(threshold) })}</p>`;
}

/** The page when nothing of this kind has been imported yet. */
export function nothingYet(c: Ctx, kind: string, canImport: boolean): Html {
  const lang = c.get('lang');
  return html`<p>${t(lang, `equity.none.${kind}`)}</p>
    ${canImport ? html`<p><a href="/equity">${t(lang, 'equity.import.title')}</a></p>` : ''}`;
}
