/**
 * Row-level checks after staging: an empty patient id, or a value that must be a date / number but is not,
 * rejects the row (file, line, column, value, reason) and removes it from the stage, so that
 * read = loaded + rejected holds exactly. The rejected value is kept only for a column that does not
 * identify anyone (see identifying.ts); a date's reason says what is wrong ("month 13 does not exist").
 * (Values are trimmed and empty ones NULL as they are staged, so an id of spaces is an empty id.)
 */
import type { Engine } from '../../engine/dialect.js';
import { dateProblemSql } from './date-problem.js';
import { dateSql, numberSql } from './resolve-sql.js';
import { lineSql } from './rejects.js';
import { STAGE_CHECK_COLUMN, STAGE_FILE_COLUMN, type Staged } from './stage.js';

export interface RowCheck {
  column: string;
  /** SQL (alias-free, on the stage table) true when the row fails. */
  fails: string;
  reason: string;
  /** SQL over the stage row (alias `s`) of a more precise reason; `reason` when absent. */
  reasonSql?: string;
  /** Keep the rejected value in the rejection record (false for identifying columns). */
  keepValue: boolean;
}

export function rowChecks(
  engine: Engine,
  c: {
    patientId: string;
    dates: string[];
    numbers: string[];
    /** Date columns already parsed as staged: column → the staged DATE column. */
    parsed?: ReadonlyMap<string, string>;
    /** Columns whose rejected values are withheld (identifying). */
    identifying?: ReadonlySet<string>;
  },
): RowCheck[] {
  const q = (col: string) => engine.ident(col);
  return [
    {
      column: c.patientId,
      fails: `${q(c.patientId)} IS NULL`,
      reason: 'the patient id is empty: every row needs one',
      keepValue: false,
    },
    ...c.dates.map((col) => ({
      column: col,
      fails: `${q(col)} IS NOT NULL AND ${c.parsed?.has(col) ? q(c.parsed.get(col)!) : dateSql(q(col))} IS NULL`,
      reason: 'not a date: use YYYY-MM-DD (or MM/DD/YYYY)',
      reasonSql: dateProblemSql(`s.${q(col)}`),
      keepValue: !c.identifying?.has(col),
    })),
    ...c.numbers.map((col) => ({
      column: col,
      fails: `${q(col)} IS NOT NULL AND ${numberSql(q(col))} IS NULL`,
      reason: 'not a number',
      keepValue: !c.identifying?.has(col),
    })),
  ];
}

export interface CheckedRows {
  /** Rejected rows per file. */
  perFile: number[];
  /** Temp table of the rejections (f, line, column_name, value, reason), or null when none. */
  table: string | null;
}

/** SQL (over the row's text columns) of the first check a row fails, or NULL when it passes them all. */
export const firstFailedCheck = (checks: readonly RowCheck[]): string | undefined =>
  checks.length ? `CASE ${checks.map((c, i) => `WHEN ${c.fails} THEN ${i}`).join(' ')} END` : undefined;

/**
 * From the stage's check column (firstFailedCheck, computed while staging): keep the failing rows'
 * rejections (file index, line, column, value, reason) in a temp table and delete the rows from the stage.
 * Temp tables only: may run before the version's transaction.
 */
export async function applyRowChecks(
  engine: Engine,
  opts: { staged: Staged; checks: RowCheck[] },
): Promise<CheckedRows> {
  const { staged, checks } = opts;
  const perFile = staged.files.map(() => 0);
  if (!checks.length || staged.files.every((f) => f.staged === 0)) return { perFile, table: null };
  const bad = `${staged.table}_bad`;
  await engine.run(
    `CREATE TEMP TABLE ${bad} AS SELECT rowid AS rid, ${STAGE_FILE_COLUMN} AS f, ${STAGE_CHECK_COLUMN} AS chk, ${lineSql(staged)} AS line
     FROM ${staged.table} WHERE ${STAGE_CHECK_COLUMN} IS NOT NULL`,
  );
  const counts = await engine.all<{ f: number; n: number }>(`SELECT f, COUNT(*) AS n FROM ${bad} GROUP BY f`);
  if (!counts.length) {
    await engine.run(`DROP TABLE ${bad}`);
    return { perFile, table: null };
  }
  for (const c of counts) perFile[c.f] = c.n;
  const params: string[] = [];
  const param = (v: string) => `$${params.push(v)}`;
  const colCase = `CASE b.chk ${checks.map((c, i) => `WHEN ${i} THEN ${param(c.column)}`).join(' ')} END`;
  const reasonCase = `CASE b.chk ${checks.map((c, i) => `WHEN ${i} THEN ${c.reasonSql ?? param(c.reason)}`).join(' ')} END`;
  const valueCase = `CASE b.chk ${checks.map((c, i) => `WHEN ${i} THEN ${c.keepValue ? `left(s.${engine.ident(c.column)}, 40)` : 'NULL'}`).join(' ')} END`;
  const rejected = `${staged.table}_rejected`;
  await engine.run(
    `CREATE TEMP TABLE ${rejected} AS SELECT b.f, b.line, ${colCase} AS column_name, ${valueCase} AS value,
       ${reasonCase} AS reason
     FROM ${bad} b JOIN ${staged.table} s ON s.rowid = b.rid`,
    params,
  );
  await engine.run(`DELETE FROM ${staged.table} WHERE rowid IN (SELECT rid FROM ${bad}); DROP TABLE ${bad}`);
  return { perFile, table: rejected };
}

/** Copy the row-check rejections into `${schema}.rejections` (in the version's transaction). */
export async function writeRowRejections(
  engine: Engine,
  opts: { schema: string; source: string; staged: Staged; checked: CheckedRows },
): Promise<void> {
  const { table } = opts.checked;
  if (!table) return;
  const files = opts.staged.files.map((f) => f.file);
  const fileCase = `CASE r.f ${files.map((_, i) => `WHEN ${i} THEN $${i + 2}`).join(' ')} END`;
  await engine.run(
    `INSERT INTO ${opts.schema}.rejections (source, file, line, column_name, value, reason)
     SELECT $1, ${fileCase}, r.line, r.column_name, r.value, r.reason FROM ${table} r ORDER BY r.f, r.line`,
    [opts.source, ...files],
  );
  await engine.run(`DROP TABLE ${table}`);
}
