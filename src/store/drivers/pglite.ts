/**
 * The store's embedded driver: PGlite in a folder of the workspace (`.equilens/app/`), or in memory, behind
 * Kysely's PostgreSQL dialect through a one-connection pool (pglite-pool.ts).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PostgresDialect } from 'kysely';
import { pglitePool } from './pglite-pool.js';

export async function pgliteDialect(dir: string | undefined): Promise<PostgresDialect> {
  if (dir) mkdirSync(dir, { recursive: true });
  const lite = new PGlite(dir);
  await lite.waitReady;
  return new PostgresDialect({ pool: pglitePool(lite) });
}
