/**
 * The canonical model: what every source (CSV/Parquet mapping, FHIR, OMOP, synth) loads into.
 * Each dataset version lives in its own DuckDB schema `ds_<version>` holding these tables.
 * Column lists are data so that DDL, the quality report and the analysis agree on one definition.
 */
import { STANDARD_STRATIFIERS } from './stratifiers.js';

export interface ColumnDef {
  name: string;
  /** A portable SQL type (DuckDB and PostgreSQL both accept these). */
  type: 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'VARCHAR[]';
  notNull?: boolean;
  doc: string;
}

/** One row per person. Every standard stratifier is a VARCHAR column holding a label or a status. */
export const PATIENT_COLUMNS: readonly ColumnDef[] = [
  { name: 'patient_id', type: 'VARCHAR', notNull: true, doc: 'source patient identifier' },
  { name: 'source', type: 'VARCHAR', doc: 'name of the config source the person came from' },
  { name: 'birth_date', type: 'DATE', doc: 'date of birth, when known' },
  { name: 'age_years', type: 'DOUBLE', doc: 'age in years when only an age (not a birth date) is known' },
  ...STANDARD_STRATIFIERS.map((name): ColumnDef => ({
    name,
    type: 'VARCHAR',
    doc: `canonical ${name} label or status`,
  })),
  { name: 'race_codes', type: 'VARCHAR[]', doc: 'CDC Race & Ethnicity race codes (all selected)' },
  { name: 'ethnicity_codes', type: 'VARCHAR[]', doc: 'CDC Race & Ethnicity ethnicity codes' },
  { name: 'race_source', type: 'VARCHAR', doc: 'source race value(s) as received' },
  { name: 'ethnicity_source', type: 'VARCHAR', doc: 'source ethnicity value(s) as received' },
  { name: 'sex_source', type: 'VARCHAR', doc: 'source sex value' },
  { name: 'gender_identity_source', type: 'VARCHAR', doc: 'source gender identity value' },
  { name: 'sexual_orientation_source', type: 'VARCHAR', doc: 'source sexual orientation value' },
  { name: 'language_source', type: 'VARCHAR', doc: 'source language value' },
  { name: 'interpreter_needed', type: 'BOOLEAN', doc: 'interpreter needed flag, when recorded' },
  { name: 'payer_source', type: 'VARCHAR', doc: 'source payer value' },
  { name: 'conflicts', type: 'VARCHAR[]', doc: 'attributes whose source rows disagreed for this person' },
];

/** One row per unit of a measure (e.g. an encounter), per measure. */
export const MEASURE_ROW_COLUMNS: readonly ColumnDef[] = [
  { name: 'patient_id', type: 'VARCHAR', notNull: true, doc: 'joins patients.patient_id' },
  {
    name: 'unit_id',
    type: 'VARCHAR',
    notNull: true,
    doc: 'unit of the measure (encounter id, or patient id)',
  },
  { name: 'measure_id', type: 'VARCHAR', notNull: true, doc: 'measure id from the config' },
  { name: 'event_date', type: 'DATE', doc: 'date of the unit, bucketed into periods by the analysis' },
  { name: 'period', type: 'VARCHAR', doc: 'explicit period label from the source, when it has one' },
  { name: 'in_denominator', type: 'BOOLEAN', notNull: true, doc: 'counts in the denominator' },
  { name: 'in_numerator', type: 'BOOLEAN', notNull: true, doc: 'counts in the numerator' },
  { name: 'excluded', type: 'BOOLEAN', notNull: true, doc: 'excluded (kept for accounting, not counted)' },
  { name: 'value', type: 'DOUBLE', doc: 'optional continuous value' },
  { name: 'department', type: 'VARCHAR', doc: 'facet: department' },
  { name: 'site', type: 'VARCHAR', doc: 'facet: site' },
  { name: 'clinician_group', type: 'VARCHAR', doc: 'facet: clinician group' },
  { name: 'source', type: 'VARCHAR', doc: 'name of the config source' },
];

/** Rejected input rows: file, line, column, reason. Values are never patient-level identifiers. */
export const REJECTION_COLUMNS: readonly ColumnDef[] = [
  { name: 'source', type: 'VARCHAR', doc: 'config source name' },
  { name: 'file', type: 'VARCHAR', notNull: true, doc: 'input file path' },
  { name: 'line', type: 'BIGINT', doc: '1-based line in the file (header = line 1)' },
  { name: 'column_name', type: 'VARCHAR', doc: 'offending column' },
  { name: 'value', type: 'VARCHAR', doc: 'offending value (truncated)' },
  { name: 'reason', type: 'VARCHAR', notNull: true, doc: 'why the row was rejected and how to fix it' },
];

/** Codes the mapping did not know: mapped to Unknown AND reported with counts. */
export const UNMAPPED_COLUMNS: readonly ColumnDef[] = [
  { name: 'source', type: 'VARCHAR', doc: 'config source name' },
  { name: 'attribute', type: 'VARCHAR', notNull: true, doc: 'canonical attribute' },
  { name: 'column_name', type: 'VARCHAR', doc: 'source column' },
  { name: 'code', type: 'VARCHAR', doc: 'the unmapped source code' },
  { name: 'rows', type: 'BIGINT', notNull: true, doc: 'how many rows carried it' },
];

export const CANONICAL_TABLES = {
  patients: PATIENT_COLUMNS,
  measure_rows: MEASURE_ROW_COLUMNS,
  rejections: REJECTION_COLUMNS,
  unmapped: UNMAPPED_COLUMNS,
} as const;
export type CanonicalTable = keyof typeof CANONICAL_TABLES;

/** The column's SQL type as both DuckDB and PostgreSQL spell it (PostgreSQL has no bare `DOUBLE`). */
export const sqlType = (c: ColumnDef): string => (c.type === 'DOUBLE' ? 'DOUBLE PRECISION' : c.type);

/** `CREATE TABLE` for a canonical table in a schema (portable DuckDB/PostgreSQL SQL). */
export function createTableSql(
  schema: string,
  table: CanonicalTable,
  extra: readonly ColumnDef[] = [],
): string {
  const cols = [...CANONICAL_TABLES[table], ...extra].map(
    (c) => `  ${c.name} ${sqlType(c)}${c.notNull ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE ${schema}.${table} (\n${cols.join(',\n')}\n)`;
}

/** The schema name of a dataset version. */
export const datasetSchema = (version: number): string => `ds_${version}`;
