/**
 * Stage CDM tables from a PostgreSQL schema, read through the PostgreSQL engine (DuckDB's postgres
 * extension is not available offline) in keyset-paginated batches (`WHERE key > last ORDER BY key LIMIT n`), every column
 * read as text. `_file` is `postgresql:<schema>.<table>` (never the connection string, which may carry a
 * password) and `_line` the row's ordinal in key order.
 */
import { invalidInput } from '../../errors.js';
import type { Engine, SqlValue } from '../../engine/dialect.js';
import { quoteIdent } from '../../engine/dialect.js';
import { stageTable, type CdmTable } from './cdm-tables.js';

/** The part of the source engine (PostgreSQL: a server or PGlite) the reader needs. */
export type PgQueryable = Pick<Engine, 'all'>;

export const PG_BATCH = 5000;
const INSERT_CHUNK = 500;

/** Columns of every table in `schema`, keyed by lower-case table name (values: actual column names). */
export async function pgSchemaColumns(
  db: PgQueryable,
  schema: string,
): Promise<{ tables: Map<string, { name: string; columns: Map<string, string> }> }> {
  const rows = await db.all(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  if (rows.length === 0) {
    throw invalidInput(`The PostgreSQL schema "${schema}" has no tables (or does not exist).`, {
      path: 'sources[].schema',
      fix: 'Name the schema holding the CDM tables with `schema:` or `#schema` after the connection URL.',
    });
  }
  const tables = new Map<string, { name: string; columns: Map<string, string> }>();
  for (const r of rows) {
    const t = String(r.table_name);
    const entry = tables.get(t.toLowerCase()) ?? { name: t, columns: new Map<string, string>() };
    entry.columns.set(String(r.column_name).toLowerCase(), String(r.column_name));
    tables.set(t.toLowerCase(), entry);
  }
  return { tables };
}

/** Copy one CDM table into its stage; undefined when the schema has no such table. */
export async function stagePgTable(
  engine: Engine,
  db: PgQueryable,
  schema: string,
  found: { name: string; columns: Map<string, string> } | undefined,
  table: CdmTable,
  batch = PG_BATCH,
): Promise<{ file: string; rows: number } | undefined> {
  if (!found) return undefined;
  const file = `postgresql:${schema}.${found.name}`;
  if (table.person && !found.columns.has(table.person)) {
    throw invalidInput(`The PostgreSQL table ${schema}.${found.name} has no ${table.person} column.`, {
      file,
      column: table.person,
      fix: `Check that ${schema} holds OMOP CDM v5.4 tables.`,
    });
  }
  const select = table.columns.map((c) => {
    const src = found.columns.get(c);
    return src ? `${quoteIdent(src)}::text AS ${quoteIdent(c)}` : `NULL::text AS ${quoteIdent(c)}`;
  });
  const from = `${quoteIdent(schema)}.${quoteIdent(found.name)}`;
  const key = found.columns.get(table.key);
  let line = 0;
  let last: SqlValue | undefined = undefined;
  for (;;) {
    const where = key && last !== undefined ? `WHERE ${quoteIdent(key)} > $1` : '';
    const order = key ? `ORDER BY ${quoteIdent(key)}` : '';
    const limit = key ? `LIMIT ${batch}` : '';
    const rows = await db.all(
      `SELECT ${key ? `${quoteIdent(key)} AS _key, ` : ''}${select.join(', ')} FROM ${from} ${where} ${order} ${limit}`,
      key && last !== undefined ? [last] : [],
    );
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const params: SqlValue[] = [];
      const tuples = chunk.map((r) => {
        line++;
        const vals: SqlValue[] = [file, line, ...table.columns.map((c) => (r[c] ?? null) as SqlValue)];
        const start = params.length;
        params.push(...vals);
        return `(${vals.map((_, j) => engine.param(start + j + 1)).join(', ')})`;
      });
      await engine.run(`INSERT INTO ${stageTable(table.name)} VALUES ${tuples.join(', ')}`, params);
    }
    if (!key || rows.length < batch) break;
    last = rows[rows.length - 1]?._key as SqlValue | undefined;
  }
  return { file, rows: line };
}
