/**
 * An `Engine` over PGlite (PostgreSQL in-process), for tests that check generated SQL is portable to
 * PostgreSQL without a server. `groupingSets: false` exercises the UNION ALL fallback.
 */
import type { PGlite } from '@electric-sql/pglite';
import { quoteIdent, type Engine, type Row, type SqlValue } from '../dialect.js';

export function pgliteEngine(db: PGlite, groupingSets: boolean): Engine {
  const engine: Engine = {
    name: 'pglite-test',
    capabilities: { groupingSets, readsFiles: false, writesParquet: false, transactionalDdl: true },
    param: (n) => `$${n}`,
    ident: quoteIdent,
    run: async (sql) => void (await db.exec(sql)),
    all: async <T extends Row = Row>(sql: string, params: readonly SqlValue[] = []) =>
      (await db.query<T>(sql, params as unknown[])).rows,
    transaction: async (fn) => fn(engine),
    close: async () => undefined,
  };
  return engine;
}
