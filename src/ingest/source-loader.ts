/**
 * The contract between `equilens ingest` and each kind of source (CSV/TSV/Parquet, FHIR, OMOP).
 * The orchestrator (ingest.ts) opens a new dataset version (see engine/workspace.ts createDatasetVersion)
 * and calls the loader for each configured source with the schema to load into. A loader:
 * - writes canonical rows into `${schema}.patients` / `${schema}.measure_rows` (and, for clinical sources,
 *   the clinical event tables), and every rejected row into `${schema}.rejections` with file/line/column/reason;
 * - reports codes it could not map into `${schema}.unmapped`;
 * - returns its accounting: every row read is either loaded or rejected (read = loaded + rejected).
 * A loader throws EquilensError only for problems that make the whole source unusable (missing file,
 * missing required column, unreadable encoding); the transaction then rolls back the whole version.
 * A loader may also have a `prepare` step that the orchestrator runs BEFORE the version's transaction
 * opens: it reads its input into the connection's temp tables (which no dataset version holds, so a failed
 * ingest still leaves nothing behind) and hands what it made to the loader as `ctx.prepared`. DuckDB scans
 * a table written in the same transaction markedly more slowly, so staging outside it speeds every later pass.
 */
import type { EquilensConfig, SourceConfig } from '../config/index.js';
import type { Engine } from '../engine/dialect.js';
import type { Warning } from '../errors.js';

export interface LoadContext {
  engine: Engine;
  /** Schema of the dataset version being written, e.g. `ds_3`. */
  schema: string;
  source: SourceConfig;
  config: EquilensConfig;
  /** Absolute path(s) of the input: the source's path resolved against the config folder, or --data. */
  paths: string[];
  /** Progress callback (rows or resources done, total when known). */
  progress?: (done: number, total?: number) => void;
  /** What the loader's own `prepare` returned, when it has one and it ran. */
  prepared?: unknown;
}

/** What `prepare` gets: no schema (the version does not exist yet). */
export type PrepareContext = Omit<LoadContext, 'schema' | 'prepared'>;

export interface FileAccount {
  file: string;
  read: number;
  loaded: number;
  rejected: number;
}

export interface LoadResult {
  read: number;
  loaded: number;
  rejected: number;
  files: FileAccount[];
  warnings: Warning[];
}

export interface SourceLoader {
  (ctx: LoadContext): Promise<LoadResult>;
  /** Optional: read the input into temp tables before the version's transaction opens (see above). */
  prepare?: (ctx: PrepareContext) => Promise<unknown>;
}
