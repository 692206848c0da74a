/**
 * Reading on after a quote that is never closed (see stage.ts): find it in one read's DuckDB rejects, take
 * out what DuckDB read after it, and collect the read's rejects into the file's reject table with
 * absolute line numbers.
 */
import { basename } from 'node:path';
import type { Engine } from '../../engine/dialect.js';
import { invalidInput } from '../../errors.js';

/**
 * A quote that is never closed, in one read: its line (as DuckDB numbers records in the read) and byte
 * position, or null. DuckDB read what followed it as one quoted field, to the end of the read or to the
 * next stray quote; any rows and rejects after it are taken out, to be read again from a copy of the lines
 * after it (remainder.ts). The stage is rebuilt then, so its rowids stay dense (line numbers use them).
 */
export async function unclosed(
  engine: Engine,
  o: { table: string; segRejects: string; start: number; headerLines: number },
): Promise<{ line: number; at: number } | null> {
  const e = `${o.segRejects}_e`;
  const [row] = await engine.all<{ line: number; at: number }>(
    `SELECT line, byte_position AS at FROM ${e}
     WHERE error_type = 'UNQUOTED VALUE' AND error_message ILIKE '%unterminated%' ORDER BY line LIMIT 1`,
  );
  if (!row) return null;
  const line = Number(row.line);
  const [{ before }] = (await engine.all<{ before: number }>(
    `SELECT COUNT(DISTINCT line) AS before FROM ${e} WHERE line < ${line}`,
  )) as [{ before: number }];
  await engine.run(`DELETE FROM ${e} WHERE line > ${line}`);
  // Rows of this read staged before the unclosed quote's record; the rest came from inside or after it.
  const keep = o.start + line - 1 - o.headerLines - Number(before);
  const [{ extra }] = (await engine.all<{ extra: number }>(
    `SELECT COUNT(*) AS extra FROM ${o.table} WHERE rowid >= ${keep}`,
  )) as [{ extra: number }];
  if (Number(extra) > 0) {
    const tmp = `${o.table}_rebuild`;
    await engine.run(
      `CREATE TEMP TABLE ${tmp} AS SELECT * FROM ${o.table} WHERE rowid < ${keep} ORDER BY rowid;
       DROP TABLE ${o.table}; ALTER TABLE ${tmp} RENAME TO ${o.table}`,
    );
  }
  // byte_position is one past the opening quote (line_byte_position is not reliable in parallel scans).
  return { line, at: Math.max(0, Number(row.at) - 1) };
}

/**
 * Move one read's DuckDB rejects into the file's reject table (lines made absolute by `offset`, the lines
 * before the read) and drop DuckDB's tables.
 */
export async function collectRejects(
  engine: Engine,
  segRejects: string,
  rejects: string,
  offset: number,
): Promise<void> {
  const e = `${segRejects}_e`;
  await engine.run(
    `INSERT INTO ${rejects}_e SELECT line + ${offset}, column_idx, column_name, error_type, error_message FROM ${e}`,
  );
  await engine.run(`DROP TABLE IF EXISTS ${e}; DROP TABLE IF EXISTS ${segRejects}_s`);
}

/** The error when the lines after an unclosed quote cannot be copied (e.g. a zstd file). */
export const unclosedQuote = (path: string, line: number) =>
  invalidInput(
    `${basename(path)}: line ${line} opens a quote that is never closed, so the lines after it cannot be read.`,
    {
      file: path,
      line,
      fix: 'Remove the stray quote character on that line (or quote the whole field and close it), then ingest again.',
    },
  );
