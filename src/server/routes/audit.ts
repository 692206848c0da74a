/** The audit log for administrators: a page, and exports as CSV (formula-neutralised) and JSON. Read-only. */
import { html } from 'hono/html';
import { csvLine } from '../../model/csv.js';
import { listAudit, type AuditEntry } from '../../store/index.js';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { page } from '../pages/layout.js';

const when = (d: Date | string): string => new Date(d).toISOString();
const COLUMNS = ['id', 'at', 'actor', 'action', 'record_table', 'record_id', 'before', 'after'] as const;
const cells = (e: AuditEntry) => [
  e.id,
  when(e.at),
  e.actor,
  e.action,
  e.record_table,
  e.record_id,
  JSON.stringify(e.before),
  JSON.stringify(e.after),
];

export async function auditPage(c: Ctx) {
  const lang = c.get('lang');
  const rows = await listAudit(c.get('store').db, 200);
  return c.html(
    page(
      c,
      t(lang, 'audit.title'),
      html`<p>
          ${t(lang, 'audit.export')}: <a href="/api/v1/audit.csv" download>CSV</a> ·
          <a href="/api/v1/audit" download>JSON</a>
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">${t(lang, 'audit.col.at')}</th>
                <th scope="col">${t(lang, 'audit.col.actor')}</th>
                <th scope="col">${t(lang, 'audit.col.action')}</th>
                <th scope="col">${t(lang, 'audit.col.record')}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (e) =>
                  html`<tr>
                    <td>${when(e.at)}</td>
                    <td>${e.actor}</td>
                    <td>${e.action}</td>
                    <td>${e.record_table} ${e.record_id}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
    ),
  );
}

export async function auditJson(c: Ctx) {
  return c.json({ entries: await listAudit(c.get('store').db, 100_000) });
}

export async function auditCsv(c: Ctx) {
  const rows = await listAudit(c.get('store').db, 100_000);
  const text = [csvLine(COLUMNS), ...rows.map((e) => csvLine(cells(e)))].join('\r\n') + '\r\n';
  return c.body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="audit.csv"',
  });
}
