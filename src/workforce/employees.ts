/**
 * An HR extract as employee records (one row per employee, or per employee-year): reading is pure — parsed
 * CSV records in, employees and rejections (line, column, reason; never the value) out. Race and ethnicity
 * and sex go through the same vocabulary as patient data (`canonicalLabel`): keys, codes or labels; an
 * unknown value becomes Unknown and is counted. Rows are read through an `EmployeeReading` (which column
 * holds each field, how race and sex are labelled): `readEmployees` uses the fixed column names of
 * `equilens workforce HR_FILE`, the workforce ingest (src/ingest/workforce) the config's mapping, so both
 * read a row the same way.
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

/** The fields of an employee row a column can hold (the config's `workforce.mapping` names them). */
export const EMPLOYEE_FIELDS = [
  'employee_id',
  'period',
  'job_family',
  'level',
  'department',
  'hire_date',
  'as_of',
  'tenure_years',
  'fte',
  'pay',
  'hired',
  'promoted',
  'exited',
] as const;
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number];

/** A row's cell by column name ('' when the column is absent or the cell empty). */
export type Cell = (column: string) => string;

/** Race and ethnicity and sex of a row, and the values the vocabulary (or the value map) did not know. */
export interface Labels {
  race_ethnicity: string;
  sex: string;
  unknown: { attribute: string; column: string; code: string }[];
}

/** How rows become employees: which column holds each field, and how race and sex are labelled. */
export interface EmployeeReading {
  /** Field → the column holding it; a field without a column is empty on every row. */
  columns: Partial<Record<EmployeeField, string>>;
  labels: (cell: Cell) => Labels;
  /** Tenure is counted to this date (YYYY-MM-DD) when no as_of column is named. */
  asOf?: string;
  /** Reject a second row of the same employee (and period): an extract has one row per employee (-year). */
  unique?: boolean;
}

type Reject = (column: string, reason: string) => void;

/** A row's view of the fields: the value, and the name to report (the column, and its field when they differ). */
interface Fields {
  get(field: EmployeeField): string;
  column(field: EmployeeField): string;
  name(field: EmployeeField): string;
}

function flag(f: Fields, field: EmployeeField, reject: Reject): boolean {
  const v = f.get(field).toLowerCase();
  if (YES.has(v)) return true;
  if (!NO.has(v))
    reject(f.column(field), `${f.name(field)} is not yes/no; write 1 or 0 (also Y/N, true/false).`);
  return false;
}

function number(f: Fields, field: EmployeeField, reject: Reject, min = 0) {
  const raw = f.get(field);
  if (raw === '') return null;
  const v = Number(raw.replace(/[$,]/g, ''));
  if (!Number.isFinite(v) || v < min) {
    reject(
      f.column(field),
      `${f.name(field)} is not a number of at least ${min}; write e.g. 52000 (no units).`,
    );
    return null;
  }
  return v;
}

/** Whole years from hire_date to as_of (both YYYY-MM-DD); null when either is absent or not a date. */
function tenure(f: Fields, reject: Reject, asOfDefault: string): number | null {
  const direct = f.get('tenure_years');
  if (direct !== '') return number(f, 'tenure_years', reject);
  const [hire, asOf] = [f.get('hire_date'), f.get('as_of') || asOfDefault];
  if (hire === '' || asOf === '') return null;
  const ms = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN);
  const [h, a] = [ms(hire), ms(asOf)];
  if (Number.isNaN(h) || Number.isNaN(a) || a < h) {
    reject(
      Number.isNaN(h) || !f.column('as_of') ? f.column('hire_date') : f.column('as_of'),
      `${f.name('hire_date')} and ${f.name('as_of')} must be YYYY-MM-DD with as_of on or after hire_date.`,
    );
    return null;
  }
  return (a - h) / (365.25 * 86_400_000);
}

/** The file reading's label: the vocabulary's (keys, codes or labels); an unknown value is Unknown. */
function vocabularyLabel(attribute: string, raw: string, column: string, unknown: Labels['unknown']): string {
  if (raw === '') return 'Missing';
  const l = canonicalLabel(attribute, raw) ?? canonicalLabel(attribute, raw.toLowerCase());
  if (l !== null) return l;
  unknown.push({ attribute, column, code: raw });
  return UNKNOWN;
}

/** The fixed columns `equilens workforce HR_FILE` reads (EMPLOYEE_COLUMNS), as a reading. */
export function fileReading(header: readonly string[]): EmployeeReading {
  const raceColumn = header.includes('race_ethnicity') ? 'race_ethnicity' : 'race';
  const columns: EmployeeReading['columns'] = Object.fromEntries(EMPLOYEE_FIELDS.map((f) => [f, f]));
  columns.period = 'year';
  return {
    columns,
    labels: (cell) => {
      const unknown: Labels['unknown'] = [];
      return {
        race_ethnicity: vocabularyLabel('race_ethnicity', cell(raceColumn), raceColumn, unknown),
        sex: vocabularyLabel('sex', cell('sex'), 'sex', unknown),
        unknown,
      };
    },
  };
}

/** One row → an employee, or its rejections (a row with a bad value is rejected whole, and counted). */
function readRow(
  rec: EmployeeRecords,
  row: EmployeeRecords['rows'][number],
  reading: EmployeeReading,
  index: ReadonlyMap<string, number>,
): { employee: Employee; unknown: Labels['unknown'] } | Rejection[] {
  const cell: Cell = (name) => {
    const i = index.get(name);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const f: Fields = {
    get: (field) => {
      const c = reading.columns[field];
      return c === undefined ? '' : cell(c);
    },
    column: (field) => reading.columns[field] ?? '',
    name: (field) => {
      const c = reading.columns[field];
      return c === undefined || c === field ? field : `${c} (${field})`;
    },
  };
  const rejections: Rejection[] = [];
  const reject: Reject = (column, reason) => rejections.push({ line: row.line, column, reason });
  if (row.cells.length !== rec.header.length)
    reject('', `the row has ${row.cells.length} fields, the header has ${rec.header.length}.`);
  if (f.get('employee_id') === '')
    reject(f.column('employee_id'), `${f.name('employee_id')} is empty; every row needs one.`);
  const labels = reading.labels(cell);
  const employee: Employee = {
    line: row.line,
    id: f.get('employee_id'),
    period: f.get('period'),
    race_ethnicity: labels.race_ethnicity,
    sex: labels.sex,
    job_family: f.get('job_family') || 'Missing',
    level: f.get('level') || 'Missing',
    department: f.get('department') || 'Missing',
    tenure_years: tenure(f, reject, reading.asOf ?? ''),
    fte: number(f, 'fte', reject),
    pay: number(f, 'pay', reject),
    hired: flag(f, 'hired', reject),
    promoted: flag(f, 'promoted', reject),
    exited: flag(f, 'exited', reject),
  };
  return rejections.length > 0 ? rejections : { employee, unknown: labels.unknown };
}

/** A second row of the same employee (and period) is rejected, naming the line of the first. */
function duplicate(e: Employee, seen: Map<string, number>, reading: EmployeeReading): Rejection | null {
  const key = `${e.id}\u0000${e.period}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, e.line);
    return null;
  }
  const per = reading.columns.period ? 'employee and period' : 'employee';
  return {
    line: e.line,
    column: reading.columns.employee_id ?? 'employee_id',
    reason: `the same ${per} as line ${first}; the extract must have one row per ${per}.`,
  };
}

/**
 * Rows → employees, rejections and the values the vocabulary did not know (per attribute, column and code;
 * `unmapped` totals them by column). Pure: `readEmployees` reads a file's fixed columns with it, the
 * workforce ingest a mapped extract.
 */
export function readEmployeeRows(
  rec: EmployeeRecords,
  reading: EmployeeReading,
): ReadEmployees & { unmappedCodes: { attribute: string; column: string; code: string; rows: number }[] } {
  const employees: Employee[] = [];
  const rejections: Rejection[] = [];
  const codes = new Map<string, { attribute: string; column: string; code: string; rows: number }>();
  const index = new Map(rec.header.map((h, i) => [h, i]));
  const seen = new Map<string, number>();
  for (const row of rec.rows) {
    const r = readRow(rec, row, reading, index);
    if (Array.isArray(r)) {
      rejections.push(...r);
      continue;
    }
    const dup = reading.unique ? duplicate(r.employee, seen, reading) : null;
    if (dup) {
      rejections.push(dup);
      continue;
    }
    employees.push(r.employee);
    for (const u of r.unknown) {
      const k = `${u.attribute}\u0000${u.column}\u0000${u.code}`;
      const entry = codes.get(k) ?? { ...u, rows: 0 };
      entry.rows += 1;
      codes.set(k, entry);
    }
  }
  const byColumn = new Map<string, number>();
  for (const c of codes.values()) byColumn.set(c.column, (byColumn.get(c.column) ?? 0) + c.rows);
  const rejected = new Set(rejections.map((r) => r.line)).size;
  return {
    employees,
    rejections,
    unmapped: [...byColumn].map(([column, rows]) => ({ column, rows })),
    unmappedCodes: [...codes.values()],
    reconciliation: { read: rec.rows.length, loaded: employees.length, rejected },
  };
}

/** An HR extract with the fixed column names (EMPLOYEE_COLUMNS). */
export function readEmployees(rec: EmployeeRecords): ReadEmployees {
  const { unmappedCodes: _codes, ...read } = readEmployeeRows(rec, fileReading(rec.header));
  return read;
}
