/**
 * Open the application store: real PostgreSQL when a `postgres://` URL is given (`DATABASE_URL`), else
 * PGlite embedded in a folder of the workspace (`.equilens/app/`), or in memory when no folder is given.
 * Migrations are applied before the store is handed out.
 */
import { Kysely } from 'kysely';
import { pgliteDialect } from './drivers/pglite.js';
import { postgresDialect } from './drivers/postgres.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';

export interface StoreOptions {
  /** `postgres://…`: use a PostgreSQL server. */
  databaseUrl?: string;
  /** PGlite data folder (created); omitted: in memory. */
  dir?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one); created when missing. */
  schema?: string;
}

export interface Store {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const kind: Store['kind'] = opts.databaseUrl ? 'postgres' : 'pglite';
  const dialect = opts.databaseUrl
    ? await postgresDialect(opts.databaseUrl, opts.schema)
    : await pgliteDialect(opts.dir);
  const db = new Kysely<DB>({ dialect });
  try {
    await migrate(db as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, kind, close: () => db.destroy() };
}
