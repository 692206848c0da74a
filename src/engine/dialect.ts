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

/**
 * The SQL spellings that differ between engines: shared code asks the dialect instead of writing one
 * engine's spelling (or testing `engine.name`). Each engine's folder owns one (`src/engine/<name>/dialect.ts`).
 */
export interface Dialect {
  /** The 64-bit floating-point type: DOUBLE (DuckDB), DOUBLE PRECISION (PostgreSQL). */
  readonly double: string;
  /** `expr` cast to `type`, NULL when it does not convert (DuckDB TRY_CAST). `type` is an SQL type name. */
  tryCast(expr: string, type: string): string;
  /** The value of `value` on the row with the largest `by` in the group (DuckDB arg_max). */
  argMax(value: string, by: string): string;
  /** True when `text` matches the whole regular expression `pattern` (an SQL string expression). */
  fullMatch(text: string, pattern: string): string;
  /** Element `n` (1-based) of `text` split at `separator` (NULL or '' past the end). */
  splitPart(text: string, separator: string, n: number): string;
  /** A query listing `table_name` of the tables and views in `schema` (a quoted literal). */
  tablesInSchema(schemaLiteral: string): string;
  /** A query listing `column_name`, `data_type` of `schema.table` (quoted literals), in column order. */
  columnsOf(schemaLiteral: string, tableLiteral: string): string;
  /**
   * Session settings the engine lets a load tune (DuckDB: threads, write_buffer_row_group_count);
   * undefined when the engine has none, and then tuning is skipped.
   */
  readonly settings?: SessionSettings;
}

/** Integer session settings read and set by name. */
export interface SessionSettings {
  read(engine: Engine, names: readonly string[]): Promise<Map<string, number>>;
  set(engine: Engine, name: string, value: number): Promise<void>;
}

export interface Engine {
  /** A stable name for messages and benchmarks only; use `capabilities` and `dialect` for behaviour. */
  readonly name: string;
  readonly capabilities: Capabilities;
  readonly dialect: Dialect;
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
/** The SQL-standard catalogue queries both engines answer the same way. */
export const informationSchema: Pick<Dialect, 'tablesInSchema' | 'columnsOf'> = {
  tablesInSchema: (schema) =>
    `SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} ORDER BY table_name`,
  columnsOf: (schema, table) =>
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = ${schema} AND table_name = ${table} ORDER BY ordinal_position`,
};

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
