/**
 * Rejected CSV lines: DuckDB's reject tables (ragged rows, bad encodings, stray quotes) copied into
 * `${schema}.rejections` with a plain-language reason, and the line numbers of the rows that were kept.
 * Line numbers count records: a quoted field that spans several physical lines shifts later line numbers
 * of rows rejected by the row checks (DuckDB's own rejects keep physical lines).
 */
import { quoteLiteral, type Engine } from '../../engine/dialect.js';
import type { Staged } from './stage.js';
import { STAGE_FILE_COLUMN } from './stage-columns.js';

const REASONS: Readonly<Record<string, string>> = {
  'MISSING COLUMNS': 'the row has fewer fields than the header',
  'TOO MANY COLUMNS': 'the row has more fields than the header',
  'INVALID ENCODING':
    'the row has bytes that are not valid in the file encoding (set sources[].encoding, e.g. latin-1)',
  'UNQUOTED VALUE': 'a field has a stray quote character',
  'LINE SIZE OVER MAXIMUM': 'the line is too long',
};

/**
 * At staging: record one file's line gaps (from DuckDB's reject table `${rejects}_e`) into `gaps`; returns
 * the number of rejected lines. The reject tables stay until `copyRejects`. Nothing per line comes to JS.
 */
export async function countRejects(
  engine: Engine,
  o: { rejects: string; gaps: string; index: number; headerLines: number },
): Promise<number> {
  const errors = `${o.rejects}_e`;
  // The j-th rejected line r (1-based j) has r - header - j staged rows before it.
  await engine.run(
    `INSERT INTO ${o.gaps} SELECT ${o.index}, line - ${o.headerLines} - j, j
     FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT DISTINCT line FROM ${errors}))`,
  );
  const [{ n }] = (await engine.all<{ n: number }>(`SELECT COUNT(DISTINCT line) AS n FROM ${errors}`)) as [
    { n: number },
  ];
  return n;
}

/**
 * In the version's transaction: copy one file's DuckDB rejects into `${schema}.rejections` with a
 * plain-language reason, then drop the reject tables.
 */
export async function copyRejects(
  engine: Engine,
  o: { schema: string; source: string; file: string; rejects: string; lines: number },
): Promise<void> {
  const errors = `${o.rejects}_e`;
  if (o.lines > 0) {
    const cases = Object.entries(REASONS)
      .map(([k, v]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(v)}`)
      .join(' ');
    await engine.run(
      `INSERT INTO ${o.schema}.rejections (source, file, line, column_name, value, reason)
       SELECT $1, $2, line, FIRST(column_name ORDER BY column_idx), NULL,
         FIRST(CASE error_type ${cases} ELSE lower(error_type) || ': ' || error_message END ORDER BY column_idx)
       FROM ${errors} GROUP BY line ORDER BY line`,
      [o.source, o.file],
    );
  }
  await engine.run(`DROP TABLE IF EXISTS ${errors}; DROP TABLE IF EXISTS ${o.rejects}_s`);
}

/**
 * SQL (a scalar subquery per row; use on few rows) for a staged row's file line: its 0-based ordinal in the
 * file + header + 1 + the rejected lines before it.
 */
export function lineSql(
  staged: Staged,
  rowid = `${staged.table}.rowid`,
  fileCol = `${staged.table}.${STAGE_FILE_COLUMN}`,
): string {
  const first = `CASE ${fileCol} ${staged.files.map((f, i) => `WHEN ${i} THEN ${f.firstRowid}`).join(' ')} END`;
  const header = `CASE ${fileCol} ${staged.files.map((f, i) => `WHEN ${i} THEN ${f.headerLines}`).join(' ')} END`;
  const ord = `(${rowid} - ${first})`;
  return `(${ord} + ${header} + 1 + COALESCE((SELECT MAX(gp.cnt) FROM ${staged.gaps} gp WHERE gp.f = ${fileCol} AND gp.g <= ${ord}), 0))`;
}
