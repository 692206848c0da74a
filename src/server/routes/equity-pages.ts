/** The equity pages ("Who we serve", "Payer mix", "Workforce") and the import page for staff. */
import { html } from 'hono/html';
import {
  listAnalyses,
  listEquityResults,
  type EquityKind,
  type EquityResultSummary,
} from '../../store/index.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { communityView } from '../pages/equity-community.js';
import { payerView } from '../pages/equity-payer.js';
import { workforceView } from '../pages/equity-workforce.js';
import { nothingYet } from '../pages/equity-view.js';
import { csrfField, page, type Html } from '../pages/layout.js';
import { can } from '../permissions.js';
import { chosenEquity, PAGE_OF, type VisibleEquity } from './equity.js';

type View = (c: Ctx, list: EquityResultSummary[], v: VisibleEquity) => Promise<Html>;

function kindPage(kind: EquityKind, key: string, view: View) {
  return async (c: Ctx) => {
    const lang = c.get('lang');
    const { list, chosen } = await chosenEquity(c, kind);
    const body = chosen
      ? await view(c, list, chosen)
      : nothingYet(c, kind, can(c.get('viewer'), 'equity.import'));
    return c.html(page(c, t(lang, key), body));
  };
}

export const communityPage = kindPage('community', 'nav.community', communityView);
export const payerMixPage = kindPage('payer_mix', 'nav.payerMix', payerView);
export const workforcePage = kindPage('workforce', 'nav.workforce', workforceView);

function importsTable(c: Ctx, rows: EquityResultSummary[]): Html {
  const lang = c.get('lang');
  if (!rows.length) return html`<p>${t(lang, 'equity.import.none')}</p>`;
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${t(lang, 'equity.import.list')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(lang, 'analyses.col.title')}</th>
          <th scope="col">${t(lang, 'equity.kind')}</th>
          <th scope="col">${t(lang, 'equity.col.threshold')}</th>
          <th scope="col">${t(lang, 'analyses.col.created')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row"><a href="${PAGE_OF[r.kind as EquityKind]}?id=${r.id}">${r.title}</a></th>
              <td>${t(lang, `equity.kind.${r.kind}`)}</td>
              <td>${r.threshold}</td>
              <td>
                ${new Date(r.created_at).toISOString().slice(0, 16).replace('T', ' ')} · ${r.created_by}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export async function equityImportPage(c: Ctx) {
  const lang = c.get('lang');
  const db = c.get('store').db;
  const [rows, analyses] = await Promise.all([listEquityResults(db), listAnalyses(db)]);
  const kinds: EquityKind[] = ['community', 'payer_mix', 'workforce'];
  return c.html(
    page(
      c,
      t(lang, 'equity.import.title'),
      html`${importsTable(c, rows)}
        <h2>${t(lang, 'equity.import.form')}</h2>
        <p>${t(lang, 'equity.import.lead')}</p>
        <form method="post" action="/equity" enctype="multipart/form-data">
          ${csrfField(c)}
          <label for="eq-kind">${t(lang, 'equity.kind')}</label
          ><select id="eq-kind" name="kind">
            ${kinds.map((k) => html`<option value="${k}">${t(lang, `equity.kind.${k}`)}</option>`)}
          </select>
          <label for="eq-title">${t(lang, 'analyses.titleField')}</label
          ><input id="eq-title" name="title" required />
          <label for="eq-internal">${t(lang, 'equity.import.internal')}</label
          ><input id="eq-internal" name="internal" type="file" accept="application/json,.json" />
          <label for="eq-public">${t(lang, 'equity.import.public')}</label
          ><input id="eq-public" name="public" type="file" accept="application/json,.json" />
          <label for="eq-threshold">${t(lang, 'equity.import.threshold')}</label
          ><input id="eq-threshold" name="threshold" type="number" min="11" max="1000" inputmode="numeric" />
          <label for="eq-analysis">${t(lang, 'equity.import.analysis')}</label
          ><select id="eq-analysis" name="analysis_id">
            <option value="">${t(lang, 'equity.import.noAnalysis')}</option>
            ${analyses.map((a) => html`<option value="${a.id}">${a.title}</option>`)}
          </select>
          <p><button type="submit">${t(lang, 'analyses.submit')}</button></p>
        </form>`,
    ),
  );
}
