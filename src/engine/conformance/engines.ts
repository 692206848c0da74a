/**
 * The engines every conformance case runs on: DuckDB (the reference), PostgreSQL over PGlite with and
 * without GROUPING SETS (in every run), and a real PostgreSQL server when `TEST_DATABASE_URL` is set.
 * What an engine cannot do is listed in `unsupported` with the reason; the suite reports it, never hides it.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Engine } from '../dialect.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { pgliteEngine } from '../postgres/pglite.js';
import { openPostgres } from '../postgres/postgres-driver.js';

export type CaseName =
  'library measures' | 'analysis plan' | 'suppression inputs' | 'quality counts' | 'catalogue';

export interface ConformanceEngine {
  name: string;
  /** An engine with an empty `schema` ready; `dispose` drops what was made and closes. */
  open(schema: string): Promise<{ engine: Engine; dispose(): Promise<void> }>;
  unsupported: Partial<Record<CaseName, string>>;
}

const pglite = (groupingSets: boolean): ConformanceEngine => ({
  name: `PGlite (grouping sets: ${groupingSets})`,
  async open(schema) {
    const db = new PGlite();
    const engine = pgliteEngine(db, { groupingSets });
    await engine.run(`CREATE SCHEMA ${schema}`);
    return { engine, dispose: () => db.close() };
  },
  unsupported: {},
});

/** The engines to run; `url` a real PostgreSQL server (undefined: not in this run). */
export function conformanceEngines(url: string | undefined): ConformanceEngine[] {
  const engines: ConformanceEngine[] = [
    {
      name: 'DuckDB',
      async open(schema) {
        const engine = await openDuckDB(':memory:');
        await engine.run(`CREATE SCHEMA ${schema}`);
        return { engine, dispose: () => engine.close() };
      },
      unsupported: {},
    },
    pglite(true),
    pglite(false),
  ];
  if (url)
    engines.push({
      name: 'PostgreSQL server',
      async open(schema) {
        const engine = await openPostgres(url);
        await engine.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
        return {
          engine,
          dispose: async () => {
            await engine.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
            await engine.close();
          },
        };
      },
      unsupported: {},
    });
  return engines;
}
