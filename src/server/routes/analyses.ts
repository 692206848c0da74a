/** Analyses in the workspace: list, import a results.json (page and API), read one (suppressed unless staff). */
import { html } from 'hono/html';
import { z } from 'zod';
import { invalidInput, notFound } from '../../errors.js';
import type { ResultsFile } from '../../model/results.js';
import { listAnalyses, loadAnalysis, saveAnalysis, type AnalysisSummary } from '../../store/index.js';
import { Memo } from '../memo.js';
import { can } from '../permissions.js';
import type { Ctx } from '../env.js';
import { body, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { parseResults, validResults } from '../import-results.js';
import { csrfField, page } from '../pages/layout.js';
import { visibleResults } from '../visible.js';
import { scopeKey, scopeOf, scopeResults } from '../scope.js';

const actor = (c: Ctx): string => c.get('user')?.username ?? 'public';

export async function analysesPage(c: Ctx) {
  const lang = c.get('lang');
  const rows = await listAnalyses(c.get('store').db);
  const table = rows.length
    ? html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'analyses.col.title')}</th>
              <th scope="col">${t(lang, 'analyses.col.dataset')}</th>
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
                  <td>${a.software_version}</td>
                  <td>
                    ${new Date(a.created_at).toISOString().slice(0, 16).replace('T', ' ')} · ${a.created_by}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`
    : html`<p>${t(lang, 'analyses.none')}</p>`;
  return c.html(
    page(
      c,
      t(lang, 'analyses.title'),
      html`${table}
        <h2>${t(lang, 'analyses.import')}</h2>
        <form method="post" action="/analyses" enctype="multipart/form-data">
          ${csrfField(c)}
          <label for="title">${t(lang, 'analyses.titleField')}</label
          ><input id="title" name="title" required /> <label for="results">${t(lang, 'analyses.file')}</label
          ><input id="results" name="results" type="file" accept="application/json,.json" required />
          <p><button type="submit">${t(lang, 'analyses.submit')}</button></p>
        </form>
        <h2>${t(lang, 'jobs.start')}</h2>
        <form method="post" action="/jobs">
          ${csrfField(c)}
          <label for="job-title">${t(lang, 'analyses.titleField')}</label
          ><input id="job-title" name="title" required />
          <p><button type="submit">${t(lang, 'jobs.title')}</button></p>
        </form>`,
    ),
  );
}

const Title = z.string().trim().min(1).max(200);

export async function importAnalysis(c: Ctx) {
  const b = await body(c);
  const title = Title.safeParse(b.title);
  if (!title.success)
    throw invalidInput('The analysis needs a title (1–200 characters).', {
      path: 'title',
      fix: 'Give the analysis a title.',
    });
  const file = b.results;
  const results =
    file instanceof File
      ? parseResults(await file.text(), file.name || 'results.json')
      : validResults(file, 'results');
  const saved = await saveAnalysis(c.get('store').db, actor(c), title.data, results);
  if (wantsJson(c)) return c.json({ analysis: saved }, 201);
  return c.redirect(`/dashboard?analysis=${encodeURIComponent(saved.id)}`, 303);
}

export async function listAnalysesApi(c: Ctx) {
  return c.json({ analyses: await listAnalyses(c.get('store').db) });
}

const visible = new Memo<{ summary: AnalysisSummary; results: ResultsFile }>();

/**
 * An analysis as the viewer may see it: suppressed unless staff, and only the unit breakdowns in the viewer's
 * scope (analyses are immutable once imported, so this is memoised by audience and scope).
 */
export async function loadVisible(c: Ctx, id: string) {
  const staff = can(c.get('viewer'), 'analysis.view_unsuppressed');
  const store = c.get('store');
  const scope = await scopeOf(c);
  return visible.get(`${id}:${staff}:${scopeKey(scope)}`, async () => {
    const a = await loadAnalysis(store.db, id);
    if (!a)
      throw notFound(`There is no analysis with id "${id}".`, {
        path: 'id',
        fix: 'List the analyses at /api/v1/analyses.',
      });
    return { summary: a.summary, results: scopeResults(visibleResults(c.get('viewer'), a.results), scope) };
  });
}

export async function getAnalysisApi(c: Ctx) {
  const a = await loadVisible(c, c.req.param('id') ?? '');
  return c.json({ analysis: a.summary, results: a.results });
}
