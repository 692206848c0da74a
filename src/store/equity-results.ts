/**
 * Equity results in the workspace: the community comparison, payer mix and workforce results (aggregates
 * only), each kept with its internal and public editions and its provenance. Imports are never edited;
 * history is kept, and every import is audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB, EquityResult } from './schema.js';

export const EQUITY_KINDS = ['community', 'payer_mix', 'workforce'] as const;
export type EquityKind = (typeof EQUITY_KINDS)[number];

export type EquityResultSummary = Omit<EquityResult, 'internal' | 'public'> & { has_internal: boolean };

export interface NewEquityResult {
  kind: EquityKind;
  title: string;
  threshold: number;
  analysisId?: string | null;
  /** The internal edition, or null when only a public file was imported. */
  internal: unknown;
  public: unknown;
}

const COLUMNS = [
  'id',
  'kind',
  'title',
  'threshold',
  'analysis_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const satisfies ReadonlyArray<keyof EquityResult>;

const json = (v: unknown) => (v === null || v === undefined ? null : (JSON.stringify(v) as never));
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export async function saveEquityResult(
  db: Kysely<DB>,
  actor: string,
  r: NewEquityResult,
): Promise<EquityResultSummary> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('equity_results')
      .values({
        id: randomUUID(),
        kind: r.kind,
        title: r.title,
        threshold: r.threshold,
        analysis_id: r.analysisId ?? null,
        internal: json(r.internal),
        public: json(r.public) as never,
        created_by: actor,
        updated_by: actor,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const summary = { ...row, has_internal: r.internal !== null && r.internal !== undefined };
    await audit(trx, {
      actor,
      action: 'equity.import',
      table: 'equity_results',
      id: row.id,
      after: summary,
    });
    return summary;
  });
}

/** Every import (newest first), optionally of one kind, without the documents. */
export async function listEquityResults(db: Kysely<DB>, kind?: EquityKind): Promise<EquityResultSummary[]> {
  let q = db
    .selectFrom('equity_results')
    .select(COLUMNS)
    .select((eb) => eb('internal', 'is not', null).as('has_internal'));
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ ...r, has_internal: Boolean(r.has_internal) }));
}

export interface LoadedEquityResult {
  summary: EquityResultSummary;
  internal: unknown;
  public: unknown;
}

export async function loadEquityResult(db: Kysely<DB>, id: string): Promise<LoadedEquityResult | undefined> {
  const row = await db.selectFrom('equity_results').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { internal, public: pub, ...rest } = row;
  return {
    summary: { ...rest, has_internal: internal !== null },
    internal: parsed(internal),
    public: parsed(pub),
  };
}
