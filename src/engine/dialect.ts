/**
 * One small interface every SQL engine implements (kysely-style): the analysis and ingest code speak to an
 * `Engine`, never to a driver. Differences between engines are capability flags, never `if (engine === …)`.
 * Aggregation runs where the data lives; only counts come back.
 */

/** A value bound to a `?`/`$n` parameter or read back from a row. */
export type SqlValue = string | number | bigint | boolean | null | Date | readonly SqlValue[];
export type Row = Record<string, unknown>;

export interface Capabilities {
  /** GROUP BY GROUPING SETS / CUBE / ROLLUP with GROUPING(). */
  groupingSets: boolean;
  /** Can read CSV/Parquet files directly (read_csv, read_parquet). */
  readsFiles: boolean;
  /** Can write Parquet (COPY … TO 'x.parquet'). */
  writesParquet: boolean;
  /** Supports `CREATE SCHEMA` inside a transaction that can be rolled back. */
  transactionalDdl: boolean;
}

export interface Engine {
  /** A stable name for messages and benchmarks only; use `capabilities` for behaviour. */
  readonly name: string;
  readonly capabilities: Capabilities;
  /**
   * Placeholder for the n-th (1-based) parameter: `$1` in both DuckDB and PostgreSQL.
   * Kept in the interface so a dialect with `?` placeholders can be added.
   */
  param(n: number): string;
  /** Quote an identifier. */
  ident(name: string): string;
  /** Run a statement (or several separated by `;`, when no params). */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Run a query and return every row as a plain object (BIGINT → number when safe). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Run `fn` in a transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (engine: Engine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Double-quote an SQL identifier (both engines). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Quote an SQL string literal (for file paths in read_csv etc. where parameters are not allowed). */
export const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Transaction nesting state kept by each driver: nested `transaction()` calls join the outer one. */
export interface TransactionState {
  depth: number;
}

/**
 * Run `fn` in a transaction on `engine` (committed if it resolves, rolled back if it throws). A call made
 * inside another transaction joins it. `begin` is the dialect's BEGIN statement.
 */
export async function inTransaction<T>(
  engine: Engine,
  state: TransactionState,
  begin: string,
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  if (state.depth > 0) return fn(engine);
  state.depth++;
  await engine.run(begin);
  try {
    const result = await fn(engine);
    await engine.run('COMMIT');
    return result;
  } catch (err) {
    await engine.run('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    state.depth--;
  }
}
