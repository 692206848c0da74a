/**
 * Row-level checks after staging: an empty patient id, or a value that must be a date / number but is not,
 * rejects the row (file, line, column, value, reason) and removes it from the stage, so that
 * read = loaded + rejected holds exactly.
 */
import type { Engine } from '../../engine/dialect.js';
import { dateSql, numberSql } from './resolve-sql.js';
import { lineSql } from './rejects.js';
import { STAGE_FILE_COLUMN, type Staged } from './stage.js';

export interface RowCheck {
  column: string;
  /** SQL (alias-free, on the stage table) true when the row fails. */
  fails: string;
  reason: string;
}

export function rowChecks(
  engine: Engine,
  c: { patientId: string; dates: string[]; numbers: string[] },
): RowCheck[] {
  const q = (col: string) => engine.ident(col);
  return [
    {
      column: c.patientId,
      // trim() only for ids that start with a space (AND is evaluated lazily), so 10M ids are not copied.
      fails: `${q(c.patientId)} IS NULL OR (starts_with(${q(c.patientId)}, ' ') AND trim(${q(c.patientId)}) = '')`,
      reason: 'the patient id is empty: every row needs one',
    },
    ...c.dates.map((col) => ({
      column: col,
      fails: `${q(col)} IS NOT NULL AND ${dateSql(q(col))} IS NULL`,
      reason: 'not a date: use YYYY-MM-DD (or MM/DD/YYYY)',
    })),
    ...c.numbers.map((col) => ({
      column: col,
      fails: `${q(col)} IS NOT NULL AND ${numberSql(q(col))} IS NULL`,
      reason: 'not a number',
    })),
  ];
}

/** Reject failing rows into `${schema}.rejections` and delete them from the stage; returns rejections per file. */
export async function applyRowChecks(
  engine: Engine,
  opts: { schema: string; source: string; staged: Staged; checks: RowCheck[] },
): Promise<number[]> {
  const { staged, checks } = opts;
  const perFile = staged.files.map(() => 0);
  if (!checks.length || staged.files.every((f) => f.staged === 0)) return perFile;
  const any = checks.map((c) => `(${c.fails})`).join(' OR ');
  const firstCol = `CASE ${checks.map((c, i) => `WHEN ${c.fails} THEN ${i}`).join(' ')} END`;
  const bad = `${staged.table}_bad`;
  await engine.run(
    `CREATE TEMP TABLE ${bad} AS SELECT rowid AS rid, ${STAGE_FILE_COLUMN} AS f, ${firstCol} AS chk, ${lineSql(staged)} AS line
     FROM ${staged.table} WHERE ${any}`,
  );
  const counts = await engine.all<{ f: number; n: number }>(`SELECT f, COUNT(*) AS n FROM ${bad} GROUP BY f`);
  if (!counts.length) {
    await engine.run(`DROP TABLE ${bad}`);
    return perFile;
  }
  for (const c of counts) perFile[c.f] = c.n;
  const files = staged.files.map((f) => f.file);
  const params: string[] = [
    opts.source,
    ...files,
    ...checks.map((c) => c.column),
    ...checks.map((c) => c.reason),
  ];
  const fileCase = `CASE b.f ${files.map((_, i) => `WHEN ${i} THEN $${i + 2}`).join(' ')} END`;
  const colCase = `CASE b.chk ${checks.map((_, i) => `WHEN ${i} THEN $${files.length + 2 + i}`).join(' ')} END`;
  const reasonCase = `CASE b.chk ${checks.map((_, i) => `WHEN ${i} THEN $${files.length + 2 + checks.length + i}`).join(' ')} END`;
  const valueCase = `CASE b.chk ${checks.map((c, i) => `WHEN ${i} THEN left(s.${engine.ident(c.column)}, 40)`).join(' ')} END`;
  await engine.run(
    `INSERT INTO ${opts.schema}.rejections (source, file, line, column_name, value, reason)
     SELECT $1, ${fileCase}, b.line, ${colCase}, ${valueCase}, ${reasonCase}
     FROM ${bad} b JOIN ${staged.table} s ON s.rowid = b.rid ORDER BY b.f, b.line`,
    params,
  );
  await engine.run(`DELETE FROM ${staged.table} WHERE rowid IN (SELECT rid FROM ${bad}); DROP TABLE ${bad}`);
  return perFile;
}
