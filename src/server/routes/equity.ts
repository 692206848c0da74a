/**
 * Equity results in the workspace (issue #16): import community.json, payer-mix.json, workforce.json (and
 * workforce.public.json) as an analyst or administrator; read them — pages, downloads, API — as the viewer
 * may see them: staff the internal edition, everyone else the public one, and only the unit breakdowns in
 * the viewer's scope (a department champion's own units; organisation-wide for the public).
 */
import type { z } from 'zod';
import { invalidInput, notFound } from '../../errors.js';
import { csvLine } from '../../model/csv.js';
import {
  listEquityResults,
  loadEquityResult,
  saveEquityResult,
  type EquityKind,
  type EquityResultSummary,
} from '../../store/index.js';
import { editions, FILE_NAMES, parseJson } from '../equity-import.js';
import { EquityImport, type EquityDocument } from '../equity-schemas.js';
import { tableRows, TABLES, type TableName } from '../equity-tables.js';
import type { Ctx } from '../env.js';
import { body, wantsJson } from '../form.js';
import { Memo } from '../memo.js';
import { can } from '../permissions.js';
import { inScope, scopeKey, scopeOf, type Scope } from '../scope.js';

export type Audience = 'internal' | 'public';
export interface VisibleEquity {
  summary: EquityResultSummary;
  audience: Audience;
  document: EquityDocument;
}

/** Rows tagged with a unit (facet:unit) outside the scope are dropped; untagged rows are the whole system. */
function scoped<T extends { facet?: string | undefined; unit?: string | undefined }>(
  rows: T[],
  s: Scope,
): T[] {
  return s.all ? rows : rows.filter((r) => !r.facet || inScope(s, r.facet, r.unit ?? ''));
}

function scopeDocument(kind: EquityKind, doc: EquityDocument, s: Scope): EquityDocument {
  if (s.all || kind === 'workforce') return doc;
  if ('comparison' in doc)
    return { ...doc, comparison: scoped(doc.comparison, s), inclusivity: scoped(doc.inclusivity, s) };
  if ('units' in doc) return { ...doc, units: scoped(doc.units, s) };
  return doc;
}

/** Imports are immutable: what a viewer sees depends only on id, audience and scope. */
const visible = new Memo<VisibleEquity>();

async function audienceOf(c: Ctx, summary: EquityResultSummary): Promise<Audience> {
  return summary.has_internal && can(c.get('viewer'), 'equity.view_internal') ? 'internal' : 'public';
}

export async function loadVisibleEquity(c: Ctx, id: string): Promise<VisibleEquity> {
  const store = c.get('store');
  const list = await listEquityResults(store.db);
  const summary = list.find((r) => r.id === id);
  if (!summary)
    throw notFound(`There is no equity result with id "${id}".`, {
      path: 'id',
      fix: 'List them at /api/v1/equity.',
    });
  const audience = await audienceOf(c, summary);
  const scope = await scopeOf(c);
  return visible.get(`${id}:${audience}:${scopeKey(scope)}`, async () => {
    const row = (await loadEquityResult(store.db, id))!;
    const doc = (audience === 'internal' ? row.internal : row.public) as EquityDocument;
    return { summary, audience, document: scopeDocument(summary.kind as EquityKind, doc, scope) };
  });
}

/** The imports of a kind (newest first) and the one chosen by `?id=` (default: the newest). */
export async function chosenEquity(
  c: Ctx,
  kind: EquityKind,
): Promise<{ list: EquityResultSummary[]; chosen: VisibleEquity | undefined }> {
  const list = await listEquityResults(c.get('store').db, kind);
  const id = c.req.query('id');
  const pick = list.find((r) => r.id === id) ?? list[0];
  return { list, chosen: pick ? await loadVisibleEquity(c, pick.id) : undefined };
}

const KindField = EquityImport.shape.kind;

async function uploads(
  c: Ctx,
): Promise<{ form: Record<string, unknown>; internal?: unknown; public?: unknown }> {
  const form = await body(c);
  const kind = KindField.safeParse(form.kind);
  const name = kind.success ? FILE_NAMES[kind.data] : 'the file';
  const read = async (v: unknown, key: string) =>
    v instanceof File
      ? v.size === 0
        ? undefined
        : parseJson(await v.text(), v.name || `${key} ${name}`)
      : v;
  return { form, internal: await read(form.internal, 'internal'), public: await read(form.public, 'public') };
}

function fieldError(e: z.ZodError): never {
  const issue = e.issues[0]!;
  const key = issue.path.join('.');
  throw invalidInput(`The field "${key}" is not valid: ${issue.message}.`, {
    path: key,
    fix: `Correct "${key}" and submit again.`,
  });
}

export async function importEquity(c: Ctx) {
  const up = await uploads(c);
  const parsed = EquityImport.safeParse({
    ...up.form,
    threshold: up.form.threshold === '' ? undefined : up.form.threshold,
    analysis_id: up.form.analysis_id === '' ? undefined : up.form.analysis_id,
  });
  if (!parsed.success) fieldError(parsed.error);
  const f = parsed.data;
  const e = editions(f.kind, { internal: up.internal, public: up.public }, f.threshold);
  const saved = await saveEquityResult(c.get('store').db, c.get('user')!.username, {
    kind: f.kind,
    title: f.title,
    threshold: e.threshold,
    analysisId: f.analysis_id ?? null,
    internal: e.internal,
    public: e.public,
  });
  if (wantsJson(c)) return c.json({ result: saved }, 201);
  return c.redirect(`${PAGE_OF[f.kind]}?id=${encodeURIComponent(saved.id)}`, 303);
}

export const PAGE_OF: Record<EquityKind, string> = {
  community: '/community',
  payer_mix: '/payer-mix',
  workforce: '/workforce',
};

export async function listEquityApi(c: Ctx) {
  return c.json({ results: await listEquityResults(c.get('store').db) });
}

export async function equityApi(c: Ctx) {
  const v = await loadVisibleEquity(c, c.req.param('id') ?? '');
  return c.json({ result: v.summary, audience: v.audience, document: v.document });
}

async function table(
  c: Ctx,
): Promise<{ name: TableName; audience: Audience; rows: Record<string, unknown>[] }> {
  const v = await loadVisibleEquity(c, c.req.param('id') ?? '');
  const name = c.req.query('table') ?? '';
  const rows = tableRows(v.summary.kind as EquityKind, v.document, name);
  return { name: name as TableName, audience: v.audience, rows };
}

export async function tableCsv(c: Ctx) {
  const t = await table(c);
  const cols = TABLES[t.name];
  const text =
    [csvLine(cols), ...t.rows.map((r) => csvLine(cols.map((k) => r[k] as string | number | null)))].join(
      '\r\n',
    ) + '\r\n';
  return c.body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${t.name}.csv"`,
  });
}

export async function tableJson(c: Ctx) {
  const t = await table(c);
  return c.json({ table: t.name, audience: t.audience, rows: t.rows });
}
