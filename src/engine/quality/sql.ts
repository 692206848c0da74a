/**
 * The quality report's SQL: one aggregate pass over `patients` (overall and by source, with GROUPING
 * SETS where the engine has them) and one over the people behind each period's units. Only counts come
 * back. Known = a value that is not a status; Missing includes SQL NULL and empty text.
 */
import { DECLINED, MISSING, UNKNOWN } from '../../model/index.js';
import { quoteLiteral, type Engine } from '../dialect.js';
import { conflictAttributes } from './fields.js';

export type PeriodUnit = 'year' | 'quarter' | 'month';

const lit = quoteLiteral;
const STATUS_LIST = [DECLINED, UNKNOWN, MISSING, ''].map(lit).join(', ');

/** `COUNT(*) FILTER (…)` columns k<i>, u<i>, d<i>, m<i>, x<i> for each field; `p` is the patients alias. */
export function countColumns(
  engine: Engine,
  fields: readonly string[],
  hasConflicts: boolean,
  p = 'p',
): string {
  return fields
    .flatMap((f, i) => {
      const c = `${p}.${engine.ident(f)}`;
      const attrs = conflictAttributes(f).map(lit).join(', ');
      return [
        `COUNT(*) FILTER (WHERE ${c} IS NOT NULL AND ${c} NOT IN (${STATUS_LIST})) AS k${i}`,
        `COUNT(*) FILTER (WHERE ${c} = ${lit(UNKNOWN)}) AS u${i}`,
        `COUNT(*) FILTER (WHERE ${c} = ${lit(DECLINED)}) AS d${i}`,
        `COUNT(*) FILTER (WHERE ${c} IS NULL OR ${c} IN (${lit(MISSING)}, '')) AS m${i}`,
        hasConflicts
          ? `COUNT(*) FILTER (WHERE ${p}.conflicts && CAST(ARRAY[${attrs}] AS VARCHAR[])) AS x${i}`
          : `0 AS x${i}`,
      ];
    })
    .join(',\n  ');
}

/** Overall (`g = 1`) and per-source (`g = 0`) counts in one pass. */
export function patientsSql(
  engine: Engine,
  schema: string,
  fields: readonly string[],
  hasConflicts: boolean,
  hasSource: boolean,
): string {
  const cols = countColumns(engine, fields, hasConflicts);
  const table = `${schema}.patients p`;
  if (!hasSource) return `SELECT 1 AS g, NULL AS source, COUNT(*) AS total,\n  ${cols}\nFROM ${table}`;
  if (engine.capabilities.groupingSets) {
    return `SELECT GROUPING(p.source) AS g, p.source AS source, COUNT(*) AS total,\n  ${cols}
FROM ${table}\nGROUP BY GROUPING SETS ((), (p.source))`;
  }
  return `SELECT 1 AS g, NULL AS source, COUNT(*) AS total,\n  ${cols}\nFROM ${table}
UNION ALL
SELECT 0 AS g, p.source AS source, COUNT(*) AS total,\n  ${cols}\nFROM ${table}\nGROUP BY p.source`;
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

/** Counts over the people who have at least one unit in each period. */
export function periodsSql(
  engine: Engine,
  schema: string,
  fields: readonly string[],
  hasConflicts: boolean,
  unit: PeriodUnit,
  hasPeriodColumn: boolean,
): string {
  return `WITH pp AS (
  SELECT DISTINCT patient_id, ${periodLabelSql(unit, hasPeriodColumn)} AS period FROM ${schema}.measure_rows
)
SELECT pp.period AS period, COUNT(*) AS total,
  ${countColumns(engine, fields, hasConflicts)}
FROM pp JOIN ${schema}.patients p ON p.patient_id = pp.patient_id
WHERE pp.period IS NOT NULL
GROUP BY pp.period
ORDER BY pp.period`;
}
