/**
 * Compile an analysis plan to one SQL statement for an `Engine`: GROUP BY GROUPING SETS when the engine
 * has them (DuckDB, PostgreSQL), else the same rows from a UNION ALL of GROUP BYs. Only aggregates come
 * back: per grouping set and measure, the numerator and denominator counts. The numerator of a rate
 * measure (`plan.rateMeasures`) is sum(value): its events (a NULL value counts 0).
 * The rows are first aggregated to the finest cell every set is a roll-up of (`pre`), so the grouping sets
 * run over cells rather than rows: the cost of many sets no longer grows with the number of rows.
 * Portable SQL only (EXTRACT, ||, LPAD, COALESCE, CASE, GROUPING()). Attribute columns are grouped as
 * stored (no per-row COALESCE: it costs a string copy per row); a NULL group is reported as Missing by
 * `decodeRows`, which merges it with a stored 'Missing' label.
 */
import type { Engine } from '../dialect.js';
import { MISSING } from '../../model/status.js';
import { PERIOD_DIM, type AnalysisPlan } from './plan.js';

export interface CompiledPlan {
  sql: string;
  params: string[];
  /** Dimension name → column alias in the result (`d0`, `d1`, …) and its GROUPING flag (`g0`, …). */
  aliases: { name: string; value: string; flag: string }[];
  /**
   * When set, the flags come packed in this one column instead: GROUPING(d0, …, dn) as a bitmask, d0 the
   * most significant bit (one INTEGER column instead of a BIGINT per dimension: the row conversion to
   * JavaScript was a sizeable share of the analysis time). Used up to 31 dimensions (PostgreSQL's limit).
   */
  groupingId?: string;
}

/** Column of the packed GROUPING bitmask (see {@link CompiledPlan.groupingId}). */
export const GROUPING_ID = 'gid';

/** The period label of a unit: year `2024`, quarter `2024Q1`, month `2024-01`; else the explicit period. */
export function periodSql(unit: AnalysisPlan['period'], hasPeriodColumn: boolean): string {
  const part = (p: string) => `CAST(CAST(EXTRACT(${p} FROM r.event_date) AS INTEGER) AS VARCHAR)`;
  const label =
    unit === 'year'
      ? part('YEAR')
      : unit === 'quarter'
        ? `${part('YEAR')} || 'Q' || ${part('QUARTER')}`
        : `${part('YEAR')} || '-' || LPAD(${part('MONTH')}, 2, '0')`;
  const missing = `'${MISSING}'`;
  return hasPeriodColumn ? `COALESCE(${label}, r.period, ${missing})` : `COALESCE(${label}, ${missing})`;
}

export function compilePlan(engine: Engine, plan: AnalysisPlan): CompiledPlan {
  const aliases = plan.dims.map((d, i) => ({ name: d.name, value: `d${i}`, flag: `g${i}` }));
  const rates = plan.rateMeasures ?? [];
  const params = [...plan.measures, ...rates];
  const inList = plan.measures.map((_, i) => engine.param(i + 1)).join(', ');
  const rateList = rates.map((_, i) => engine.param(plan.measures.length + i + 1)).join(', ');
  const flag = 'CASE WHEN r.in_numerator THEN 1 ELSE 0 END';
  const numExpr = rates.length
    ? `CASE WHEN r.measure_id IN (${rateList}) THEN COALESCE(r.value, 0) ELSE ${flag} END AS num`
    : `${flag} AS num`;
  const cols = plan.dims.map((d, i) => {
    const expr =
      d.from === 'period'
        ? periodSql(plan.period, plan.hasPeriodColumn)
        : `${d.from === 'unit' ? 'r' : 'p'}.${engine.ident(d.name)}`;
    return `    ${expr} AS d${i}`;
  });
  const base = `WITH base AS (
  SELECT
    r.measure_id AS m,
${[...cols, `    ${numExpr}`].join(',\n')}
  FROM ${plan.schema}.measure_rows r
  LEFT JOIN ${plan.schema}.patients p ON p.patient_id = r.patient_id
  WHERE r.in_denominator AND NOT r.excluded${plan.measures.length ? ` AND r.measure_id IN (${inList})` : ''}
),
pre AS (${
    plan.preaggregate === false
      ? `SELECT m, ${aliases.map((a) => a.value).join(', ')}, num, 1 AS den FROM base`
      : `
  SELECT m, ${[...aliases.map((a) => a.value), 'SUM(num) AS num', 'COUNT(*) AS den'].join(', ')}
  FROM base GROUP BY ${['m', ...aliases.map((a) => a.value)].join(', ')}
`
  })`;
  const aggs = 'CAST(SUM(num) AS BIGINT) AS numerator, CAST(SUM(den) AS BIGINT) AS denominator';
  const aliasOf = new Map(aliases.map((a) => [a.name, a.value]));
  const groupCols = (set: readonly string[]) => ['m', ...set.map((n) => aliasOf.get(n) as string)];

  if (engine.capabilities.groupingSets) {
    const packed = aliases.length > 0 && aliases.length <= 31;
    const select = [
      'm',
      ...aliases.map((a) => a.value),
      ...(packed
        ? [`CAST(GROUPING(${aliases.map((a) => a.value).join(', ')}) AS INTEGER) AS ${GROUPING_ID}`]
        : aliases.map((a) => `GROUPING(${a.value}) AS ${a.flag}`)),
      aggs,
    ];
    const sets = plan.sets.map((s) => `(${groupCols(s).join(', ')})`).join(',\n  ');
    return {
      sql: `${base}\nSELECT ${select.join(', ')}\nFROM pre\nGROUP BY GROUPING SETS (\n  ${sets}\n)`,
      params,
      aliases,
      ...(packed ? { groupingId: GROUPING_ID } : {}),
    };
  }
  const parts = plan.sets.map((s) => {
    const inSet = new Set(s);
    const select = [
      'm',
      ...aliases.map((a) => (inSet.has(a.name) ? a.value : `CAST(NULL AS VARCHAR) AS ${a.value}`)),
      ...aliases.map((a) => `${inSet.has(a.name) ? 0 : 1} AS ${a.flag}`),
      aggs,
    ];
    return `SELECT ${select.join(', ')} FROM pre GROUP BY ${groupCols(s).join(', ')}`;
  });
  return { sql: `${base}\n${parts.join('\nUNION ALL\n')}`, params, aliases };
}

export { PERIOD_DIM };
