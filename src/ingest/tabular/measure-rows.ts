/**
 * Measure rows from expressions over the staged columns: one row per unit in the denominator (excluded
 * units kept, flagged). Unit `patient` collapses a person's rows into one unit. Every expression is
 * parsed, checked against the header and bound as parameters (../expressions).
 */
import type { EquilensConfig } from '../../config/index.js';
import type { Engine, SqlValue } from '../../engine/dialect.js';
import { invalidConfig } from '../../errors.js';
import { compileChecked, findColumn, knownColumnsText } from '../expressions/index.js';
import { checkColumn } from './attributes.js';
import { dateSql, numberSql } from './resolve-sql.js';

const FACETS = new Set(['department', 'site', 'clinician_group']);

export interface MeasureRowsInput {
  stage: string;
  source: string;
  header: string[];
  config: EquilensConfig;
  /** Is this the first source (measures without `source:` belong to it)? */
  first: boolean;
  file?: string;
  /** SQL (alias `s`) of the row's event date when the stage holds it parsed (default: parse the text). */
  eventDate?: string;
}

/** Measures of this source that are derived from expressions (library measures are derived elsewhere). */
export function measuresFor(config: EquilensConfig, source: string, first: boolean) {
  return config.measures
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.library === undefined && (m.source === undefined ? first : m.source === source));
}

export interface MeasureRowsPlan {
  /** The INSERT's column list and SELECTs (UNION ALL), with their parameters; none when no measure. */
  insert: { columns: string[]; selects: string[]; params: SqlValue[] } | null;
  /** Header columns the statements read. */
  columns: Set<string>;
}

/**
 * Check every measure expression against the header and build the INSERT (run after staging, into the
 * version's schema).
 */
export function planMeasureRows(engine: Engine, input: MeasureRowsInput): MeasureRowsPlan {
  const { config, header } = input;
  const map = config.mapping;
  const columns = new Set<string>();
  const q = (c: string) => {
    columns.add(c);
    return `s.${engine.ident(c)}`;
  };
  const pid = q(checkColumn(map.patient_id, 'mapping.patient_id', header, input.file));
  const unit = map.unit_id ? q(checkColumn(map.unit_id, 'mapping.unit_id', header, input.file)) : null;
  const eventCol = map.event_date
    ? q(checkColumn(map.event_date, 'mapping.event_date', header, input.file))
    : null;
  const date = eventCol ? (input.eventDate ?? dateSql(eventCol)) : 'NULL::DATE';
  const period = map.period ? q(checkColumn(map.period, 'mapping.period', header, input.file)) : 'NULL';
  const facets = Object.entries(map.facets ?? {})
    .filter(([id]) => FACETS.has(id))
    .map(([id, col]) => [id, q(checkColumn(col, `mapping.facets.${id}`, header, input.file))] as const);

  // One INSERT … SELECT … UNION ALL SELECT … for all measures (one statement, shared parameters: $1 is
  // the source, then each measure's id and its expressions' values).
  const params: SqlValue[] = [input.source];
  const selects: string[] = [];
  const cols = [
    'patient_id',
    'unit_id',
    'measure_id',
    'event_date',
    'period',
    'in_denominator',
    'in_numerator',
    'excluded',
    'value',
    'source',
    ...facets.map(([id]) => id),
  ];
  for (const { m, index } of measuresFor(config, input.source, input.first)) {
    params.push(m.id);
    const id = `$${params.length}`;
    const compile = (text: string | undefined, key: string, fallback: string): string => {
      if (text === undefined) return fallback;
      const c = compileChecked(
        text,
        `measures[${index}].${key}`,
        header,
        (n) => q(n),
        params.length + 1,
        input.file,
      );
      params.push(...c.params);
      return c.sql;
    };
    const den = compile(m.denominator, 'denominator', 'TRUE');
    const num = compile(m.numerator, 'numerator', 'FALSE');
    const excl = compile(m.exclusions, 'exclusions', 'FALSE');
    const value = valueSql(m.value, `measures[${index}].value`, header, q, input.file);
    let select: string;
    if (m.unit === 'patient') {
      select = `SELECT ${pid}, ${pid}, ${id}, MAX(${date}), MAX(${period}), TRUE,
        BOOL_OR(${num} AND NOT ${excl}), BOOL_AND(${excl}), AVG(${value}), $1${facets.map(([, c]) => `, MAX(${c})`).join('')}
        FROM ${input.stage} s WHERE ${den} GROUP BY ${pid}`;
    } else {
      const unitId = unit
        ? `COALESCE(${unit}, ${pid} || '#' || CAST(s.rowid AS VARCHAR))`
        : `${pid} || '#' || CAST(s.rowid AS VARCHAR)`;
      select = `SELECT ${pid}, ${unitId}, ${id}, ${date}, ${period}, TRUE, ${num}, ${excl}, ${value}, $1${facets.map(([, c]) => `, ${c}`).join('')}
        FROM ${input.stage} s WHERE ${den}`;
    }
    selects.push(select);
  }
  return { insert: selects.length ? { columns: cols, selects, params } : null, columns };
}

export async function runMeasureRows(engine: Engine, plan: MeasureRowsPlan, schema: string): Promise<void> {
  const i = plan.insert;
  if (!i) return;
  await engine.run(
    `INSERT INTO ${schema}.measure_rows (${i.columns.join(', ')}) ${i.selects.join('\nUNION ALL ')}`,
    i.params,
  );
}

function valueSql(
  text: string | undefined,
  keyPath: string,
  header: readonly string[],
  q: (c: string) => string,
  file?: string,
): string {
  if (text === undefined) return 'NULL::DOUBLE';
  const name = text.trim().replace(/^["`](.*)["`]$/, '$1');
  const col = findColumn(name, header);
  if (!col) {
    throw invalidConfig(
      `${keyPath} must name a numeric column; "${name}" is not one. Known columns: ${knownColumnsText(header)}.`,
      {
        file,
        path: keyPath,
        fix: 'Give the name of the column holding the value, e.g. value: time_in_hospital.',
      },
    );
  }
  return numberSql(q(col));
}
