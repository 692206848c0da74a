/**
 * The analysis plan: which aggregates one engine pass must return. Every grouping set is a list of
 * dimensions (stratifier columns, facets, the period, the age band); the measure id is always grouped on.
 * The plan is data; `compilePlan` (sql.ts) turns it into SQL for an `Engine`.
 */
import type { AnalysisConfig } from '../config/analysis.js';

/** The period pseudo-dimension (same key the suppression module uses). */
export const PERIOD_DIM = '@period';
export const AGE_DIM = 'age_band';

export type PeriodUnit = AnalysisConfig['period'];

export interface PlanDim {
  name: string;
  /** Where the value comes from: a patients column, a measure_rows column, or the period expression. */
  from: 'patient' | 'unit' | 'period';
}

export interface AnalysisPlan {
  schema: string;
  measures: string[];
  /**
   * Count-based rate measures (kind 'rate'): their numerator is sum(value) — the events, e.g. ED visits —
   * instead of the count of numerator rows.
   */
  rateMeasures?: string[];
  period: PeriodUnit;
  /** measure_rows has an explicit `period` column to fall back on when event_date is null. */
  hasPeriodColumn: boolean;
  dims: PlanDim[];
  /** Grouping sets, each sorted by dimension name; `[]` is the overall row of each measure. */
  sets: string[][];
  /**
   * Aggregate rows to the finest cell first (keyed by one integer per combination of patient codes), then
   * roll the grouping sets up from the cells. Default on: as fast as grouping the rows directly at 2M rows
   * and 46 sets, ~1.5× less CPU at 10M rows, ~3× faster with discovery at depth 3 (~190 sets).
   */
  preaggregate?: boolean;
}

export interface PlanInput {
  schema: string;
  measures: readonly string[];
  /** Measures whose numerator is sum(value) (see AnalysisPlan.rateMeasures). */
  rateMeasures?: readonly string[];
  period: PeriodUnit;
  hasPeriodColumn: boolean;
  stratifiers: readonly string[];
  intersections: readonly (readonly string[])[];
  /** Combinations searched by hidden-gap discovery (each of 2–3 stratifiers). */
  discovery: readonly (readonly string[])[];
  facets: readonly string[];
  /** Add age-band sets for direct standardisation (needs an age_band patients column). */
  standardize: boolean;
  preaggregate?: boolean;
}

/** Every k-subset of `items` (in order), for k in [min, max]. */
export function combinations<T>(items: readonly T[], min: number, max: number): T[][] {
  const out: T[][] = [];
  const walk = (start: number, acc: T[]): void => {
    if (acc.length >= min) out.push([...acc]);
    if (acc.length === max) return;
    for (let i = start; i < items.length; i++) walk(i + 1, [...acc, items[i] as T]);
  };
  walk(0, []);
  return out;
}

export function buildPlan(input: PlanInput): AnalysisPlan {
  const sets = new Map<string, string[]>();
  const add = (dims: readonly string[]): void => {
    const sorted = [...new Set(dims)].sort();
    sets.set(sorted.join('\u0001'), sorted);
  };
  const withPeriod = input.period !== 'none';
  add([]);
  if (withPeriod) add([PERIOD_DIM]);
  for (const s of input.stratifiers) {
    add([s]);
    if (withPeriod) add([s, PERIOD_DIM]);
    if (input.standardize && s !== AGE_DIM) add([s, AGE_DIM]);
    for (const f of input.facets) add([f, s]);
  }
  if (input.standardize) add([AGE_DIM]);
  for (const f of input.facets) add([f]);
  for (const combo of [...input.intersections, ...input.discovery]) add(combo);

  const used = new Set([...sets.values()].flat());
  const dims: PlanDim[] = [...used].sort().map((name) => ({
    name,
    from: name === PERIOD_DIM ? 'period' : input.facets.includes(name) ? 'unit' : 'patient',
  }));
  return {
    schema: input.schema,
    measures: [...input.measures],
    ...(input.rateMeasures?.length ? { rateMeasures: [...input.rateMeasures] } : {}),
    period: input.period,
    hasPeriodColumn: input.hasPeriodColumn,
    dims,
    sets: [...sets.values()],
    preaggregate: input.preaggregate ?? true,
  };
}

/** The key of a grouping set (dimension names sorted). */
export const setKey = (dims: readonly string[]): string => [...dims].sort().join('\u0001');
