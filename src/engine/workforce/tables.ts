/**
 * The workforce tables of a workspace, apart from the patient datasets: each workforce ingest makes a new
 * immutable version in its own schema `wf_<version>` with `employees` (one row per employee, or per
 * employee and period), `rejections` and `unmapped` (the same columns as a dataset's), and a row in the
 * catalog `workforce_versions` (catalog.ts). Portable SQL (DuckDB and PostgreSQL).
 */
import { createTableSql, sqlType, type ColumnDef } from '../../model/tables.js';
import type { Engine } from '../dialect.js';

export const workforceSchema = (version: number): string => `wf_${version}`;

/** The employees table: the Employee record (src/workforce/employees.ts), one column per field. */
export const EMPLOYEE_COLUMNS: readonly ColumnDef[] = [
  { name: 'file', type: 'VARCHAR', notNull: true, doc: 'input file path' },
  { name: 'line', type: 'BIGINT', notNull: true, doc: '1-based line in the file (header = line 1)' },
  { name: 'employee_id', type: 'VARCHAR', notNull: true, doc: 'employee identifier (never printed)' },
  { name: 'period', type: 'VARCHAR', notNull: true, doc: "period of an employee-year row ('' when none)" },
  {
    name: 'race_ethnicity',
    type: 'VARCHAR',
    notNull: true,
    doc: 'OMB 2024 race and ethnicity label or status',
  },
  { name: 'sex', type: 'VARCHAR', notNull: true, doc: 'sex label or status' },
  { name: 'job_family', type: 'VARCHAR', notNull: true, doc: 'job family (Missing when empty)' },
  { name: 'level', type: 'VARCHAR', notNull: true, doc: 'level or grade (Missing when empty)' },
  { name: 'department', type: 'VARCHAR', notNull: true, doc: 'department (Missing when empty)' },
  { name: 'tenure_years', type: 'DOUBLE', doc: 'tenure in years' },
  { name: 'fte', type: 'DOUBLE', doc: 'full-time equivalent' },
  { name: 'pay', type: 'DOUBLE', doc: 'annual pay' },
  { name: 'hired', type: 'BOOLEAN', notNull: true, doc: 'hired in the period' },
  { name: 'promoted', type: 'BOOLEAN', notNull: true, doc: 'promoted in the period' },
  { name: 'exited', type: 'BOOLEAN', notNull: true, doc: 'exited in the period' },
];

/** Create a version's schema and its three tables. */
export async function createWorkforceTables(engine: Engine, schema: string): Promise<void> {
  await engine.run(`CREATE SCHEMA ${schema}`);
  const cols = EMPLOYEE_COLUMNS.map((c) => `  ${c.name} ${sqlType(c)}${c.notNull ? ' NOT NULL' : ''}`);
  await engine.run(`CREATE TABLE ${schema}.employees (\n${cols.join(',\n')}\n)`);
  await engine.run(createTableSql(schema, 'rejections'));
  await engine.run(createTableSql(schema, 'unmapped'));
}
