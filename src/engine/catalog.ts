/**
 * A versioned catalogue: the table listing a workspace's immutable versions of one kind (the patient
 * datasets' `dataset_versions`, the workforce extracts' `workforce_versions`). Every kind has the same
 * columns — number, id, hashes, creation time, the reconciliation's row counts, then its own counts, then
 * free-form JSON meta — and each version lives in its own schema, created with its tables, filled and
 * catalogued in one transaction. Portable SQL (DuckDB and PostgreSQL).
 */
import type { EquilensError } from '../errors.js';
import type { Engine } from './dialect.js';

/** What every catalogued version has. */
export interface CatalogVersion {
  version: number;
  /** `<prefix><version>-<first 8 hex of the content hash>` */
  id: string;
  schema: string;
  contentHash: string;
  configHash: string | null;
  createdAt: string;
  rows: { read: number; loaded: number; rejected: number };
  meta: Record<string, unknown>;
}

/** What an ingest tells the catalogue about the version it makes. */
export interface NewCatalogVersion {
  contentHash: string;
  configHash?: string;
  rows: { read: number; loaded: number; rejected: number };
  meta?: Record<string, unknown>;
}

/** One kind of version: its table, id prefix, schema names and own counts. */
export interface CatalogKind<V extends CatalogVersion, C extends string> {
  table: string;
  idPrefix: string;
  schema: (version: number) => string;
  /** The kind's own counts (BIGINT NOT NULL columns between rows_rejected and meta), in column order. */
  counts: readonly C[];
  /** A query on a filled version's schema giving one row with a column per count. */
  countsSql: (schema: string) => string;
  /** The listed version from the common fields and the kind's counts. */
  toVersion: (common: CatalogVersion, counts: Record<C, number>) => V;
  /** The error for a missing version (`undefined`: the newest, of none); `have` lists those there are. */
  notFound: (version: number | undefined, have: string) => EquilensError;
}

const COMMON = ['version', 'id', 'content_hash', 'config_hash', 'created_at'] as const;
const ROWS = ['rows_read', 'rows_loaded', 'rows_rejected'] as const;
const columns = (counts: readonly string[]): string[] => [...COMMON, ...ROWS, ...counts, 'meta'];

/** Create the kind's catalogue table unless the workspace has it. */
export async function ensureCatalog<V extends CatalogVersion, C extends string>(
  engine: Engine,
  kind: CatalogKind<V, C>,
): Promise<void> {
  const counts = [...ROWS, ...kind.counts].map((c) => `    ${c} BIGINT NOT NULL,`);
  await engine.run(`CREATE TABLE IF NOT EXISTS ${kind.table} (
    version INTEGER PRIMARY KEY,
    id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    config_hash VARCHAR,
    created_at VARCHAR NOT NULL,
${counts.join('\n')}
    meta VARCHAR NOT NULL
  )`);
}

type StoredRow = Record<string, unknown>;

function fromRow<V extends CatalogVersion, C extends string>(kind: CatalogKind<V, C>, r: StoredRow): V {
  const version = Number(r.version);
  const counts = Object.fromEntries(kind.counts.map((c) => [c, Number(r[c])])) as Record<C, number>;
  const common: CatalogVersion = {
    version,
    id: String(r.id),
    schema: kind.schema(version),
    contentHash: String(r.content_hash),
    configHash: r.config_hash === null ? null : String(r.config_hash),
    createdAt: String(r.created_at),
    rows: { read: Number(r.rows_read), loaded: Number(r.rows_loaded), rejected: Number(r.rows_rejected) },
    meta: JSON.parse(String(r.meta)) as Record<string, unknown>,
  };
  return kind.toVersion(common, counts);
}

/** Every version of the kind, oldest first (none when the workspace has no such catalogue yet). */
export async function listVersions<V extends CatalogVersion, C extends string>(
  engine: Engine,
  kind: CatalogKind<V, C>,
): Promise<V[]> {
  const [exists] = await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = $1`,
    [kind.table],
  );
  if (!Number(exists?.n)) return [];
  const rows = await engine.all(
    `SELECT ${columns(kind.counts).join(', ')} FROM ${kind.table} ORDER BY version`,
  );
  return rows.map((r) => fromRow(kind, r));
}

/** A version by number, or the newest when `version` is undefined; the kind's not-found error if absent. */
export async function getVersion<V extends CatalogVersion, C extends string>(
  engine: Engine,
  kind: CatalogKind<V, C>,
  version?: number,
): Promise<V> {
  const all = await listVersions(engine, kind);
  const found = version === undefined ? all.at(-1) : all.find((d) => d.version === version);
  if (found) return found;
  throw kind.notFound(version, all.map((d) => d.version).join(', ') || 'none');
}

/**
 * Create the next version atomically: `build(schema, tx)` creates the schema with its tables and fills
 * them; the catalogue row, with the kind's counts, is written last in the same transaction. If anything
 * throws, nothing of the new version remains and the newest stays what it was.
 */
export async function createVersion<V extends CatalogVersion, C extends string>(
  engine: Engine,
  kind: CatalogKind<V, C>,
  summary: NewCatalogVersion,
  build: (schema: string, engine: Engine) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<V> {
  await ensureCatalog(engine, kind);
  return engine.transaction(async (tx) => {
    const [top] = await tx.all<{ next: number }>(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM ${kind.table}`,
    );
    const version = Number(top?.next ?? 1);
    const schema = kind.schema(version);
    await build(schema, tx);
    const [counted] = await tx.all(kind.countsSql(schema));
    const cols = columns(kind.counts);
    await tx.run(
      `INSERT INTO ${kind.table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => tx.param(i + 1)).join(', ')})`,
      [
        version,
        `${kind.idPrefix}${version}-${summary.contentHash.slice(0, 8)}`,
        summary.contentHash,
        summary.configHash ?? null,
        now().toISOString(),
        summary.rows.read,
        summary.rows.loaded,
        summary.rows.rejected,
        ...kind.counts.map((c) => Number(counted?.[c] ?? 0)),
        JSON.stringify(summary.meta ?? {}),
      ],
    );
    return getVersion(tx, kind, version);
  });
}
