/**
 * Reading a workforce version back: the employees (for the workforce analysis, in the engine's own process;
 * they are never written to results), and the reconciliation's rejections and unmapped values as counts.
 */
import type { Employee, Rejection } from '../../workforce/index.js';
import type { Engine } from '../dialect.js';

/** An employee as stored: the record's `id` is the `employee_id` column. */
type EmployeeRow = Omit<Employee, 'id'> & { employee_id: string };

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const bool = (v: unknown): boolean => v === true || v === 't' || v === 'true' || v === 1;

/** The employees of a version, in file and line order. */
export async function readWorkforceEmployees(engine: Engine, schema: string): Promise<Employee[]> {
  const rows = await engine.all<EmployeeRow & Record<string, unknown>>(
    `SELECT line, employee_id, period, race_ethnicity, sex, job_family, level, department, tenure_years, fte,
       pay, hired, promoted, exited FROM ${schema}.employees ORDER BY file, line`,
  );
  return rows.map((r) => ({
    line: Number(r.line),
    id: r.employee_id,
    period: r.period,
    race_ethnicity: r.race_ethnicity,
    sex: r.sex,
    job_family: r.job_family,
    level: r.level,
    department: r.department,
    tenure_years: num(r.tenure_years),
    fte: num(r.fte),
    pay: num(r.pay),
    hired: bool(r.hired),
    promoted: bool(r.promoted),
    exited: bool(r.exited),
  }));
}

/** The first rejections (line, column, reason; never a value), as `equilens workforce` reports them. */
export async function readWorkforceRejections(
  engine: Engine,
  schema: string,
  limit = 100,
): Promise<Rejection[]> {
  const rows = await engine.all<{ line: number | null; column_name: string | null; reason: string }>(
    `SELECT line, column_name, reason FROM ${schema}.rejections ORDER BY file, line LIMIT ${Math.floor(limit)}`,
  );
  return rows.map((r) => ({ line: Number(r.line ?? 0), column: r.column_name ?? '', reason: r.reason }));
}

/** Rows whose race/ethnicity or sex value was unknown, by source column (no codes). */
export async function readWorkforceUnmapped(
  engine: Engine,
  schema: string,
): Promise<{ column: string; rows: number }[]> {
  const rows = await engine.all<{ column_name: string | null; rows: number }>(
    `SELECT column_name, SUM(rows) AS rows FROM ${schema}.unmapped GROUP BY column_name ORDER BY column_name`,
  );
  return rows.map((r) => ({ column: r.column_name ?? '', rows: Number(r.rows) }));
}
