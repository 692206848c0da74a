/**
 * The PostgreSQL `Engine`: the same analysis plan runs here as in DuckDB (GROUP BY GROUPING SETS and
 * GROUPING() are in PostgreSQL since 9.5). The only module that imports `pg`. The engine speaks to a
 * `PostgresClient`: a `pg` connection (`openPostgres`) or PGlite, PostgreSQL in-process (`./pglite.ts`).
 * BIGINT (int8) and NUMERIC come back as numbers when they are safe integers / finite, like the DuckDB driver.
 */
import pg from 'pg';
import { EngineError, EquilensError } from '../../errors.js';
import type { Capabilities, Engine, Row, SqlValue } from '../dialect.js';
import { inTransaction, quoteIdent, type TransactionState } from '../dialect.js';
import { postgresDialect } from './dialect.js';

export const postgresCapabilities: Capabilities = {
  groupingSets: true,
  readsFiles: false,
  writesParquet: false,
  transactionalDdl: true,
};

/** What the engine needs from a PostgreSQL connection. */
export interface PostgresClient {
  /** One statement with parameters, or several separated by `;` without. */
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

export const INT8 = 20;
export const NUMERIC = 1700;

/** int8 text → a number when safe, else a bigint (counts as numbers, never strings). */
export const parseInt8 = (v: string): number | bigint => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : BigInt(v);
};

/** Per-client type parsers: counts as numbers, never strings. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return parseInt8;
    if (oid === NUMERIC && format !== 'binary') return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Connect to PostgreSQL (`url` like postgres://user:pass@host:5432/db).
 * @example
 *   const engine = await openPostgres(process.env.TEST_DATABASE_URL!);
 *   const rows = await engine.all('SELECT 42 AS answer');
 */
export async function openPostgres(url: string): Promise<Engine> {
  const client = new pg.Client({ connectionString: url, types });
  try {
    await client.connect();
  } catch (err) {
    throw new EquilensError(
      'engine_failure',
      `Could not connect to PostgreSQL: ${err instanceof Error ? err.message : String(err)}`,
      { fix: 'Check the connection URL, that the server is running and that the user may connect.' },
      { cause: err },
    );
  }
  return postgresEngine(client);
}

/** The PostgreSQL engine over `client`; `capabilities` overrides (e.g. no GROUPING SETS, to test the fallback). */
export function postgresEngine(
  client: PostgresClient,
  capabilities: Partial<Capabilities> = {},
  name = 'postgres',
): Engine {
  return new PostgresEngine(client, { ...postgresCapabilities, ...capabilities }, name);
}

class PostgresEngine implements Engine {
  readonly dialect = postgresDialect;
  private readonly tx: TransactionState = { depth: 0 };

  constructor(
    private readonly client: PostgresClient,
    readonly capabilities: Capabilities,
    readonly name: string,
  ) {}

  param(n: number): string {
    return `$${n}`;
  }

  ident(name: string): string {
    return quoteIdent(name);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    try {
      await this.client.query(sql, params.length ? toPg(params) : undefined);
    } catch (err) {
      throw new EngineError(this.name, err);
    }
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    try {
      const res = await this.client.query(sql, params.length ? toPg(params) : undefined);
      return res.rows as T[];
    } catch (err) {
      throw new EngineError(this.name, err);
    }
  }

  async transaction<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
    return inTransaction(this, this.tx, 'BEGIN', fn);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function toPg(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}
