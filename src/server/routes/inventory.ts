/**
 * The algorithm inventory (issue #15 item 2): each decision-support tool with its vendor, purpose, the
 * decisions it affects, its inputs (race, ethnicity, national origin, sex, age and disability flagged, as
 * 45 CFR 92.210 asks), owner, last audit and result, mitigation, and the audits run on it (imported
 * `equilens audit-model` results). Department champions see organisation-wide tools and their units'
 * tools, and manage only their units' tools.
 */
import { html } from 'hono/html';
import { invalidInput, notFound } from '../../errors.js';
import {
  createAlgorithm,
  findAlgorithm,
  importAlgorithmAudit,
  listAlgorithmAudits,
  listAlgorithms,
  listUnits,
  loadAlgorithmAudit,
  updateAlgorithm,
  type Algorithm,
  type AlgorithmFields,
  type Unit,
} from '../../store/index.js';
import { PROTECTED, detectProtected, readAuditFile, summariseAudit } from '../algorithm-audit.js';
import { AlgorithmAuditImport, AlgorithmForm } from '../api-schemas.js';
import type { Ctx } from '../env.js';
import { body, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { parseResults } from '../import-results.js';
import { csrfField, page, type Html } from '../pages/layout.js';
import { can } from '../permissions.js';
import { inScope, requireInScope, scopeOf } from '../scope.js';
import { ServerError } from '../errors.js';

const actor = (c: Ctx) => c.get('user')!.username;
const unitLabel = (lang: 'en' | 'es', u: Unit | undefined) =>
  u ? `${t(lang, `org.kind.${u.kind}`)}: ${u.name}` : t(lang, 'inventory.orgWide');

/** Whether the viewer may see (or, with `manage`, change) a tool in this unit. */
async function allowed(c: Ctx, unit: Unit | undefined, manage: boolean): Promise<boolean> {
  const scope = await scopeOf(c);
  if (scope.all) return true;
  if (!can(c.get('viewer'), 'analysis.view_own_units')) return !unit && !manage;
  return unit ? inScope(scope, unit.kind, unit.name) : !manage;
}

async function loadTool(c: Ctx, manage: boolean): Promise<{ tool: Algorithm; units: Unit[] }> {
  const db = c.get('store').db;
  const tool = await findAlgorithm(db, c.req.param('id') ?? '');
  if (!tool)
    throw notFound('There is no such tool in the inventory.', {
      path: 'id',
      fix: 'Pick a tool from /inventory.',
    });
  const units = await listUnits(db);
  const unit = units.find((u) => u.id === tool.unit_id);
  if (!(await allowed(c, unit, manage))) {
    if (manage && unit) await requireInScope(c, unit.kind, unit.name);
    throw new ServerError('forbidden', 'This tool belongs to a unit you are not part of.', {
      fix: 'Ask an administrator.',
    });
  }
  return { tool, units };
}

/** The submitted fields (form or JSON), checked; a champion must name one of their units. */
async function readFields(c: Ctx): Promise<AlgorithmFields> {
  const raw = await body(c);
  if (!Array.isArray(raw.protected_inputs))
    raw.protected_inputs = PROTECTED.filter(
      (p) => raw[`protected_${p}`] !== undefined && raw[`protected_${p}`] !== '',
    );
  const r = AlgorithmForm.safeParse(raw);
  if (!r.success) {
    const key = r.error.issues[0]!.path.join('.');
    throw invalidInput(`The field "${key}" is not valid: ${r.error.issues[0]!.message}.`, {
      path: key,
      fix: `Correct "${key}" and submit again.`,
    });
  }
  const f = r.data;
  const inputs = (Array.isArray(f.inputs) ? f.inputs : f.inputs.split(/[,\n]/))
    .map((x) => x.trim())
    .filter(Boolean);
  const units = await listUnits(c.get('store').db);
  const unit = f.unit ? units.find((u) => u.id === f.unit) : undefined;
  if (f.unit && !unit)
    throw notFound('There is no such unit.', { path: 'unit', fix: 'Pick a unit from the list, or none.' });
  if (unit) await requireInScope(c, unit.kind, unit.name);
  else if (!(await scopeOf(c)).all)
    throw new ServerError('forbidden', 'You can add tools only to the units you belong to.', {
      path: 'unit',
      fix: 'Choose one of your units.',
    });
  return {
    name: f.name,
    vendor: f.vendor,
    purpose: f.purpose,
    decisions: f.decisions,
    inputs,
    protected_inputs: PROTECTED.filter(
      (p) => f.protected_inputs.includes(p) || detectProtected(inputs).includes(p),
    ),
    owner: f.owner,
    unit_id: unit?.id ?? null,
    last_audit_on: f.last_audit_on || null,
    last_audit_result: f.last_audit_result,
    mitigation: f.mitigation,
  };
}

function flags(lang: 'en' | 'es', tool: Algorithm): Html {
  return tool.protected_inputs.length
    ? html`<ul class="flags">
        ${tool.protected_inputs.map((p) => html`<li>${t(lang, `protected.${p}`)}</li>`)}
      </ul>`
    : html`${t(lang, 'inventory.noProtected')}`;
}

async function unitOptions(c: Ctx, units: Unit[], chosen: string | null): Promise<Html> {
  const lang = c.get('lang');
  const scope = await scopeOf(c);
  const mine = units.filter((u) => inScope(scope, u.kind, u.name));
  return html`${scope.all ? html`<option value="">${t(lang, 'inventory.orgWide')}</option>` : ''}
  ${mine.map((u) => html`<option value="${u.id}" ${u.id === chosen ? 'selected' : ''}>${unitLabel(lang, u)}</option>`)}`;
}

async function toolForm(c: Ctx, units: Unit[], action: string, tool?: Algorithm): Promise<Html> {
  const lang = c.get('lang');
  const p = tool ? `e-` : 'n-';
  const field = (name: keyof Algorithm, key: string, long = false) => {
    const v = tool ? String((tool[name] as string | null) ?? '') : '';
    return html`<label for="${p}${name}">${t(lang, key)}</label>${
        long
          ? html`<textarea id="${p}${name}" name="${name}" rows="2">${v}</textarea>`
          : html`<input id="${p}${name}" name="${name}" value="${v}" ${name === 'name' ? 'required' : ''} />`
      }`;
  };
  return html`<form method="post" action="${action}">
    ${csrfField(c)} ${field('name', 'inventory.name')} ${field('vendor', 'inventory.vendor')}
    ${field('purpose', 'inventory.purpose', true)} ${field('decisions', 'inventory.decisions', true)}
    <label for="${p}inputs">${t(lang, 'inventory.inputs')}</label
    ><textarea id="${p}inputs" name="inputs" rows="2">${tool?.inputs.join(', ') ?? ''}</textarea>
    <fieldset>
      <legend>${t(lang, 'inventory.protected')}</legend>
      ${PROTECTED.map(
        (x) =>
          html`<label class="check"
            ><input
              type="checkbox"
              name="protected_${x}"
              value="1"
              ${tool?.protected_inputs.includes(x) ? 'checked' : ''}
            />
            ${t(lang, `protected.${x}`)}</label
          >`,
      )}
    </fieldset>
    ${field('owner', 'inventory.owner')}
    <label for="${p}unit">${t(lang, 'inventory.unit')}</label
    ><select id="${p}unit" name="unit">
      ${await unitOptions(c, units, tool?.unit_id ?? null)}
    </select>
    <label for="${p}last_audit_on">${t(lang, 'inventory.lastAuditOn')}</label
    ><input id="${p}last_audit_on" name="last_audit_on" type="date" value="${tool?.last_audit_on ?? ''}" />
    ${field('last_audit_result', 'inventory.lastAuditResult', true)}
    ${field('mitigation', 'inventory.mitigation', true)}
    <p><button type="submit">${t(lang, tool ? 'inventory.save' : 'inventory.add')}</button></p>
  </form>`;
}

async function visibleTools(c: Ctx): Promise<{ tools: Algorithm[]; units: Unit[] }> {
  const db = c.get('store').db;
  const [all, units] = await Promise.all([listAlgorithms(db), listUnits(db)]);
  const tools: Algorithm[] = [];
  for (const a of all)
    if (
      await allowed(
        c,
        units.find((u) => u.id === a.unit_id),
        false,
      )
    )
      tools.push(a);
  return { tools, units };
}

export async function inventoryPage(c: Ctx) {
  const lang = c.get('lang');
  const { tools, units } = await visibleTools(c);
  const table = tools.length
    ? html`<div class="table-wrap">
        <table>
          <caption>
            ${t(lang, 'inventory.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'inventory.name')}</th>
              <th scope="col">${t(lang, 'inventory.vendor')}</th>
              <th scope="col">${t(lang, 'inventory.decisions')}</th>
              <th scope="col">${t(lang, 'inventory.protected')}</th>
              <th scope="col">${t(lang, 'inventory.owner')}</th>
              <th scope="col">${t(lang, 'inventory.lastAudit')}</th>
            </tr>
          </thead>
          <tbody>
            ${tools.map(
              (a) =>
                html`<tr>
                  <th scope="row"><a href="/inventory/${a.id}">${a.name}</a></th>
                  <td>${a.vendor}</td>
                  <td>${a.decisions}</td>
                  <td>${flags(lang, a)}</td>
                  <td>
                    ${a.owner} ·
                    ${unitLabel(
                      lang,
                      units.find((u) => u.id === a.unit_id),
                    )}
                  </td>
                  <td>
                    ${a.last_audit_on ?? t(lang, 'inventory.never')}${a.last_audit_result ? html`: ${a.last_audit_result}` : ''}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`
    : html`<p>${t(lang, 'inventory.none')}</p>`;
  const add = can(c.get('viewer'), 'inventory.manage')
    ? html`<h2>${t(lang, 'inventory.addTitle')}</h2>
        ${await toolForm(c, units, '/inventory')}`
    : '';
  return c.html(
    page(
      c,
      t(lang, 'inventory.title'),
      html`<p>${t(lang, 'inventory.lead')}</p>
        ${table}${add}`,
    ),
  );
}

export async function toolPage(c: Ctx) {
  const lang = c.get('lang');
  const { tool, units } = await loadTool(c, false);
  const audits = await listAlgorithmAudits(c.get('store').db, tool.id);
  const unit = units.find((u) => u.id === tool.unit_id);
  const manage = can(c.get('viewer'), 'inventory.manage') && (await allowed(c, unit, true));
  const row = (key: string, v: Html | string) =>
    html`<dt>${t(lang, key)}</dt>
      <dd>${v}</dd>`;
  return c.html(
    page(
      c,
      tool.name,
      html`<dl>
          ${row('inventory.vendor', tool.vendor)} ${row('inventory.purpose', tool.purpose)}
          ${row('inventory.decisions', tool.decisions)} ${row('inventory.inputs', tool.inputs.join(', '))}
          ${row('inventory.protected', flags(lang, tool))} ${row('inventory.owner', tool.owner)}
          ${row('inventory.unit', unitLabel(lang, unit))}
          ${row('inventory.lastAudit', `${tool.last_audit_on ?? t(lang, 'inventory.never')}${tool.last_audit_result ? `: ${tool.last_audit_result}` : ''}`)}
          ${row('inventory.mitigation', tool.mitigation)}
        </dl>
        <h2>${t(lang, 'inventory.audits')}</h2>
        ${
          audits.length
            ? html`<ul>
                ${audits.map(
                  (a) =>
                    html`<li>
                      <a href="/api/v1/algorithms/${tool.id}/audits/${a.id}" download>${a.title}</a> ·
                      ${new Date(a.created_at).toISOString().slice(0, 10)} ·
                      ${String((a.summary as { result?: string }).result ?? '')}
                    </li>`,
                )}
              </ul>`
            : html`<p>${t(lang, 'inventory.noAudits')}</p>`
        }
        ${
          manage
            ? html`<h2>${t(lang, 'inventory.importAudit')}</h2>
                <form method="post" action="/inventory/${tool.id}/audits" enctype="multipart/form-data">
                  ${csrfField(c)}
                  <label for="a-title">${t(lang, 'analyses.titleField')}</label
                  ><input id="a-title" name="title" required />
                  <label for="a-file">${t(lang, 'inventory.auditFile')}</label
                  ><input id="a-file" name="results" type="file" accept="application/json,.json" required />
                  <p><button type="submit">${t(lang, 'analyses.submit')}</button></p>
                </form>
                <h2>${t(lang, 'inventory.edit')}</h2>
                ${await toolForm(c, units, `/inventory/${tool.id}`, tool)}`
            : ''
        }`,
    ),
  );
}

export async function createTool(c: Ctx) {
  const fields = await readFields(c);
  const tool = await createAlgorithm(c.get('store').db, actor(c), fields);
  return wantsJson(c) ? c.json({ algorithm: tool }, 201) : c.redirect(`/inventory/${tool.id}`, 303);
}

export async function updateTool(c: Ctx) {
  const { tool } = await loadTool(c, true);
  const fields = await readFields(c);
  const row = (await updateAlgorithm(c.get('store').db, actor(c), tool.id, fields))!;
  return wantsJson(c) ? c.json({ algorithm: row }) : c.redirect(`/inventory/${tool.id}`, 303);
}

export async function importAudit(c: Ctx) {
  const { tool } = await loadTool(c, true);
  const b = await body(c);
  const file = b.results;
  const parsed = file instanceof File ? parseResultsJson(await file.text()) : file;
  const f = AlgorithmAuditImport.shape.title.safeParse(b.title);
  if (!f.success)
    throw invalidInput('The audit needs a title (1–200 characters).', {
      path: 'title',
      fix: 'Give the audit a title.',
    });
  const results = readAuditFile(parsed, 'results');
  const summary = summariseAudit(results);
  const today = new Date().toISOString().slice(0, 10);
  const row = await importAlgorithmAudit(
    c.get('store').db,
    actor(c),
    tool.id,
    f.data,
    { ...summary },
    results,
    today,
  );
  return wantsJson(c) ? c.json({ audit: row }, 201) : c.redirect(`/inventory/${tool.id}`, 303);
}

function parseResultsJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Reuse the analysis importer's message (it names the line of broken JSON).
    return parseResults(text, 'audit.json');
  }
}

export async function listToolsApi(c: Ctx) {
  return c.json({ algorithms: (await visibleTools(c)).tools });
}

export async function toolApi(c: Ctx) {
  const { tool } = await loadTool(c, false);
  return c.json({ algorithm: tool, audits: await listAlgorithmAudits(c.get('store').db, tool.id) });
}

export async function auditFileApi(c: Ctx) {
  const { tool } = await loadTool(c, false);
  const a = await loadAlgorithmAudit(c.get('store').db, tool.id, c.req.param('auditId') ?? '');
  if (!a)
    throw notFound('There is no such audit of this tool.', {
      path: 'auditId',
      fix: `List them at /api/v1/algorithms/${tool.id}.`,
    });
  const { results, ...audit } = a;
  return c.json({ audit, results });
}
