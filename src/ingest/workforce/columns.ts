/**
 * The workforce mapping against the extract's header: every named column must exist (the error names the
 * config key, `workforce.mapping.<field>`, and the columns the file has), and the reading the row reader
 * (src/workforce/employees.ts) uses — field → header column, race/ethnicity and sex labelled through the
 * patient mapping's value maps (map-codes.ts: the same rules, the same unmapped accounting).
 */
import type { AttributeMapping, WorkforceConfig } from '../../config/index.js';
import { MISSING } from '../../model/status.js';
import type { EmployeeField, EmployeeReading, Labels } from '../../workforce/index.js';
import { checkColumn } from '../tabular/attributes.js';
import { mapCode, mapRaceEthnicity } from '../tabular/map-codes.js';

type Attr = { mapping: AttributeMapping; column: string };

/** Race and ethnicity (one column, or race and ethnicity) and sex of a row, by the value maps. */
function labelsOf(attrs: Partial<Record<string, Attr>>): EmployeeReading['labels'] {
  const race = attrs.race_ethnicity ?? attrs.race;
  const eth = attrs.ethnicity;
  const sex = attrs.sex;
  return (cell) => {
    const unknown: Labels['unknown'] = [];
    const raw = (a: Attr | undefined) => (a ? cell(a.column) || null : null);
    let race_ethnicity = MISSING;
    if (race || eth) {
      const r = mapRaceEthnicity(
        { mapping: race?.mapping, raw: raw(race) },
        { mapping: eth?.mapping, raw: raw(eth) },
      );
      race_ethnicity = r.race_ethnicity;
      const key = attrs.race_ethnicity ? 'race_ethnicity' : 'race';
      if (race && r.raceUnmapped)
        unknown.push({ attribute: key, column: race.column, code: raw(race) ?? '' });
      if (eth && r.ethnicityUnmapped)
        unknown.push({ attribute: 'ethnicity', column: eth.column, code: raw(eth) ?? '' });
    }
    let sexLabel = MISSING;
    if (sex) {
      const m = mapCode('sex', sex.mapping, raw(sex));
      sexLabel = m.label;
      if (m.unmapped) unknown.push({ attribute: 'sex', column: sex.column, code: raw(sex) ?? '' });
    }
    return { race_ethnicity, sex: sexLabel, unknown };
  };
}

/** The header columns the mapping names, and the reading of a row. Throws at the first missing column. */
export function workforceReading(
  workforce: WorkforceConfig,
  header: readonly string[],
  file: string,
): { reading: EmployeeReading; columns: string[] } {
  const { attributes, ...fields } = workforce.mapping;
  const columns: Partial<Record<EmployeeField, string>> = {};
  for (const [field, column] of Object.entries(fields) as [EmployeeField, string | undefined][]) {
    if (column !== undefined)
      columns[field] = checkColumn(column, `workforce.mapping.${field}`, header, file);
  }
  const attrs: Partial<Record<string, Attr>> = {};
  for (const [key, m] of Object.entries(attributes ?? {})) {
    if (m)
      attrs[key] = {
        mapping: m,
        column: checkColumn(m.column, `workforce.mapping.attributes.${key}.column`, header, file),
      };
  }
  const asOf = workforce.source.as_of;
  return {
    reading: { columns, labels: labelsOf(attrs), unique: true, ...(asOf ? { asOf } : {}) },
    columns: [...new Set([...Object.values(columns), ...Object.values(attrs).map((a) => a!.column)])],
  };
}
