/**
 * The store's PostgreSQL server driver: a `pg` pool behind Kysely's PostgreSQL dialect, optionally in its own
 * schema (tests isolate themselves in one). The only file of src/store that imports `pg`.
 */
import { PostgresDialect } from 'kysely';
import pg from 'pg';

const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Create `schema` when missing, under an advisory lock: two servers starting together would race on it. */
async function ensureSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock(hashtext($1))', [`equilens-schema:${schema}`]);
    await c.query(`create schema if not exists ${ident(schema)}`);
  } finally {
    await c.end();
  }
}

export async function postgresDialect(url: string, schema: string | undefined): Promise<PostgresDialect> {
  if (schema) await ensureSchema(url, schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new PostgresDialect({ pool });
}
