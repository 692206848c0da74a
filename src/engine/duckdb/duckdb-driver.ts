/**
 * The only module that imports `@duckdb/node-api` (DuckDB's "neo" Node API).
 * Maps: DuckDBInstance.create (duckdb_open_ext), connect (duckdb_connect), runAndReadAll (duckdb_query).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { EngineError, EquilensError } from '../../errors.js';
import type { Capabilities, Engine, Row, SqlValue } from '../dialect.js';
import { inTransaction, quoteIdent, type TransactionState } from '../dialect.js';
import { duckdbDialect } from './dialect.js';

export const duckdbCapabilities: Capabilities = {
  groupingSets: true,
  readsFiles: true,
  writesParquet: true,
  transactionalDdl: true,
};

/**
 * Open (or create) a DuckDB database. `path` ':memory:' (default) for an in-memory engine.
 * @example
 *   const engine = await openDuckDB('.equilens/equilens.duckdb');
 *   const rows = await engine.all('SELECT 42 AS answer');
 */
export async function openDuckDB(path = ':memory:', options: Record<string, string> = {}): Promise<Engine> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, options);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const locked = /lock/i.test(msg);
    throw new EquilensError(
      locked ? 'invalid_input' : 'engine_failure',
      locked
        ? `The workspace database ${path} is in use by another Equilens process.`
        : `Could not open the DuckDB database ${path}: ${msg}`,
      {
        file: path,
        ...(locked
          ? {
              fix: 'Wait for the other process to finish, or use another workspace.',
              next: 'workspace_busy' as const,
            }
          : {}),
      },
      { cause: err },
    );
  }
  const connection = await instance.connect();
  return new DuckDBEngine(instance, connection);
}

class DuckDBEngine implements Engine {
  readonly name = 'duckdb';
  readonly capabilities = duckdbCapabilities;
  readonly dialect = duckdbDialect;
  private readonly tx: TransactionState = { depth: 0 };

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  param(n: number): string {
    return `$${n}`;
  }

  ident(name: string): string {
    return quoteIdent(name);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    try {
      await this.connection.run(sql, params.length ? toDuck(params) : undefined);
    } catch (err) {
      throw new EngineError('duckdb', err);
    }
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params.length ? toDuck(params) : undefined);
      return reader.getRowObjectsJS().map((row) => normalizeRow(row) as T);
    } catch (err) {
      throw new EngineError('duckdb', err);
    }
  }

  async transaction<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
    return inTransaction(this, this.tx, 'BEGIN TRANSACTION', fn);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toDuck(params: readonly SqlValue[]): DuckDBValue[] {
  return params.map((p) =>
    p instanceof Date ? p.toISOString() : Array.isArray(p) ? JSON.stringify(p) : p,
  ) as DuckDBValue[];
}

/** BIGINT → number when it fits (counts), so callers get plain numbers. */
function normalizeRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normalizeValue(v);
  return out;
}

function normalizeValue(v: unknown): unknown {
  if (typeof v === 'bigint')
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(normalizeValue);
  return v;
}
