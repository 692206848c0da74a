/**
 * People of a dataset version counted by area, facet/unit and the labels the community comparison uses, on
 * the engine (only counts come back). The whole system is facet ''; each department, site and clinician
 * group counts the distinct people with a unit (e.g. an encounter) there.
 */
import type { PeopleByLabels } from '../../community/dataset-counts.js';
import type { Engine } from '../dialect.js';

export type AreaLevel = 'county' | 'tract' | 'zip';
export const AREA_LEVELS: readonly AreaLevel[] = ['county', 'tract', 'zip'];

const FACETS = ['department', 'site', 'clinician_group'] as const;
const LABELS = ['race', 'ethnicity', 'payer', 'limited_english', 'disability', 'age_band'] as const;

export function peopleByLabelsSql(engine: Engine, schema: string, area: AreaLevel): string {
  const q = engine.ident;
  const s = q(schema);
  const units = FACETS.map(
    (f) =>
      `SELECT DISTINCT '${f}' AS facet, CAST(${q(f)} AS VARCHAR) AS unit, patient_id FROM ${s}.measure_rows WHERE ${q(f)} IS NOT NULL`,
  );
  const who = [`SELECT '' AS facet, '' AS unit, patient_id FROM ${s}.patients`, ...units].join(
    '\nUNION ALL\n',
  );
  const labels = LABELS.map((l) => `p.${q(l)}`).join(', ');
  return `SELECT w.facet, w.unit, COALESCE(CAST(p.${q(area)} AS VARCHAR), '') AS area, ${labels}, COUNT(*) AS people
FROM (${who}) w JOIN ${s}.patients p ON p.patient_id = w.patient_id
GROUP BY w.facet, w.unit, COALESCE(CAST(p.${q(area)} AS VARCHAR), ''), ${labels}`;
}

export async function peopleByLabels(
  engine: Engine,
  schema: string,
  area: AreaLevel,
): Promise<PeopleByLabels[]> {
  const rows = await engine.all(peopleByLabelsSql(engine, schema, area));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    facet: String(r.facet),
    unit: String(r.unit),
    area: String(r.area),
    race: text(r.race),
    ethnicity: text(r.ethnicity),
    payer: text(r.payer),
    limited_english: text(r.limited_english),
    disability: text(r.disability),
    age_band: text(r.age_band),
    people: Number(r.people),
  }));
}

/** Patients' shares by race and ethnicity (2024 basis) and by sex, for the workforce comparison. */
export async function patientShares(
  engine: Engine,
  schema: string,
): Promise<Map<string, Map<string, number>>> {
  const s = engine.ident(schema);
  const out = new Map<string, Map<string, number>>();
  for (const attribute of ['race_ethnicity', 'sex']) {
    const col = engine.ident(attribute);
    const rows = await engine.all(
      `SELECT CAST(${col} AS VARCHAR) AS g, COUNT(*) AS n FROM ${s}.patients GROUP BY ${col}`,
    );
    const total = rows.reduce((t, r) => t + Number(r.n), 0);
    out.set(attribute, new Map(rows.map((r) => [String(r.g), total > 0 ? Number(r.n) / total : 0])));
  }
  return out;
}
