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
import {
  createVersion,
  ensureCatalog,
  getVersion,
  listVersions,
  type CatalogKind,
  type CatalogVersion,
  type NewCatalogVersion,
} from './catalog.js';
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
  await ensureCatalog(engine, DATASETS);
  return { dir, engine, close: () => engine.close() };
}

/** Where a read-only workspace's queries spill: this process's own folder under the system temp dir. */
const spillDir = (): string => join(tmpdir(), `equilens-spill-${process.pid}`);

/** One immutable dataset version, as listed by `equilens datasets`. */
export interface DatasetVersion extends CatalogVersion {
  patients: number;
  measureRows: number;
  /** Free-form JSON: sources, files, reconciliation details, warnings. */
  meta: Record<string, unknown>;
}

/** The patient datasets' catalogue (engine/catalog.ts): `v<version>-<hash>` in schema `ds_<version>`. */
const DATASETS: CatalogKind<DatasetVersion, 'patients' | 'measure_rows'> = {
  table: 'dataset_versions',
  idPrefix: 'v',
  schema: datasetSchema,
  counts: ['patients', 'measure_rows'],
  countsSql: (schema) =>
    `SELECT (SELECT COUNT(*) FROM ${schema}.patients) AS patients, (SELECT COUNT(*) FROM ${schema}.measure_rows) AS measure_rows`,
  toVersion: (common, counts) => ({
    ...common,
    patients: counts.patients,
    measureRows: counts.measure_rows,
  }),
  notFound: (version, have) =>
    notFound(
      version === undefined
        ? 'The workspace has no dataset yet.'
        : `Dataset version ${version} is not in the workspace (it has ${have}).`,
      version === undefined
        ? { fix: 'Load data into the workspace first.', next: 'ingest' }
        : { fix: 'Choose one of the versions the workspace holds.', next: 'list_datasets' },
    ),
};

export const listDatasets = (engine: Engine): Promise<DatasetVersion[]> => listVersions(engine, DATASETS);

/** A dataset version by number, or the newest when `version` is undefined. */
export const getDataset = (engine: Engine, version?: number): Promise<DatasetVersion> =>
  getVersion(engine, DATASETS, version);

export interface NewVersionSummary extends NewCatalogVersion {
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
  const build = async (schema: string, tx: Engine): Promise<void> => {
    await tx.run(`CREATE SCHEMA ${schema}`);
    for (const table of ['patients', 'measure_rows', 'rejections', 'unmapped'] as const) {
      await tx.run(createTableSql(schema, table, summary.extraColumns?.[table] ?? []));
    }
    await fill(schema, tx);
  };
  return createVersion(engine, DATASETS, summary, build, now);
}
