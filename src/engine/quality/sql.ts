/**
 * The quality report's SQL. Per field, the people are counted by the field's value (one small GROUP BY
 * per field, UNION ALL — a value histogram), and by their list of conflicting attributes; the few rows
 * that come back are classified in JavaScript (known / unknown / declined / missing / conflicting). Only
 * counts leave the engine. This ran ~20× faster than one pass with four filtered COUNTs per field (string
 * conditions evaluated per row and aggregate; 1M people × 20 fields: ~1 s → ~0.05 s on DuckDB).
 * Known = a value that is not a status; Missing includes SQL NULL and empty text.
 */
import { DECLINED, MISSING, UNKNOWN } from '../../model/index.js';
import type { Engine, Row } from '../dialect.js';
import { conflictAttributes } from './fields.js';

export type PeriodUnit = 'year' | 'quarter' | 'month';

/** Rows shaped `{ total, k<i>, u<i>, d<i>, m<i>, x<i> }` per field i, plus the scope column. */
export type CountRow = Row & { total: number };

const TOTAL = -1;
const CONFLICTS = -2;

/**
 * Long-form counts over `from` (a relation with alias `p` and a `scope` column): per field, people by
 * value; the people per scope; and the people by their conflicts list (joined with '|').
 */
function histogramSql(
  engine: Engine,
  from: string,
  fields: readonly string[],
  hasConflicts: boolean,
): string {
  const parts = [
    `SELECT ${TOTAL} AS f, p.scope AS scope, CAST(NULL AS VARCHAR) AS v, COUNT(*) AS n FROM ${from} GROUP BY p.scope`,
    ...fields.map((f, i) => {
      const c = `p.${engine.ident(f)}`;
      return `SELECT ${i} AS f, p.scope AS scope, CAST(${c} AS VARCHAR) AS v, COUNT(*) AS n FROM ${from} GROUP BY p.scope, ${c}`;
    }),
    ...(hasConflicts
      ? [
          `SELECT ${CONFLICTS} AS f, p.scope AS scope, array_to_string(p.conflicts, '|') AS v, COUNT(*) AS n
FROM ${from} WHERE p.conflicts IS NOT NULL GROUP BY p.scope, array_to_string(p.conflicts, '|')`,
        ]
      : []),
  ];
  return parts.join('\nUNION ALL\n');
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/** The count columns a value adds to (k known, u unknown, d declined, m missing). */
function classOf(v: unknown): 'k' | 'u' | 'd' | 'm' {
  if (v === null || v === undefined || v === '' || v === MISSING) return 'm';
  if (v === UNKNOWN) return 'u';
  if (v === DECLINED) return 'd';
  return 'k';
}

/** Fold the long-form rows into one CountRow per scope (scope value kept under `key`). */
function fold(rows: readonly Row[], fields: readonly string[], key: string): CountRow[] {
  const byScope = new Map<unknown, CountRow>();
  const conflictSets = fields.map((f) => new Set(conflictAttributes(f)));
  const scopeRow = (scope: unknown): CountRow => {
    let r = byScope.get(scope);
    if (!r) {
      r = { [key]: scope ?? null, total: 0 } as CountRow;
      for (const i of fields.keys()) for (const c of 'kudmx') r[`${c}${i}`] = 0;
      byScope.set(scope, r);
    }
    return r;
  };
  for (const row of rows) {
    const f = num(row.f);
    const n = num(row.n);
    const r = scopeRow(row.scope);
    if (f === TOTAL) r.total += n;
    else if (f === CONFLICTS) {
      const attrs = String(row.v ?? '').split('|');
      conflictSets.forEach((set, i) => {
        if (attrs.some((a) => set.has(a))) r[`x${i}`] = num(r[`x${i}`]) + n;
      });
    } else {
      const col = `${classOf(row.v)}${f}`;
      r[col] = num(r[col]) + n;
    }
  }
  return [...byScope.values()];
}

/** Overall (`g = 1`) and per-source (`g = 0`, `source`) counts over people. */
export async function patientCounts(
  engine: Engine,
  schema: string,
  fields: readonly string[],
  hasConflicts: boolean,
  hasSource: boolean,
): Promise<CountRow[]> {
  const from = `(SELECT p.*, ${hasSource ? 'p.source' : 'CAST(NULL AS VARCHAR)'} AS scope FROM ${schema}.patients p) p`;
  const bySource = fold(await engine.all(histogramSql(engine, from, fields, hasConflicts)), fields, 'source');
  const overall: CountRow = { g: 1, source: null, total: 0 };
  for (const r of bySource) {
    r.g = 0;
    for (const [k, v] of Object.entries(r))
      if (k !== 'g' && k !== 'source') overall[k] = num(overall[k]) + num(v);
  }
  return [overall, ...(hasSource ? bySource : [])];
}

/** The period label of a unit: from its event date, else its explicit `period`. */
export function periodLabelSql(unit: PeriodUnit, hasPeriodColumn: boolean): string {
  const part = (p: string) => `CAST(CAST(EXTRACT(${p} FROM event_date) AS INTEGER) AS VARCHAR)`;
  const label =
    unit === 'year'
      ? part('YEAR')
      : unit === 'quarter'
        ? `${part('YEAR')} || 'Q' || ${part('QUARTER')}`
        : `${part('YEAR')} || '-' || LPAD(${part('MONTH')}, 2, '0')`;
  return hasPeriodColumn ? `COALESCE(${label}, period)` : label;
}

/** Counts over the people who have at least one unit in each period (`period`), in period order. */
export async function periodCounts(
  engine: Engine,
  schema: string,
  fields: readonly string[],
  hasConflicts: boolean,
  unit: PeriodUnit,
  hasPeriodColumn: boolean,
): Promise<CountRow[]> {
  const sql = `WITH pp AS (
  SELECT DISTINCT patient_id, ${periodLabelSql(unit, hasPeriodColumn)} AS period FROM ${schema}.measure_rows
),
pe AS (
  SELECT pp.period AS scope, p.* FROM pp JOIN ${schema}.patients p ON p.patient_id = pp.patient_id
  WHERE pp.period IS NOT NULL
)
${histogramSql(engine, 'pe p', fields, hasConflicts)}`;
  return fold(await engine.all(sql), fields, 'period').sort((a, b) =>
    String(a.period) < String(b.period) ? -1 : String(a.period) > String(b.period) ? 1 : 0,
  );
}
