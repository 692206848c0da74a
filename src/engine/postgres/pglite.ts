/**
 * The PostgreSQL engine over PGlite (PostgreSQL compiled to WebAssembly, in-process): the real driver,
 * with parameters and transactions, without a server. Used by tests and the conformance suite.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Capabilities, Engine } from '../dialect.js';
import { INT8, NUMERIC, parseInt8, postgresEngine, type PostgresClient } from './postgres-driver.js';

const parsers = { [INT8]: parseInt8, [NUMERIC]: (v: string) => Number(v) };

/** A `PostgresClient` over `db`: several statements go through `exec`, one with parameters through `query`. */
export function pgliteClient(db: PGlite, closeDb = false): PostgresClient {
  return {
    async query(sql, params) {
      if (params === undefined) {
        const results = await db.exec(sql, { parsers });
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return { rows: (await db.query(sql, params, { parsers })).rows };
    },
    end: async () => (closeDb ? db.close() : undefined),
  };
}

/** The PostgreSQL engine over PGlite `db` (closing the engine leaves `db` open). */
export const pgliteEngine = (db: PGlite, capabilities: Partial<Capabilities> = {}): Engine =>
  postgresEngine(pgliteClient(db), capabilities, 'pglite');
