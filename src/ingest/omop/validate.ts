/**
 * Row checks: each staged row either passes (and is typed: every `*_date` column parsed into `_d_<column>`)
 * or is rejected into `${schema}.rejections` with its file, line, column and reason. Rejected:
 * - PERSON: a missing person_id, or a person_id already seen (the first row wins);
 * - event tables: a missing person_id, a person_id with no PERSON row, a missing or unparseable required date.
 * Identifiers are never copied into the rejection's `value` (dates are, to help the fix).
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteIdent, quoteLiteral } from '../../engine/dialect.js';
import { CDM_TABLES, stageTable, type CdmTable } from './cdm-tables.js';

/** The checked table of a CDM table: staged columns + `_reason`, `_column`, `_value`, `_d_*` dates. */
export const checkedTable = (name: string): string => `omop_chk_${name.toLowerCase()}`;

const blank = (col: string): string => `NULLIF(TRIM(${quoteIdent(col)}), '')`;

/** SQL reading a text number as DOUBLE; NULL when not a finite number (never NaN or Infinity). */
export const finiteSql = (expr: string): string =>
  `CASE WHEN isfinite(TRY_CAST(${expr} AS DOUBLE)) THEN TRY_CAST(${expr} AS DOUBLE) END`;

/** SQL parsing a text date: ISO date, ISO timestamp, or YYYYMMDD; NULL when none of these. */
export const parseDateSql = (expr: string): string =>
  `COALESCE(TRY_CAST(${expr} AS DATE), TRY_CAST(TRY_CAST(${expr} AS TIMESTAMP) AS DATE), TRY_CAST(TRY_STRPTIME(${expr}, '%Y%m%d') AS DATE))`;

function reasonCases(table: CdmTable): { reason: string; column: string; value: string }[] {
  const out: { reason: string; column: string; value: string }[] = [];
  if (table.name === 'PERSON') {
    out.push({
      reason: `${blank('person_id')} IS NULL`,
      column: 'person_id',
      value: `'missing person_id: every PERSON row needs an identifier'`,
    });
    out.push({
      reason: `ROW_NUMBER() OVER (PARTITION BY TRIM(person_id) ORDER BY _line) > 1`,
      column: 'person_id',
      value: `'duplicate person_id: only the first PERSON row is kept'`,
    });
    return out;
  }
  if (table.person) {
    out.push({
      reason: `${blank(table.person)} IS NULL`,
      column: table.person,
      value: `'missing person_id: the row cannot be linked to a person'`,
    });
    out.push({
      reason: `TRIM(${quoteIdent(table.person)}) NOT IN (SELECT person_id FROM omop_persons)`,
      column: table.person,
      value: `'person_id refers to no PERSON row: load the matching PERSON or drop the row'`,
    });
  }
  for (const d of table.requiredDates ?? []) {
    out.push({
      reason: `${blank(d)} IS NULL`,
      column: d,
      value: `'missing ${d}'`,
    });
    out.push({
      reason: `${parseDateSql(quoteIdent(d))} IS NULL`,
      column: d,
      value: `'bad date in ${d}: expected YYYY-MM-DD'`,
    });
  }
  return out;
}

/** Check one staged table into its checked table, and insert its rejections. Returns rejected rows. */
async function checkTable(engine: Engine, schema: string, source: string, table: CdmTable): Promise<number> {
  const cases = reasonCases(table);
  const reason = cases.length
    ? `CASE ${cases.map((c) => `WHEN ${c.reason} THEN ${c.value}`).join(' ')} END`
    : 'NULL::VARCHAR';
  const column = cases.length
    ? `CASE ${cases.map((c) => `WHEN ${c.reason} THEN ${quoteLiteral(c.column)}`).join(' ')} END`
    : 'NULL::VARCHAR';
  const dateCols = table.columns.filter((c) => c.endsWith('_date') || c === 'birth_datetime');
  const dates = dateCols.map((c) => `${parseDateSql(quoteIdent(c))} AS ${quoteIdent(`_d_${c}`)}`);
  const trimmedKeys = table.columns
    .filter((c) => c.endsWith('_id'))
    .map((c) => `NULLIF(TRIM(${quoteIdent(c)}), '') AS ${quoteIdent(c)}`);
  const others = table.columns.filter((c) => !c.endsWith('_id')).map((c) => quoteIdent(c));
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${checkedTable(table.name)} AS
     SELECT _file, _line, ${[...trimmedKeys, ...others, ...dates].join(', ')},
       ${reason} AS _reason, ${column} AS _column
     FROM ${stageTable(table.name)}`,
  );
  const dateValue = `CASE WHEN _column LIKE '%_date' THEN LEFT(${dateColumnValue(dateCols)}, 40) END`;
  await engine.run(
    `INSERT INTO ${schema}.rejections (source, file, line, column_name, value, reason)
     SELECT ${quoteLiteral(source)}, _file, _line, _column, ${dateValue}, _reason
     FROM ${checkedTable(table.name)} WHERE _reason IS NOT NULL ORDER BY _file, _line`,
  );
  const [{ n }] = (await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${checkedTable(table.name)} WHERE _reason IS NOT NULL`,
  )) as [{ n: number }];
  return n;
}

/** The raw text of whichever date column `_column` names. */
function dateColumnValue(dateCols: readonly string[]): string {
  if (!dateCols.length) return 'NULL';
  return `CASE _column ${dateCols.map((c) => `WHEN ${quoteLiteral(c)} THEN ${quoteIdent(c)}`).join(' ')} END`;
}

/**
 * Check PERSON first (building `omop_persons`, the valid person ids), then every other table.
 * Returns rejected rows per CDM table name.
 */
export async function checkAll(engine: Engine, schema: string, source: string): Promise<Map<string, number>> {
  const rejected = new Map<string, number>();
  const person = CDM_TABLES.find((t) => t.name === 'PERSON') as CdmTable;
  rejected.set('PERSON', await checkTable(engine, schema, source, person));
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE omop_persons AS SELECT person_id FROM ${checkedTable('PERSON')} WHERE _reason IS NULL`,
  );
  for (const table of CDM_TABLES) {
    if (table.name !== 'PERSON') rejected.set(table.name, await checkTable(engine, schema, source, table));
  }
  return rejected;
}

/** Drop the checked tables. */
export async function dropChecked(engine: Engine): Promise<void> {
  for (const t of CDM_TABLES) await engine.run(`DROP TABLE IF EXISTS ${checkedTable(t.name)}`);
  await engine.run('DROP TABLE IF EXISTS omop_persons');
}
