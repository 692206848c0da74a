/**
 * History of analyses and the comparison of any two (page and API), as the viewer may see them: both sides
 * are read suppressed unless staff, and cut to the viewer's unit scope, before they are compared.
 */
import { html } from 'hono/html';
import { invalidInput } from '../../errors.js';
import { listAnalyses } from '../../store/index.js';
import { CompareQuery } from '../api-schemas.js';
import { COMPARE_METHOD, compareResults, type Change, type CompareRow } from '../compare.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { page, type Html } from '../pages/layout.js';
import { loadVisible } from './analyses.js';

const when = (d: Date | string) => new Date(d).toISOString().slice(0, 16).replace('T', ' ');

function pick(
  name: string,
  label: string,
  analyses: { id: string; title: string; created_at: Date | string }[],
  chosen?: string,
): Html {
  return html`<div>
    <label for="c-${name}">${label}</label
    ><select id="c-${name}" name="${name}">
      ${analyses.map((a) => html`<option value="${a.id}" ${a.id === chosen ? 'selected' : ''}>${a.title} · ${when(a.created_at)}</option>`)}
    </select>
  </div>`;
}

export async function historyPage(c: Ctx) {
  const lang = c.get('lang');
  const rows = await listAnalyses(c.get('store').db);
  const body = rows.length
    ? html`<div class="table-wrap">
          <table>
            <caption>
              ${t(lang, 'history.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t(lang, 'analyses.col.title')}</th>
                <th scope="col">${t(lang, 'analyses.col.dataset')}</th>
                <th scope="col">${t(lang, 'history.config')}</th>
                <th scope="col">${t(lang, 'analyses.col.software')}</th>
                <th scope="col">${t(lang, 'analyses.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (a) =>
                  html`<tr>
                    <td><a href="/dashboard?analysis=${a.id}">${a.title}</a></td>
                    <td>${a.dataset_version}</td>
                    <td><code>${a.config_hash.slice(0, 12)}</code></td>
                    <td>${a.software_version}</td>
                    <td>${when(a.created_at)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${
          rows.length > 1
            ? html`<h2>${t(lang, 'compare.title')}</h2>
                <form class="filters" method="get" action="/compare">
                  ${pick('a', t(lang, 'compare.a'), rows, rows[1]!.id)}
                  ${pick('b', t(lang, 'compare.b'), rows, rows[0]!.id)}
                  <div><button type="submit">${t(lang, 'compare.submit')}</button></div>
                </form>`
            : ''
        }`
    : html`<p>${t(lang, 'analyses.none')}</p>`;
  return c.html(page(c, t(lang, 'history.title'), body));
}

async function comparison(c: Ctx) {
  const q = CompareQuery.safeParse(c.req.query());
  if (!q.success)
    throw invalidInput('Comparing needs two analyses: ?a=<id>&b=<id>.', {
      path: q.error.issues[0]?.path.join('.') ?? 'a',
      fix: 'Pick two analyses on the history page (/history).',
    });
  const [a, b] = await Promise.all([loadVisible(c, q.data.a), loadVisible(c, q.data.b)]);
  const measures = a.results.measures.filter((m) => b.results.measures.some((x) => x.id === m.id));
  const measure =
    q.data.measure && measures.some((m) => m.id === q.data.measure) ? q.data.measure : undefined;
  const rows = compareResults(a.results, b.results).filter((r) => !measure || r.measure === measure);
  return { a, b, measures, measure, rows };
}

export async function compareApi(c: Ctx) {
  const { a, b, rows } = await comparison(c);
  return c.json({ a: a.summary, b: b.summary, method: COMPARE_METHOD, rows });
}

const pct = (x: number | null, rate: boolean): string =>
  x === null ? '—' : rate ? x.toFixed(1) : `${(x * 100).toFixed(1)}%`;
const pp = (x: number | null, rate: boolean): string =>
  x === null
    ? '—'
    : rate
      ? `${x >= 0 ? '+' : ''}${x.toFixed(1)}`
      : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

function changeCell(lang: 'en' | 'es', ch: Change, rate: boolean): Html {
  if (ch.change === null) return html`<td>${t(lang, `compare.reason.${ch.reason ?? 'no_value'}`)}</td>`;
  const ci =
    ch.lower === null ? '' : ` (${pp(ch.lower, rate)} ${t(lang, 'compare.to')} ${pp(ch.upper, rate)})`;
  return html`<td>${pp(ch.change, rate)}${ci}</td>`;
}

export async function comparePage(c: Ctx) {
  const lang = c.get('lang');
  const { a, b, measures, measure, rows } = await comparison(c);
  const chosen = measure ?? measures[0]?.id;
  const m = a.results.measures.find((x) => x.id === chosen);
  const rate = m?.kind === 'rate';
  const shown: CompareRow[] = rows.filter((r) => r.measure === chosen);
  const back = new URLSearchParams({ a: a.summary.id, b: b.summary.id });
  return c.html(
    page(
      c,
      t(lang, 'compare.title'),
      html`<p>
          ${a.summary.title} (${when(a.summary.created_at)}) → ${b.summary.title}
          (${when(b.summary.created_at)})
        </p>
        <form class="filters" method="get" action="/compare">
          <input type="hidden" name="a" value="${a.summary.id}" /><input
            type="hidden"
            name="b"
            value="${b.summary.id}"
          />
          <div>
            <label for="c-measure">${t(lang, 'dashboard.measure')}</label
            ><select id="c-measure" name="measure">
              ${measures.map((x) => html`<option value="${x.id}" ${x.id === chosen ? 'selected' : ''}>${x.title}</option>`)}
            </select>
          </div>
          <div><button type="submit">${t(lang, 'dashboard.apply')}</button></div>
        </form>
        <p>
          ${t(lang, 'dashboard.download')}:
          <a
            href="/api/v1/compare?${back.toString()}${chosen ? `&measure=${encodeURIComponent(chosen)}` : ''}"
            download
            >JSON</a
          >
        </p>
        <div class="table-wrap">
          <table>
            <caption>
              ${m?.title ?? ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t(lang, 'dashboard.stratifier')}</th>
                <th scope="col">${t(lang, 'dashboard.facet')}</th>
                <th scope="col">${t(lang, 'compare.group')}</th>
                <th scope="col">${t(lang, 'compare.rateA')}</th>
                <th scope="col">${t(lang, 'compare.rateB')}</th>
                <th scope="col">${t(lang, 'compare.rateChange')}</th>
                <th scope="col">${t(lang, 'compare.gapChange')}</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(
                (r) =>
                  html`<tr>
                    <td>${r.stratifier}</td>
                    <td>${r.facet?.replace(':', ': ') ?? ''}</td>
                    <th scope="row">${r.group}</th>
                    <td>${pct(r.rate.a, rate)}</td>
                    <td>${pct(r.rate.b, rate)}</td>
                    ${changeCell(lang, r.rate, rate)}
                    ${r.stratifier === 'overall' ? html`<td></td>` : changeCell(lang, r.gap, rate)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="note">${t(lang, 'compare.method')}</p>`,
    ),
  );
}
