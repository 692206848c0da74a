/**
 * SQL fragments for measure criteria over the clinical event tables of one dataset schema. Every fragment
 * is a boolean (or numeric) expression about the patient row aliased `p`. Codes and dates are inlined as
 * quoted literals (dates validated as YYYY-MM-DD by the config schema); the SQL is portable
 * DuckDB/PostgreSQL (DATE + integer, EXTRACT, EXISTS, CASE).
 */
import { quoteLiteral } from '../dialect.js';
import type { CodeList, Criterion, EventTable, Window } from '../../measures/types.js';
import { windowDates, type Period } from '../../measures/window.js';

export const DATE_COLUMN: Readonly<Record<EventTable | 'encounters', string>> = {
  conditions: 'onset_date',
  observations: 'effective_date',
  procedures: 'performed_date',
  medications: 'start_date',
  immunizations: 'date',
  encounters: 'start_date',
};

const date = (d: string): string => `DATE ${quoteLiteral(d)}`;

/** `alias.code` matches one of the code lists (ICD prefixes ignore dots). */
export function codesSql(alias: string, lists: readonly CodeList[]): string {
  const parts = lists.map((l) => {
    const codes = l.prefix
      ? `(${l.codes.map((c) => `REPLACE(${alias}.code, '.', '') LIKE ${quoteLiteral(`${c.replace(/\./g, '')}%`)}`).join(' OR ')})`
      : `${alias}.code IN (${l.codes.map(quoteLiteral).join(', ')})`;
    return `(${alias}.system = ${quoteLiteral(l.system)} AND ${codes})`;
  });
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** `column` falls in the window ('before_end' also admits an undated event: recorded history). */
export function windowSql(column: string, window: Window, period: Period): string {
  const { from, to } = windowDates(window, period);
  if (from === null) return `(${column} IS NULL OR ${column} <= ${date(to)})`;
  return `(${column} >= ${date(from)} AND ${column} <= ${date(to)})`;
}

/** A criterion about patient `p`. */
export function criterionSql(schema: string, c: Criterion, period: Period): string {
  if (c.kind === 'encounter') {
    const classes = c.classes?.length ? ` AND e.class IN (${c.classes.map(quoteLiteral).join(', ')})` : '';
    return `EXISTS (SELECT 1 FROM ${schema}.encounters e WHERE e.patient_id = p.patient_id${classes} AND ${windowSql('e.start_date', c.window, period)})`;
  }
  return `EXISTS (SELECT 1 FROM ${schema}.${c.table} e WHERE e.patient_id = p.patient_id AND ${codesSql('e', c.codes)} AND ${windowSql(`e.${DATE_COLUMN[c.table]}`, c.window, period)})`;
}

/** Age in completed years at `on` (birth_date; else the recorded age_years). */
export function ageAtSql(on: string): string {
  const [, m, d] = on.split('-').map(Number) as [number, number, number];
  return `(CASE WHEN p.birth_date IS NOT NULL THEN EXTRACT(YEAR FROM ${date(on)}) - EXTRACT(YEAR FROM p.birth_date)
    - CASE WHEN EXTRACT(MONTH FROM p.birth_date) * 100 + EXTRACT(DAY FROM p.birth_date) > ${m * 100 + d} THEN 1 ELSE 0 END
    ELSE FLOOR(p.age_years) END)`;
}
