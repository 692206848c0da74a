/**
 * The workspace: an embedded DuckDB file (default `.equilens/` beside the config; `--workspace DIR`).
 * Each ingest creates a new immutable dataset version in its own schema `ds_<version>`, written inside one
 * transaction: a failed ingest leaves earlier versions untouched and no half-written version behind.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { notFound } from '../errors.js';
import { createTableSql, datasetSchema, type CanonicalTable, type ColumnDef } from '../model/index.js';
import type { Engine } from './dialect.js';
import { openDuckDB } from './duckdb/duckdb-driver.js';

export const WORKSPACE_FILE = 'equilens.duckdb';

export interface Workspace {
  dir: string;
  engine: Engine;
  close(): Promise<void>;
}

/** Where the workspace is: `--workspace DIR` if given, else `.equilens/` beside the config file. */
export function resolveWorkspaceDir(configDir: string, workspace?: string, cwd = process.cwd()): string {
  return workspace ? resolve(cwd, workspace) : join(configDir, '.equilens');
}

export interface OpenWorkspaceOptions {
  /**
   * Open the workspace read-only (DuckDB `access_mode: READ_ONLY`): nothing is created or written, an
   * archived (read-only) workspace can be read, and several readers can work at once. Commands that only
   * read (datasets, quality, analyze) use it; a missing workspace is then `not_found`.
   */
  readOnly?: boolean;
}

/**
 * Open (creating if needed) the workspace in `dir`; with `readOnly`, open an existing one for reading.
 * @example
 *   const ws = await openWorkspace('.equilens', { readOnly: true });
 *   const versions = await listDatasets(ws.engine);
 */
export async function openWorkspace(dir: string, opts: OpenWorkspaceOptions = {}): Promise<Workspace> {
  const file = join(dir, WORKSPACE_FILE);
  if (opts.readOnly) {
    if (!existsSync(file)) {
      throw notFound(`No workspace in ${dir}.`, {
        file: dir,
        fix: 'Load data into a workspace first, or name the workspace folder.',
        next: 'workspace_missing',
      });
    }
    // A query that spills writes beside the database by default, which a read-only folder refuses.
    const engine = await openDuckDB(file, { access_mode: 'READ_ONLY', temp_directory: spillDir() });
    return { dir, engine, close: () => engine.close() };
  }
  mkdirSync(dir, { recursive: true });
  // New workspace files use DuckDB's current storage format (readable by DuckDB ≥ 1.5 only): ~15% less
  // ingest CPU at 10M rows and ~2× faster scans than the default, backwards-compatible format.
  const engine = await openDuckDB(file, { storage_compatibility_version: 'v1.5.0' });
  await engine.run(`CREATE TABLE IF NOT EXISTS dataset_versions (
    version INTEGER PRIMARY KEY,
    id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    config_hash VARCHAR,
    created_at VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_loaded BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    patients BIGINT NOT NULL,
    measure_rows BIGINT NOT NULL,
    meta VARCHAR NOT NULL
  )`);
  return { dir, engine, close: () => engine.close() };
}

/** Where a read-only workspace's queries spill: this process's own folder under the system temp dir. */
const spillDir = (): string => join(tmpdir(), `equilens-spill-${process.pid}`);

/** One immutable dataset version, as listed by `equilens datasets`. */
export interface DatasetVersion {
  version: number;
  /** `v<version>-<first 8 hex of the content hash>` */
  id: string;
  schema: string;
  contentHash: string;
  configHash: string | null;
  createdAt: string;
  rows: { read: number; loaded: number; rejected: number };
  patients: number;
  measureRows: number;
  /** Free-form JSON: sources, files, reconciliation details, warnings. */
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
  patients: number;
  measure_rows: number;
  meta: string;
}

const fromRow = (r: CatalogRow): DatasetVersion => ({
  version: r.version,
  id: r.id,
  schema: datasetSchema(r.version),
  contentHash: r.content_hash,
  configHash: r.config_hash,
  createdAt: r.created_at,
  rows: { read: r.rows_read, loaded: r.rows_loaded, rejected: r.rows_rejected },
  patients: r.patients,
  measureRows: r.measure_rows,
  meta: JSON.parse(r.meta) as Record<string, unknown>,
});

export async function listDatasets(engine: Engine): Promise<DatasetVersion[]> {
  const rows = await engine.all<CatalogRow & Record<string, unknown>>(
    'SELECT * FROM dataset_versions ORDER BY version',
  );
  return rows.map(fromRow);
}

/** A dataset version by number, or the newest when `version` is undefined. */
export async function getDataset(engine: Engine, version?: number): Promise<DatasetVersion> {
  const all = await listDatasets(engine);
  const found = version === undefined ? all.at(-1) : all.find((d) => d.version === version);
  if (!found) {
    throw notFound(
      version === undefined
        ? 'The workspace has no dataset yet.'
        : `Dataset version ${version} is not in the workspace (it has ${all.map((d) => d.version).join(', ') || 'none'}).`,
      version === undefined
        ? { fix: 'Load data into the workspace first.', next: 'ingest' }
        : { fix: 'Choose one of the versions the workspace holds.', next: 'list_datasets' },
    );
  }
  return found;
}

export interface NewVersionSummary {
  contentHash: string;
  configHash?: string;
  rows: { read: number; loaded: number; rejected: number };
  meta?: Record<string, unknown>;
  /** Extra columns per canonical table (custom attributes). */
  extraColumns?: Partial<Record<CanonicalTable, ColumnDef[]>>;
}

/**
 * Create the next dataset version atomically. `fill(schema)` loads the canonical tables (already created
 * in `schema`); the catalog row is written last, in the same transaction. If anything throws, nothing
 * of the new version remains.
 */
export async function createDatasetVersion(
  engine: Engine,
  summary: NewVersionSummary,
  fill: (schema: string, engine: Engine) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<DatasetVersion> {
  return engine.transaction(async (tx) => {
    const [{ next }] = (await tx.all<{ next: number }>(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM dataset_versions',
    )) as [{ next: number }];
    const schema = datasetSchema(next);
    await tx.run(`CREATE SCHEMA ${schema}`);
    for (const table of ['patients', 'measure_rows', 'rejections', 'unmapped'] as const) {
      await tx.run(createTableSql(schema, table, summary.extraColumns?.[table] ?? []));
    }
    await fill(schema, tx);
    const [counts] = (await tx.all<{ patients: number; measure_rows: number }>(
      `SELECT (SELECT COUNT(*) FROM ${schema}.patients) AS patients, (SELECT COUNT(*) FROM ${schema}.measure_rows) AS measure_rows`,
    )) as [{ patients: number; measure_rows: number }];
    const id = `v${next}-${summary.contentHash.slice(0, 8)}`;
    await tx.run(`INSERT INTO dataset_versions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
      next,
      id,
      summary.contentHash,
      summary.configHash ?? null,
      now().toISOString(),
      summary.rows.read,
      summary.rows.loaded,
      summary.rows.rejected,
      counts.patients,
      counts.measure_rows,
      JSON.stringify(summary.meta ?? {}),
    ]);
    return getDataset(tx, next);
  });
}
