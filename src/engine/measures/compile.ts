/**
 * Compile a library measure definition to one `INSERT INTO measure_rows … SELECT` over the clinical event
 * tables and `patients` of a dataset schema, for a measurement period.
 * Patient-level measures: one row per patient in the population (unit_id = patient_id, event_date = period
 * end, period = its label). Readmission: one row per index stay (unit_id = encounter id, event_date =
 * discharge date). Excluded rows are kept (in_denominator true, excluded true, in_numerator false).
 */
import { EquilensError } from '../../errors.js';
import { quoteLiteral, type Dialect } from '../dialect.js';
import type { MeasureDefinition, Numerator, Population } from '../../measures/types.js';
import { addDays, periodLabel, windowDates, type Period } from '../../measures/window.js';
import { ageAtSql, codesSql, criterionSql, windowSql } from './criteria-sql.js';

const OBS = (schema: string): string => `${schema}.observations`;

/** The numerator as a boolean expression about `p`, and the row value (or NULL). */
export function numeratorSql(schema: string, n: Numerator, period: Period): { num: string; value: string } {
  switch (n.kind) {
    case 'any':
      return { num: `(${n.of.map((c) => criterionSql(schema, c, period)).join(' OR ')})`, value: 'NULL' };
    case 'latest_value': {
      const where = `e.patient_id = p.patient_id AND ${codesSql('e', n.codes)} AND e.value_num IS NOT NULL AND ${windowSql('e.effective_date', n.window, period)}`;
      // Several results on the most recent day: the one that meets the comparator counts (worst case).
      const agg = n.comparator.startsWith('>') ? 'MAX' : 'MIN';
      const latest = `(SELECT ${agg}(e.value_num) FROM ${OBS(schema)} e WHERE ${where}
        AND e.effective_date = (SELECT MAX(e.effective_date) FROM ${OBS(schema)} e WHERE ${where}))`;
      const missing = n.missing === 'numerator' ? 'TRUE' : 'FALSE';
      return { num: `COALESCE(${latest} ${n.comparator} ${n.threshold}, ${missing})`, value: latest };
    }
    case 'bp_controlled': {
      const sys = codesSql('e', n.systolic);
      const dia = codesSql('e', n.diastolic);
      const base = `e.patient_id = p.patient_id AND e.value_num IS NOT NULL AND (${sys} OR ${dia}) AND ${windowSql('e.effective_date', n.window, period)}`;
      const day = `(SELECT MAX(d) FROM (SELECT e.effective_date AS d FROM ${OBS(schema)} e WHERE ${base}
        GROUP BY e.effective_date HAVING MAX(CASE WHEN ${sys} THEN 1 ELSE 0 END) = 1
          AND MAX(CASE WHEN ${dia} THEN 1 ELSE 0 END) = 1) days)`;
      const reading = (codes: string): string =>
        `(SELECT MIN(e.value_num) FROM ${OBS(schema)} e WHERE ${base} AND ${codes} AND e.effective_date = ${day})`;
      return {
        num: `COALESCE(${reading(sys)} < ${n.systolicBelow} AND ${reading(dia)} < ${n.diastolicBelow}, FALSE)`,
        value: reading(sys),
      };
    }
    case 'sdoh_screened':
      return {
        num: `(${n.domains
          .map(
            (d) =>
              `EXISTS (SELECT 1 FROM ${schema}.sdoh_screenings s WHERE s.patient_id = p.patient_id AND s.domain = ${quoteLiteral(d)} AND s.screened AND ${windowSql('s.screen_date', n.window, period)})`,
          )
          .join(' AND ')})`,
        value: 'NULL',
      };
    case 'sdoh_positive':
      return {
        num: `EXISTS (SELECT 1 FROM ${schema}.sdoh_screenings s WHERE s.patient_id = p.patient_id AND s.domain = ${quoteLiteral(n.domain)} AND s.positive AND ${windowSql('s.screen_date', n.window, period)})`,
        value: 'NULL',
      };
    case 'encounter_count': {
      const count = `(SELECT COUNT(*) FROM ${schema}.encounters e WHERE e.patient_id = p.patient_id AND e.class IN (${n.classes.map(quoteLiteral).join(', ')}) AND ${windowSql('e.start_date', n.window, period)})`;
      return { num: `${count} > 0`, value: count };
    }
    case 'readmission':
      throw new EquilensError(
        'invalid_config',
        'A readmission numerator needs an inpatient_discharge unit; this measure counts another unit.',
        { fix: "Give the measure unit: { kind: 'inpatient_discharge', … } or another numerator." },
      );
  }
}

/** The population as a boolean expression about `p` (age at the period end, sex, required criteria). */
export function populationSql(schema: string, pop: Population, period: Period): string {
  const age = ageAtSql(period.end);
  const parts: string[] = [];
  if (pop.ageMin !== undefined) parts.push(`${age} >= ${pop.ageMin}`);
  if (pop.ageMax !== undefined) parts.push(`${age} <= ${pop.ageMax}`);
  if (pop.sex?.length) parts.push(`p.sex IN (${pop.sex.map(quoteLiteral).join(', ')})`);
  for (const c of pop.require) parts.push(criterionSql(schema, c, period));
  return parts.length ? parts.join('\n  AND ') : 'TRUE';
}

export interface CompileOptions {
  /** measure_rows.measure_id (the config's id). */
  measureId: string;
  period: Period;
  /** Restrict patients to one config source. */
  source?: string;
  /** The engine's SQL spellings. */
  dialect: Dialect;
  /** Resolves `populationNumeratorOf`. */
  lookup: (id: string) => MeasureDefinition | undefined;
}

const COLUMNS =
  'patient_id, unit_id, measure_id, event_date, period, in_denominator, in_numerator, excluded, value, source';

/** The INSERT statement computing a measure's rows. */
export function compileMeasure(schema: string, def: MeasureDefinition, o: CompileOptions): string {
  const { period } = o;
  const id = quoteLiteral(o.measureId);
  const label = quoteLiteral(periodLabel(period));
  const sourceFilter = o.source ? ` AND p.source = ${quoteLiteral(o.source)}` : '';
  const excl = def.exclusions?.length
    ? `(${def.exclusions.map((c) => criterionSql(schema, c, period)).join(' OR ')})`
    : 'FALSE';
  let population = populationSql(schema, def.population, period);
  if (def.populationNumeratorOf) {
    const base = o.lookup(def.populationNumeratorOf);
    if (!base)
      throw new EquilensError(
        'invalid_config',
        `Measure ${def.id} takes its population from ${def.populationNumeratorOf}, which is not a library measure.`,
        { fix: 'Name a library measure in populationNumeratorOf.' },
      );
    population += `\n  AND ${numeratorSql(schema, base.numerator, period).num}`;
  }
  if (def.unit.kind === 'inpatient_discharge') {
    const classes = def.unit.classes.map(quoteLiteral).join(', ');
    const last = addDays(period.end, -def.unit.days);
    const { from } = windowDates('period', period);
    return `INSERT INTO ${schema}.measure_rows (${COLUMNS})
SELECT i.patient_id, i.encounter_id, ${id}, i.end_date, ${label}, TRUE,
  (NOT ${excl}) AND EXISTS (SELECT 1 FROM ${schema}.encounters r WHERE r.patient_id = i.patient_id
    AND r.encounter_id <> i.encounter_id AND r.class IN (${classes})
    AND r.start_date >= i.end_date + 1 AND r.start_date <= i.end_date + ${def.unit.days}),
  ${excl}, NULL, p.source
FROM ${schema}.encounters i JOIN ${schema}.patients p ON p.patient_id = i.patient_id
WHERE i.class IN (${classes}) AND i.end_date >= DATE ${quoteLiteral(from as string)} AND i.end_date <= DATE ${quoteLiteral(last)}
  AND ${population}${sourceFilter}`;
  }
  const { num, value } = numeratorSql(schema, def.numerator, period);
  return `INSERT INTO ${schema}.measure_rows (${COLUMNS})
SELECT patient_id, patient_id, ${id}, DATE ${quoteLiteral(period.end)}, ${label}, TRUE, num AND NOT excl, excl, value, source
FROM (SELECT p.patient_id, p.source, COALESCE(${num}, FALSE) AS num, COALESCE(${excl}, FALSE) AS excl,
    CAST(${value} AS ${o.dialect.double}) AS value
  FROM ${schema}.patients p
  WHERE ${population}${sourceFilter}) m`;
}
