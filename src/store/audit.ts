/**
 * The audit log: every change writes one entry in the same transaction as the change (who, when, which
 * record, before → after). Entries are only ever inserted; the database refuses anything else.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry, DB } from './schema.js';

export interface Change {
  actor: string;
  action: string;
  table: string;
  id: string;
  before?: unknown;
  after?: unknown;
}

/** Never store a secret in the log. */
const SECRET = new Set(['password_hash']);
function scrub(row: unknown): string | null {
  if (row === undefined || row === null) return null;
  return JSON.stringify(row, (k, v: unknown) => (SECRET.has(k) ? '[redacted]' : v));
}

export async function audit(trx: Kysely<DB> | Transaction<DB>, c: Change): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor: c.actor,
      action: c.action,
      record_table: c.table,
      record_id: c.id,
      before: scrub(c.before),
      after: scrub(c.after),
    })
    .execute();
}

export async function listAudit(db: Kysely<DB>, limit = 500): Promise<AuditEntry[]> {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
