/**
 * Test helper: small canonical datasets made directly with `createDatasetVersion` (no ingest).
 * - `handDataset`: 8 people, 12 units of one measure — counts worked out by hand in the tests.
 * - `gridDataset`: N people built with SQL from range(): attributes and outcomes are deterministic functions
 *   of the row number (a planted gap for race_ethnicity 'Black or African American'), for counts checked
 *   against direct SQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EquilensConfig } from '../../../config/index.js';
import { ConfigSchema } from '../../../config/schema.js';
import type { Engine } from '../../dialect.js';
import { createDatasetVersion, openWorkspace, type DatasetVersion, type Workspace } from '../../workspace.js';

export const HAND_PATIENTS = [
  // id, race_ethnicity, sex, age_band, payer
  ['p1', 'White', 'Female', '40-49', 'Medicare'],
  ['p2', 'White', 'Male', '50-59', 'Medicare'],
  ['p3', 'White', 'Female', '40-49', 'Medicaid'],
  ['p4', 'Black or African American', 'Female', '40-49', 'Medicaid'],
  ['p5', 'Black or African American', 'Male', '50-59', 'Medicaid'],
  ['p6', 'Asian', 'Female', '50-59', 'Medicare'],
  ['p7', 'Declined', 'Male', '40-49', 'Medicare'],
  ['p8', null, 'Female', '50-59', 'Medicare'],
] as const;

export const HAND_UNITS = [
  // patient, unit, date, in_denominator, in_numerator, excluded
  ['p1', 'u1', '2024-01-15', true, false, false],
  ['p1', 'u2', '2024-04-15', true, true, false],
  ['p2', 'u3', '2024-02-15', true, false, false],
  ['p3', 'u4', '2024-05-15', true, false, false],
  ['p4', 'u5', '2024-01-20', true, true, false],
  ['p4', 'u6', '2024-04-20', true, true, false],
  ['p5', 'u7', '2024-02-20', true, false, false],
  ['p5', 'u8', '2024-05-20', true, true, true], // excluded: not counted
  ['p6', 'u9', '2024-03-01', true, false, false],
  ['p7', 'u10', '2024-03-02', true, true, false],
  ['p8', 'u11', '2024-06-01', true, false, false],
  ['p8', 'u12', '2024-06-02', false, false, false], // not in the denominator
] as const;

const lit = (v: string | null): string => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

export async function tempWorkspace(prefix = 'equilens-analysis-'): Promise<{ ws: Workspace; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { ws: await openWorkspace(dir), dir };
}

export async function handDataset(ws: Workspace): Promise<DatasetVersion> {
  return createDatasetVersion(
    ws.engine,
    { contentHash: 'aaaa0000bbbb1111', rows: { read: 12, loaded: 12, rejected: 0 } },
    insertHandRows,
  );
}

/** Insert the hand dataset into the canonical tables of `schema` (portable SQL: DuckDB and PostgreSQL). */
export async function insertHandRows(schema: string, engine: Engine): Promise<void> {
  for (const [id, re, sex, age, payer] of HAND_PATIENTS)
    await engine.run(
      `INSERT INTO ${schema}.patients (patient_id, race_ethnicity, sex, age_band, payer) VALUES (${[id, re, sex, age, payer].map(lit).join(', ')})`,
    );
  for (const [pid, unit, date, den, num, exc] of HAND_UNITS)
    await engine.run(
      `INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded, site)
       VALUES (${lit(pid)}, ${lit(unit)}, 'readmit', DATE ${lit(date)}, ${den}, ${num}, ${exc}, ${lit(Number(unit.slice(1)) % 2 ? 'North' : 'South')})`,
    );
}

export const GRID_RACES = ['White', 'Black or African American', 'Hispanic or Latino', 'Asian', 'Unknown'];

/**
 * People i = 0 … n−1: race = GRID_RACES[i % 5], sex = Female when i % 2 = 0, payer by i % 3, age band by i % 4;
 * each has 3 units in 2024 Q1–Q3 (unit k in quarter k). Outcome (lower is better) when hash(i, k) % 100 <
 * 10, or < 20 for Black patients (planted gap).
 */
export async function gridDataset(ws: Workspace, n = 3000): Promise<DatasetVersion> {
  return createDatasetVersion(ws.engine, { contentHash: 'cccc2222dddd3333', rows: { read: n * 3, loaded: n * 3, rejected: 0 } }, async (schema, tx) => {
    const races = `[${GRID_RACES.map(lit).join(', ')}]`;
    await tx.run(`INSERT INTO ${schema}.patients (patient_id, race_ethnicity, sex, payer, age_band)
      SELECT 'p' || i, list_extract(${races}, CAST(i % 5 AS INTEGER) + 1),
        CASE WHEN i % 2 = 0 THEN 'Female' ELSE 'Male' END,
        list_extract(['Medicare', 'Medicaid', 'Private'], CAST(i % 3 AS INTEGER) + 1),
        list_extract(['18-39', '40-64', '65-79', '80+'], CAST(i % 4 AS INTEGER) + 1)
      FROM range(${n}) t(i)`);
    await tx.run(`INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded, site)
      SELECT 'p' || i, 'u' || i || '-' || k, m, DATE '2024-01-15' + INTERVAL (k * 3) MONTH, true,
        (hash(i * 7 + k, m) % 100) < CASE WHEN i % 5 = 1 THEN 20 ELSE 10 END, false,
        CASE WHEN i % 7 = 0 THEN 'North' ELSE 'South' END
      FROM range(${n}) t(i), range(3) q(k), (VALUES ('readmit'), ('screen')) ms(m)`);
  });
}

export function testConfig(analysis: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): EquilensConfig {
  return ConfigSchema.parse({
    project: { name: 'test' },
    sources: [{ name: 'x', type: 'csv', path: 'x.csv' }],
    mapping: { patient_id: 'id' },
    measures: [
      { id: 'readmit', title: 'Readmission', direction: 'lower_is_better', numerator: 'x' },
      { id: 'screen', title: 'Screening', direction: 'higher_is_better', numerator: 'x' },
    ],
    analysis,
    ...extra,
  });
}
