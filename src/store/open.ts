/**
 * Open the application store: real PostgreSQL when a `postgres://` URL is given (`DATABASE_URL`), else
 * PGlite embedded in a folder of the workspace (`.equilens/app/`), or in memory when no folder is given.
 * Migrations are applied before the store is handed out.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrate.js';
import { pglitePool } from './pglite-pool.js';
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

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

async function postgresPool(url: string, schema: string | undefined): Promise<pg.Pool> {
  if (schema) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // Two servers starting together would race on `create schema if not exists`: take a lock first.
    try {
      await c.query('select pg_advisory_lock(hashtext($1))', [`equilens-schema:${schema}`]);
      await c.query(`create schema if not exists ${ident(schema)}`);
    } finally {
      await c.end();
    }
  }
  return new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
}

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  let dialect: PostgresDialect;
  let kind: Store['kind'];
  if (opts.databaseUrl) {
    dialect = new PostgresDialect({ pool: await postgresPool(opts.databaseUrl, opts.schema) });
    kind = 'postgres';
  } else {
    if (opts.dir) mkdirSync(opts.dir, { recursive: true });
    const lite = new PGlite(opts.dir);
    await lite.waitReady;
    dialect = new PostgresDialect({ pool: pglitePool(lite) });
    kind = 'pglite';
  }
  const db = new Kysely<DB>({ dialect });
  try {
    await migrate(db as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, kind, close: () => db.destroy() };
}
