/** The dashboard page and its downloads (CSV with formula neutralisation, JSON), always as the viewer may see. */
import { html, raw } from 'hono/html';
import { csvLine } from '../../model/csv.js';
import type { ResultsFile } from '../../model/results.js';
import { measureSection } from '../../report/measure-section.js';
import { createLocale } from '../../report/i18n.js';
import { LONG_COLUMNS, longRows } from '../../analysis/long-table.js';
import { FACET_PARAMS, facetKey, periodsOf, select, slice, type Selection } from '../dashboard-view.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { Memo } from '../memo.js';
import { page, type Html } from '../pages/layout.js';
import { sendBytes, sendPage, toBytes, type Bytes } from '../send.js';
import { can } from '../permissions.js';
import { analysesList, loadVisible } from './analyses.js';
import { scopeKey, scopeOf } from '../scope.js';

function options(values: { value: string; label: string }[], chosen: string | undefined): Html {
  return html`${values.map((o) => html`<option value="${o.value}" ${o.value === (chosen ?? '') ? raw('selected') : ''}>${o.label}</option>`)}`;
}

/** The facet choice, grouped by kind (department, site, clinician group, then any other facet). */
function facetOptions(lang: 'en' | 'es', facets: string[], chosen: string | undefined): Html {
  const kinds = [...new Set(facets.map((f) => f.slice(0, f.indexOf(':'))))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return html`${options([{ value: '', label: t(lang, 'dashboard.all') }], chosen)}
  ${kinds.map(
    (k) =>
      html`<optgroup label="${t(lang, `org.kind.${k}`)}">
        ${options(
          facets.filter((f) => f.startsWith(`${k}:`)).map((f) => ({ value: f, label: f.replace(':', ': ') })),
          chosen,
        )}
      </optgroup>`,
  )}`;
}
const rank = (k: string) => {
  const i = (FACET_PARAMS as readonly string[]).indexOf(k);
  return i < 0 ? FACET_PARAMS.length : i;
};

function filters(
  c: Ctx,
  id: string,
  analyses: { id: string; title: string }[],
  results: ResultsFile,
  sel: Selection,
): Html {
  const lang = c.get('lang');
  const m = results.measures.find((x) => x.id === sel.measure);
  const strata = m?.strata ?? [];
  const stratifiers = [...new Set(strata.filter((s) => !s.facet).map((s) => s.stratifier))];
  const facets = [...new Set(strata.map(facetKey).filter((x): x is string => Boolean(x)))];
  const all = { value: '', label: t(lang, 'dashboard.all') };
  const periods = periodsOf(results, sel.measure);
  const sel1 = (name: string, key: string, opts: Html) =>
    html`<div>
      <label for="f-${name}">${t(lang, key)}</label
      ><select id="f-${name}" name="${name}">
        ${opts}
      </select>
    </div>`;
  return html`<form class="filters" method="get" action="/dashboard">
    ${sel1(
      'analysis',
      'dashboard.analysis',
      options(
        analyses.map((a) => ({ value: a.id, label: a.title })),
        id,
      ),
    )}
    ${sel1(
      'measure',
      'dashboard.measure',
      options(
        results.measures.map((x) => ({ value: x.id, label: x.title })),
        sel.measure,
      ),
    )}
    ${sel1('stratifier', 'dashboard.stratifier', options([all, ...stratifiers.map((s) => ({ value: s, label: s }))], sel.stratifier))}
    ${facets.length ? sel1('facet', 'dashboard.facet', facetOptions(lang, facets, sel.facet)) : ''}
    ${periods.length > 1 ? sel1('from', 'dashboard.from', options([all, ...periods.map((p) => ({ value: p, label: p }))], sel.from)) : ''}
    ${periods.length > 1 ? sel1('to', 'dashboard.to', options([all, ...periods.map((p) => ({ value: p, label: p }))], sel.to)) : ''}
    <div><button type="submit">${t(lang, 'dashboard.apply')}</button></div>
  </form>`;
}

/** Rendered chart sections (SVG), by analysis, audience, language and selection. */
const sections = new Memo<string>();
const tables = new Memo<ReturnType<typeof longRows>>();
/** The dashboard's content (filters, downloads, charts) and the downloads, as bytes sent as they are. */
const contents = new Memo<Bytes>();
const downloads = new Memo<Bytes>();

/** The selection a query string asks for, per results copy: select() scans every period, on every view. */
const selections = new WeakMap<ResultsFile, Map<string, { sel: Selection; key: string }>>();
function selectionOf(c: Ctx, results: ResultsFile): { sel: Selection; key: string } {
  const url = c.req.url;
  const search = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  let known = selections.get(results);
  if (!known) selections.set(results, (known = new Map()));
  let hit = known.get(search);
  if (!hit) {
    if (known.size >= 1_000) known.clear();
    const sel = select(results, c.req.query());
    known.set(search, (hit = { sel, key: JSON.stringify(sel) }));
  }
  return hit;
}

export async function dashboard(c: Ctx) {
  const lang = c.get('lang');
  const analyses = await analysesList(c);
  const id = c.req.query('analysis') ?? analyses[0]?.id;
  if (!id) return c.html(page(c, t(lang, 'dashboard.title'), html`<p>${t(lang, 'dashboard.none')}</p>`));
  const { results } = await loadVisible(c, id);
  const { sel, key: selKey } = selectionOf(c, results);
  const staff = can(c.get('viewer'), 'analysis.view_unsuppressed');
  const scope = scopeKey(await scopeOf(c));
  const list = analyses.map((a) => a.id).join(',');
  const key = `${id}:${staff}:${scope}:${lang}:${selKey}:${list}`;
  // The page's content depends only on the key; the shell around it carries the visitor's CSRF token.
  const content = await contents.get(key, async () => {
    const section = await sections.get(`${id}:${staff}:${scope}:${lang}:${selKey}`, async () => {
      const part = slice(results, sel);
      return part.index < 0 ? '' : measureSection(createLocale(lang), part.results, part.index);
    });
    const base = `/api/v1/analyses/${encodeURIComponent(id)}/groups`;
    const qs = new URLSearchParams(
      Object.entries({
        measure: sel.measure,
        stratifier: sel.stratifier ?? '',
        facet: sel.facet ?? '',
        from: sel.from ?? '',
        to: sel.to ?? '',
      }).filter(([, v]) => v),
    ).toString();
    return toBytes(
      String(
        await html`${filters(c, id, analyses, results, sel)}
          ${staff ? '' : html`<p class="note">${t(lang, 'dashboard.suppressed')}</p>`}
          <p>
            ${t(lang, 'dashboard.download')}: <a href="${base}.csv?${qs}" download>CSV</a> ·
            <a href="${base}.json?${qs}" download>JSON</a>
          </p>
          <div class="report">${raw(section)}</div>`,
      ),
    );
  });
  return sendPage(c, t(lang, 'dashboard.title'), content);
}

/** The selected slice as the long table of results.csv (same columns as `equilens analyze` writes). */
async function groups(c: Ctx, format: 'csv' | 'json'): Promise<Bytes> {
  const { results } = await loadVisible(c, c.req.param('id') ?? '');
  const { sel, key: selKey } = selectionOf(c, results);
  const staff = can(c.get('viewer'), 'analysis.view_unsuppressed');
  const scope = scopeKey(await scopeOf(c));
  const key = `${c.req.param('id')}:${staff}:${scope}:${selKey}`;
  const rows = () => tables.get(key, async () => longRows(slice(results, sel).results));
  return downloads.get(`${format}:${key}`, async () =>
    toBytes(
      format === 'json'
        ? JSON.stringify({ selection: sel, rows: await rows() })
        : [csvLine(LONG_COLUMNS), ...(await rows()).map((r) => csvLine(LONG_COLUMNS.map((k) => r[k])))].join(
            '\r\n',
          ) + '\r\n',
    ),
  );
}

export async function groupsCsv(c: Ctx) {
  return sendBytes(c, await groups(c, 'csv'), {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="groups.csv"',
  });
}

export async function groupsJson(c: Ctx) {
  return sendBytes(c, await groups(c, 'json'), { 'content-type': 'application/json' });
}
