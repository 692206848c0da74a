/**
 * The algorithm inventory: decision-support tools and the audits run on them. Every change is audited in
 * the same transaction. Importing an audit also records it as the tool's last audit and result.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { Algorithm, AlgorithmAudit, DB } from './schema.js';

export interface AlgorithmFields {
  name: string;
  vendor: string;
  purpose: string;
  decisions: string;
  inputs: string[];
  protected_inputs: string[];
  owner: string;
  unit_id: string | null;
  last_audit_on: string | null;
  last_audit_result: string;
  mitigation: string;
}

export type AuditSummaryRow = Omit<AlgorithmAudit, 'results'>;

const json = (v: unknown) => JSON.stringify(v) as never;

export async function createAlgorithm(db: Kysely<DB>, actor: string, f: AlgorithmFields): Promise<Algorithm> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('algorithms')
      .values({
        id: randomUUID(),
        ...f,
        inputs: json(f.inputs),
        protected_inputs: json(f.protected_inputs),
        created_by: actor,
        updated_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'algorithm.create', table: 'algorithms', id: row.id, after: row });
    return row;
  });
}

export async function updateAlgorithm(
  db: Kysely<DB>,
  actor: string,
  id: string,
  f: AlgorithmFields,
): Promise<Algorithm | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('algorithms')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    const row = await trx
      .updateTable('algorithms')
      .set({
        ...f,
        inputs: json(f.inputs),
        protected_inputs: json(f.protected_inputs),
        updated_by: actor,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'algorithm.update', table: 'algorithms', id, before, after: row });
    return row;
  });
}

export const listAlgorithms = (db: Kysely<DB>): Promise<Algorithm[]> =>
  db.selectFrom('algorithms').selectAll().orderBy('name').orderBy('id').execute();

export const findAlgorithm = (db: Kysely<DB>, id: string): Promise<Algorithm | undefined> =>
  db.selectFrom('algorithms').selectAll().where('id', '=', id).executeTakeFirst();

const AUDIT_SUMMARY = [
  'id',
  'algorithm_id',
  'title',
  'summary',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

/** Store an audit file with its summary, and make it the tool's last audit (one transaction). */
export async function importAlgorithmAudit(
  db: Kysely<DB>,
  actor: string,
  algorithmId: string,
  title: string,
  summary: { result: string; [k: string]: unknown },
  results: unknown,
  on: string,
): Promise<AuditSummaryRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('algorithm_audits')
      .values({
        id: randomUUID(),
        algorithm_id: algorithmId,
        title,
        summary: json(summary),
        results: json(results),
        created_by: actor,
        updated_by: actor,
      })
      .returning(AUDIT_SUMMARY)
      .executeTakeFirstOrThrow();
    const before = await trx
      .selectFrom('algorithms')
      .select(['last_audit_on', 'last_audit_result'])
      .where('id', '=', algorithmId)
      .executeTakeFirstOrThrow();
    const after = { last_audit_on: on, last_audit_result: summary.result };
    await trx
      .updateTable('algorithms')
      .set({ ...after, updated_by: actor, updated_at: new Date() })
      .where('id', '=', algorithmId)
      .execute();
    await audit(trx, {
      actor,
      action: 'algorithm_audit.import',
      table: 'algorithm_audits',
      id: row.id,
      after: row,
    });
    await audit(trx, {
      actor,
      action: 'algorithm.last_audit',
      table: 'algorithms',
      id: algorithmId,
      before,
      after,
    });
    return row;
  });
}

export const listAlgorithmAudits = (db: Kysely<DB>, algorithmId: string): Promise<AuditSummaryRow[]> =>
  db
    .selectFrom('algorithm_audits')
    .select(AUDIT_SUMMARY)
    .where('algorithm_id', '=', algorithmId)
    .orderBy('created_at', 'desc')
    .execute();

export async function loadAlgorithmAudit(
  db: Kysely<DB>,
  algorithmId: string,
  id: string,
): Promise<AlgorithmAudit | undefined> {
  return db
    .selectFrom('algorithm_audits')
    .selectAll()
    .where('algorithm_id', '=', algorithmId)
    .where('id', '=', id)
    .executeTakeFirst();
}
