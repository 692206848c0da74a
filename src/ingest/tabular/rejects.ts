/**
 * Rejected CSV lines: DuckDB's reject tables (ragged rows, bad encodings, stray quotes) copied into
 * `${schema}.rejections` with a plain-language reason, and the line numbers of the rows that were kept.
 * Line numbers count records: a quoted field that spans several physical lines shifts later line numbers
 * of rows rejected by the row checks (DuckDB's own rejects keep physical lines).
 */
import { quoteLiteral, type Engine } from '../../engine/dialect.js';
import type { Staged } from './stage.js';
import { STAGE_FILE_COLUMN } from './stage-columns.js';

/** Columns of a file's reject table (DuckDB's reject_errors, lines absolute over a file's segments). */
export const REJECT_COLUMNS =
  'line BIGINT, column_idx BIGINT, column_name VARCHAR, error_type VARCHAR, error_message VARCHAR';

/**
 * The number of fields DuckDB found on a short row ("Expected Number of Columns: 11 Found: 6"); on a long
 * row it stops counting at the first field too many, so only "more than" is known.
 */
const found = "regexp_extract(error_message, 'Found: (\\d+)', 1)";
const expected = "regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1)";

/** Plain-language reason per DuckDB error type, as SQL over a reject row. */
const REASONS: Readonly<Record<string, string>> = {
  'MISSING COLUMNS': `'the row has ' || ${found} || ' fields, the header has ' || ${expected}`,
  'TOO MANY COLUMNS': `'the row has more than ' || ${expected} || ' fields, the header has ' || ${expected} || ' (a delimiter inside an unquoted value?)'`,
  'INVALID ENCODING': quoteLiteral(
    'the row has bytes that are not valid in the file encoding (set sources[].encoding, e.g. latin-1)',
  ),
  'UNQUOTED VALUE': `CASE WHEN error_message ILIKE '%unterminated%'
    THEN 'a quote opens on this line and is never closed: the line is rejected, the lines after it are read'
    ELSE 'a field has a stray quote character' END`,
  'LINE SIZE OVER MAXIMUM': `'the line is longer than the reader''s limit (' || regexp_extract(error_message, 'size of (\\d+) bytes', 1) || ' bytes): raise sources[].max_line_size'`,
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
      .map(([k, v]) => `WHEN ${quoteLiteral(k)} THEN ${v}`)
      .join(' ');
    await engine.run(
      `INSERT INTO ${o.schema}.rejections (source, file, line, column_name, value, reason)
       SELECT $1, $2, line, FIRST(column_name ORDER BY column_idx), NULL,
         FIRST(CASE error_type ${cases} ELSE lower(error_type) || ': ' || error_message END ORDER BY column_idx)
       FROM ${errors} GROUP BY line ORDER BY line`,
      [o.source, o.file],
    );
  }
  await engine.run(`DROP TABLE IF EXISTS ${errors}`);
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
