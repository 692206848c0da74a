/**
 * Duplicate unit ids (the same encounter on two rows of a source): the unit is counted once. The rule: the
 * first row of a unit id (in file order, across the source's files) is kept; each later row is rejected,
 * pointing at the line it repeats. Runs after the row checks, so a bad first row does not hide a good
 * repeat. The unit id is identifying: its value is not kept in the rejection.
 */
import type { Engine } from '../../engine/dialect.js';
import type { Warning } from '../../errors.js';
import { lineSql } from './rejects.js';
import type { CheckedRows } from './row-checks.js';
import { STAGE_FILE_COLUMN, type Staged } from './stage.js';

export async function rejectDuplicateUnits(
  engine: Engine,
  o: { staged: Staged; checked: CheckedRows; unit: string },
): Promise<{ checked: CheckedRows; warnings: Warning[] }> {
  const { staged } = o;
  const u = engine.ident(o.unit);
  // Most extracts repeat no unit id: a count of distinct ids (cheaper than grouping with each id's first
  // row) tells, and only when ids repeat are the repeated ones and their first rows found.
  const [{ repeats }] = (await engine.all<{ repeats: number }>(
    `SELECT COUNT(${u}) - COUNT(DISTINCT ${u}) AS repeats FROM ${staged.table}`,
  )) as [{ repeats: number }];
  if (Number(repeats) === 0) return { checked: o.checked, warnings: [] };
  const dup = `${staged.table}_dup`;
  await engine.run(
    `CREATE TEMP TABLE ${dup} AS SELECT ${u} AS u, MIN(rowid) AS keep FROM ${staged.table}
     WHERE ${u} IS NOT NULL GROUP BY ${u} HAVING COUNT(*) > 1`,
  );
  const [{ n }] = (await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${dup}`)) as [{ n: number }];
  if (Number(n) === 0) {
    await engine.run(`DROP TABLE ${dup}`);
    return { checked: o.checked, warnings: [] };
  }
  const bad = `${staged.table}_dupbad`;
  const f = STAGE_FILE_COLUMN;
  await engine.run(
    `CREATE TEMP TABLE ${bad} AS
     SELECT s.rowid AS rid, s.${f} AS f, ${lineSql(staged, 's.rowid', `s.${f}`)} AS line,
       ${lineSql(staged, 'k.rowid', `k.${f}`)} AS kept_line, k.${f} AS kept_f
     FROM ${staged.table} s JOIN ${dup} d ON s.${u} = d.u JOIN ${staged.table} k ON k.rowid = d.keep
     WHERE s.rowid <> d.keep`,
  );
  const files = staged.files.map((x) => x.file.split(/[\\/]/).at(-1) ?? x.file);
  const fileCase = `CASE b.kept_f ${files.map((_, i) => `WHEN ${i} THEN $${i + 2}`).join(' ')} END`;
  let table = o.checked.table;
  const select = `SELECT b.f, b.line, $1 AS column_name, NULL::VARCHAR AS value,
      'the same unit id as ' || CASE WHEN b.kept_f = b.f THEN 'line ' || b.kept_line ELSE ${fileCase} || ' line ' || b.kept_line END
        || ': a unit is counted once (its first row is kept)' AS reason
    FROM ${bad} b`;
  const params = [o.unit, ...files];
  if (table) await engine.run(`INSERT INTO ${table} ${select}`, params);
  else {
    table = `${staged.table}_rejected`;
    await engine.run(`CREATE TEMP TABLE ${table} AS ${select}`, params);
  }
  const counts = await engine.all<{ f: number; n: number }>(`SELECT f, COUNT(*) AS n FROM ${bad} GROUP BY f`);
  const perFile = [...o.checked.perFile];
  let rows = 0;
  for (const c of counts) {
    perFile[c.f] = (perFile[c.f] ?? 0) + Number(c.n);
    rows += Number(c.n);
  }
  await engine.run(
    `DELETE FROM ${staged.table} WHERE rowid IN (SELECT rid FROM ${bad}); DROP TABLE ${bad}; DROP TABLE ${dup}`,
  );
  return {
    checked: { perFile, table },
    warnings: [
      {
        code: 'duplicate_units',
        message: `${rows} row(s) repeat the unit id (column ${o.unit}) of an earlier row (${Number(n)} unit id(s)): each unit is counted once, its first row kept; the repeats are rejected with the line they repeat.`,
        column: o.unit,
        rows,
        units: Number(n),
      },
    ],
  };
}
