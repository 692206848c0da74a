/**
 * Which fields the quality report covers and which recorded conflicts count against each.
 *
 * The ingest layer writes into `patients.conflicts` the attribute names whose source rows disagreed for a
 * person. Race and ethnicity are resolved together (race_ethnicity, race and ethnicity are three views of
 * the same codes), so a conflict on any of them counts for all three. Limited English is derived from
 * language and the interpreter flag; the age band from the birth date or age.
 */
import { QUALITY_FIELDS, type StandardStratifier } from '../../model/index.js';
import type { Engine } from '../dialect.js';

const RACE_ATTRS = ['race_ethnicity', 'race', 'ethnicity', 'race_codes', 'ethnicity_codes'];

const CONFLICT_ATTRS: Partial<Record<StandardStratifier, readonly string[]>> = {
  race_ethnicity: RACE_ATTRS,
  race: RACE_ATTRS,
  ethnicity: RACE_ATTRS,
  language: ['language'],
  limited_english: ['limited_english', 'language', 'interpreter_needed'],
  age_band: ['age_band', 'birth_date', 'age_years', 'age'],
};

/** The attribute names in `patients.conflicts` that count as a conflict for `field`. */
export const conflictAttributes = (field: string): readonly string[] =>
  CONFLICT_ATTRS[field as StandardStratifier] ?? [field];

/** Columns of a table in a schema (lower-case names), via information_schema (DuckDB and PostgreSQL). */
export async function tableColumns(engine: Engine, schema: string, table: string): Promise<Set<string>> {
  const rows = await engine.all<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = ${engine.param(1)} AND table_name = ${engine.param(2)}`,
    [schema, table],
  );
  return new Set(rows.map((r) => r.column_name.toLowerCase()));
}

/** The quality fields that exist as columns, in QUALITY_FIELDS order. */
export const presentFields = (columns: ReadonlySet<string>): string[] =>
  QUALITY_FIELDS.filter((f) => columns.has(f));
