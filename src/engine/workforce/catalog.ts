/**
 * Workforce versions: created atomically (schema, tables and catalog row in one transaction, so a failed
 * ingest leaves no half-written version and the newest stays what it was), listed and looked up like the
 * patient datasets (engine/workspace.ts).
 */
import { notFound } from '../../errors.js';
import type { Engine } from '../dialect.js';
import { createWorkforceTables, ensureWorkforceCatalog, workforceSchema } from './tables.js';

export interface WorkforceVersion {
  version: number;
  /** `wf<version>-<first 8 hex of the content hash>` */
  id: string;
  schema: string;
  contentHash: string;
  configHash: string | null;
  createdAt: string;
  rows: { read: number; loaded: number; rejected: number };
  /** Distinct employees, and distinct periods (0 when the extract has none). */
  employees: number;
  periods: number;
  meta: Record<string, unknown>;
}

interface CatalogRow {
  version: number;
  id: string;
  content_hash: string;
  config_hash: string | null;
  created_at: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  employees: number;
  periods: number;
  meta: string;
}

const fromRow = (r: CatalogRow): WorkforceVersion => ({
  version: Number(r.version),
  id: r.id,
  schema: workforceSchema(Number(r.version)),
  contentHash: r.content_hash,
  configHash: r.config_hash,
  createdAt: r.created_at,
  rows: { read: Number(r.rows_read), loaded: Number(r.rows_loaded), rejected: Number(r.rows_rejected) },
  employees: Number(r.employees),
  periods: Number(r.periods),
  meta: JSON.parse(r.meta) as Record<string, unknown>,
});

/** Every workforce version, oldest first (none when the workspace has no catalog yet). */
export async function listWorkforceVersions(engine: Engine): Promise<WorkforceVersion[]> {
  const [exists] = await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'workforce_versions'`,
  );
  if (!Number(exists?.n)) return [];
  const rows = await engine.all<CatalogRow & Record<string, unknown>>(
    'SELECT * FROM workforce_versions ORDER BY version',
  );
  return rows.map(fromRow);
}

/** A workforce version by number, or the newest when `version` is undefined. */
export async function getWorkforceVersion(engine: Engine, version?: number): Promise<WorkforceVersion> {
  const all = await listWorkforceVersions(engine);
  const found = version === undefined ? all.at(-1) : all.find((d) => d.version === version);
  if (found) return found;
  throw notFound(
    version === undefined
      ? 'The workspace has no workforce data yet.'
      : `Workforce version ${version} is not in the workspace (it has ${all.map((d) => d.version).join(', ') || 'none'}).`,
    {
      fix:
        version === undefined
          ? 'Load the HR extract of the config (its workforce: section) into the workspace first.'
          : 'Choose one of the workforce versions the workspace holds.',
      next: 'ingest_workforce',
    },
  );
}

export interface NewWorkforceVersion {
  contentHash: string;
  configHash?: string;
  rows: { read: number; loaded: number; rejected: number };
  meta?: Record<string, unknown>;
}

/**
 * Create the next workforce version atomically: `fill(schema, tx)` loads the tables (already created); the
 * catalog row, with the employee and period counts, is written last in the same transaction.
 */
export async function createWorkforceVersion(
  engine: Engine,
  summary: NewWorkforceVersion,
  fill: (schema: string, engine: Engine) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<WorkforceVersion> {
  await ensureWorkforceCatalog(engine);
  return engine.transaction(async (tx) => {
    const [{ next }] = (await tx.all<{ next: number }>(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM workforce_versions',
    )) as [{ next: number }];
    const version = Number(next);
    const schema = workforceSchema(version);
    await createWorkforceTables(tx, schema);
    await fill(schema, tx);
    const [counts] = (await tx.all<{ employees: number; periods: number }>(
      `SELECT COUNT(DISTINCT employee_id) AS employees, COUNT(DISTINCT NULLIF(period, '')) AS periods FROM ${schema}.employees`,
    )) as [{ employees: number; periods: number }];
    await tx.run(`INSERT INTO workforce_versions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
      version,
      `wf${version}-${summary.contentHash.slice(0, 8)}`,
      summary.contentHash,
      summary.configHash ?? null,
      now().toISOString(),
      summary.rows.read,
      summary.rows.loaded,
      summary.rows.rejected,
      Number(counts.employees),
      Number(counts.periods),
      JSON.stringify(summary.meta ?? {}),
    ]);
    return (await listWorkforceVersions(tx)).find((v) => v.version === version)!;
  });
}
