/**
 * Apply the migrations at start, under PostgreSQL's advisory lock (Kysely's Migrator takes it), so two
 * servers starting together migrate once. A store that has a migration this code does not know was written
 * by a newer Equilens: refuse to start rather than guess.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { EquilensError } from '../errors.js';
import { VERSION } from '../version.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATION_TABLE = 'equilens_migration';

async function appliedNames(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${MIGRATION_TABLE}) as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

export async function migrate(
  db: Kysely<unknown>,
  migrations: Record<string, Migration> = MIGRATIONS,
): Promise<string[]> {
  const unknown = (await appliedNames(db)).filter((n) => !(n in migrations));
  if (unknown.length > 0)
    throw new EquilensError(
      'invalid_config',
      `The application store was written by a newer Equilens (it has migration ${unknown.join(', ')}, which Equilens ${VERSION} does not know).`,
      {
        fix: 'Upgrade Equilens to the version that last ran on this store (npm install equilens@latest), then start the server again.',
      },
    );
  // Name the schema: Kysely's table check otherwise sees a migration table in any schema of the database.
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s;
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error)
    throw new EquilensError(
      'internal',
      `Migrating the application store failed: ${String(error)}`,
      {},
      { cause: error },
    );
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
