/**
 * The mapping's attributes, sorted into how each is loaded, with every column checked against the header.
 * - race / ethnicity (and race_ethnicity, read as race): one lookup over the distinct (race, ethnicity) pairs;
 * - coded attributes (sex, payer, language, age_band, hrsn_*, …, custom ones with a value map): a lookup
 *   over distinct values;
 * - pass-through text (zip, county, tract, custom without a map), dates (birth_date) and numbers (age).
 */
import type { AttributeMapping, MappingConfig } from '../../config/index.js';
import { invalidConfig } from '../../errors.js';
import { PATIENT_COLUMNS, STANDARD_STRATIFIERS } from '../../model/index.js';
import { findColumn, knownColumnsText } from '../expressions/index.js';

export type AttributeKind = 'race' | 'coded' | 'text' | 'date' | 'number';

export interface AttributePlan {
  /** Config key (mapping.attributes.<key>). */
  key: string;
  kind: AttributeKind;
  mapping: AttributeMapping;
  /** Header column (checked). */
  column: string;
  /** Patients column the label goes to (null: helper such as interpreter_needed). */
  target: string | null;
  custom: boolean;
}

const TEXT = new Set(['zip', 'county', 'tract']);
const DATE = new Set(['birth_date']);
const NUMBER = new Set(['age', 'age_years']);
const RACE = new Set(['race', 'ethnicity', 'race_ethnicity']);
const HELPERS: Readonly<Record<string, string | null>> = { interpreter_needed: null };
const PATIENT_NAMES = new Set(PATIENT_COLUMNS.map((c) => c.name));
const STANDARD = new Set<string>(STANDARD_STRATIFIERS);

/** Check a mapped column exists; error names the config key and the known columns. */
export function checkColumn(
  column: string,
  keyPath: string,
  header: readonly string[],
  file?: string,
): string {
  const found = findColumn(column, header);
  if (!found) {
    throw invalidConfig(
      `${keyPath} names column "${column}", which the data does not have. Known columns: ${knownColumnsText(header)}.`,
      { file, path: keyPath, fix: 'Use one of the known columns (see the first line of the file).' },
    );
  }
  return found;
}

export function planAttributes(
  mapping: MappingConfig,
  header: readonly string[],
  file?: string,
): AttributePlan[] {
  return Object.entries(mapping.attributes).map(([key, m]): AttributePlan => {
    const column = checkColumn(m.column, `mapping.attributes.${key}.column`, header, file);
    if (RACE.has(key)) return { key, kind: 'race', mapping: m, column, target: null, custom: false };
    if (DATE.has(key)) return { key, kind: 'date', mapping: m, column, target: 'birth_date', custom: false };
    if (NUMBER.has(key))
      return { key, kind: 'number', mapping: m, column, target: 'age_years', custom: false };
    if (Object.hasOwn(HELPERS, key))
      return { key, kind: 'coded', mapping: m, column, target: HELPERS[key]!, custom: false };
    const standard = STANDARD.has(key);
    if (!standard) {
      if (!/^[a-z][a-z0-9_]*$/.test(key) || PATIENT_NAMES.has(key)) {
        throw invalidConfig(
          `Custom attribute "${key}" needs a lower_snake_case name that is not a built-in column.`,
          {
            file,
            path: `mapping.attributes.${key}`,
            fix: `Rename it (standard attributes: ${STANDARD_STRATIFIERS.join(', ')}, birth_date, age, interpreter_needed).`,
          },
        );
      }
    }
    const kind: AttributeKind = (TEXT.has(key) || !standard) && !m.values ? 'text' : 'coded';
    return { key, kind, mapping: m, column, target: key, custom: !standard };
  });
}

/** Custom attribute keys of a mapping (extra `patients` columns). */
export function customAttributes(mapping: MappingConfig): string[] {
  const special = new Set([...RACE, ...DATE, ...NUMBER, ...TEXT, ...Object.keys(HELPERS)]);
  return Object.keys(mapping.attributes).filter(
    (k) => !special.has(k) && !STANDARD.has(k) && /^[a-z][a-z0-9_]*$/.test(k) && !PATIENT_NAMES.has(k),
  );
}
