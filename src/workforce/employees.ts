/**
 * An HR extract as employee records (one row per employee, or per employee-year): reading is pure — parsed
 * CSV records in, employees and rejections (line, column, reason; never the value) out. Race and ethnicity
 * and sex go through the same vocabulary as patient data (`canonicalLabel`): keys, codes or labels; an
 * unknown value becomes Unknown and is counted.
 */
import { canonicalLabel } from '../model/vocab/index.js';
import { UNKNOWN } from '../model/status.js';

export interface Employee {
  line: number;
  id: string;
  period: string;
  race_ethnicity: string;
  sex: string;
  job_family: string;
  level: string;
  department: string;
  tenure_years: number | null;
  fte: number | null;
  pay: number | null;
  hired: boolean;
  promoted: boolean;
  exited: boolean;
}

export interface Rejection {
  line: number;
  column: string;
  reason: string;
}

export interface EmployeeRecords {
  file: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export interface ReadEmployees {
  employees: Employee[];
  rejections: Rejection[];
  /** Values the vocabulary did not know, by column (mapped to Unknown), and how many rows carried them. */
  unmapped: { column: string; rows: number }[];
  reconciliation: { read: number; loaded: number; rejected: number };
}

const YES = new Set(['1', 'y', 'yes', 'true', 't']);
const NO = new Set(['', '0', 'n', 'no', 'false', 'f']);

/** Columns: employee_id, race_ethnicity (or race), sex, job_family, level, department, and optional ones. */
export const EMPLOYEE_COLUMNS = {
  required: ['employee_id'],
  optional: [
    'race_ethnicity',
    'race',
    'sex',
    'job_family',
    'level',
    'department',
    'year',
    'tenure_years',
    'hire_date',
    'as_of',
    'fte',
    'pay',
    'hired',
    'promoted',
    'exited',
  ],
} as const;

type Cell = (name: string) => string;

function flag(cell: Cell, name: string, reject: (column: string, reason: string) => void): boolean {
  const v = cell(name).toLowerCase();
  if (YES.has(v)) return true;
  if (!NO.has(v)) reject(name, `${name} is not yes/no; write 1 or 0 (also Y/N, true/false).`);
  return false;
}

function number(cell: Cell, name: string, reject: (column: string, reason: string) => void, min = 0) {
  const raw = cell(name);
  if (raw === '') return null;
  const v = Number(raw.replace(/[$,]/g, ''));
  if (!Number.isFinite(v) || v < min) {
    reject(name, `${name} is not a number of at least ${min}; write e.g. 52000 (no units).`);
    return null;
  }
  return v;
}

/** Whole years from hire_date to as_of (both YYYY-MM-DD); null when either is absent or not a date. */
function tenure(cell: Cell, reject: (column: string, reason: string) => void): number | null {
  const direct = cell('tenure_years');
  if (direct !== '') return number(cell, 'tenure_years', reject);
  const [hire, asOf] = [cell('hire_date'), cell('as_of')];
  if (hire === '' || asOf === '') return null;
  const ms = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN);
  const [h, a] = [ms(hire), ms(asOf)];
  if (Number.isNaN(h) || Number.isNaN(a) || a < h) {
    reject(
      Number.isNaN(h) ? 'hire_date' : 'as_of',
      'hire_date and as_of must be YYYY-MM-DD with as_of on or after hire_date.',
    );
    return null;
  }
  return (a - h) / (365.25 * 86_400_000);
}

function label(attribute: string, raw: string, unknownCount: Map<string, number>, column: string): string {
  if (raw === '') return 'Missing';
  const l = canonicalLabel(attribute, raw) ?? canonicalLabel(attribute, raw.toLowerCase());
  if (l !== null) return l;
  unknownCount.set(column, (unknownCount.get(column) ?? 0) + 1);
  return UNKNOWN;
}

/** One row → an employee, or its rejections (a row with a bad value is rejected whole, and counted). */
function readRow(
  rec: EmployeeRecords,
  row: EmployeeRecords['rows'][number],
  unknown: Map<string, number>,
): Employee | Rejection[] {
  const index = new Map(rec.header.map((h, i) => [h, i]));
  const cell: Cell = (name) => {
    const i = index.get(name);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const rejections: Rejection[] = [];
  const reject = (column: string, reason: string) => rejections.push({ line: row.line, column, reason });
  if (row.cells.length !== rec.header.length)
    reject('', `the row has ${row.cells.length} fields, the header has ${rec.header.length}.`);
  if (cell('employee_id') === '') reject('employee_id', 'employee_id is empty; every row needs one.');
  const raceColumn = index.has('race_ethnicity') ? 'race_ethnicity' : 'race';
  const employee: Employee = {
    line: row.line,
    id: cell('employee_id'),
    period: cell('year'),
    race_ethnicity: label('race_ethnicity', cell(raceColumn), unknown, raceColumn),
    sex: label('sex', cell('sex'), unknown, 'sex'),
    job_family: cell('job_family') || 'Missing',
    level: cell('level') || 'Missing',
    department: cell('department') || 'Missing',
    tenure_years: tenure(cell, reject),
    fte: number(cell, 'fte', reject),
    pay: number(cell, 'pay', reject),
    hired: flag(cell, 'hired', reject),
    promoted: flag(cell, 'promoted', reject),
    exited: flag(cell, 'exited', reject),
  };
  return rejections.length > 0 ? rejections : employee;
}

export function readEmployees(rec: EmployeeRecords): ReadEmployees {
  const employees: Employee[] = [];
  const rejections: Rejection[] = [];
  const unknown = new Map<string, number>();
  for (const row of rec.rows) {
    const r = readRow(rec, row, unknown);
    if (Array.isArray(r)) rejections.push(...r);
    else employees.push(r);
  }
  const rejected = new Set(rejections.map((r) => r.line)).size;
  return {
    employees,
    rejections,
    unmapped: [...unknown].map(([column, rows]) => ({ column, rows })),
    reconciliation: { read: rec.rows.length, loaded: employees.length, rejected },
  };
}
