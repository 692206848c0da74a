/**
 * Test helper: a workspace with one hand-filled dataset version (six people, three sources, units over
 * three quarters plus one explicit period label) whose quality counts are worked out in the tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatasetVersion, openWorkspace, type Workspace } from '../../workspace.js';

export const PATIENTS = [
  // id, source, race_ethnicity, race, ethnicity, sex, payer, conflicts
  ['p1', 'ehr', 'Asian', 'Asian', 'Not Hispanic or Latino', 'Female', null, null],
  ['p2', 'ehr', 'Unknown', 'Unknown', 'Missing', 'Male', null, ['race']],
  ['p3', 'ehr', 'Declined', 'Declined', 'Declined', null, null, ['sex']],
  ['p4', 'claims', 'Hispanic or Latino', 'Unknown', 'Hispanic or Latino', 'Female', null, ['ethnicity', 'payer']],
  ['p5', 'claims', 'Missing', 'Missing', 'Missing', 'Missing', 'Medicare', []],
  ['p6', null, 'White', 'White', 'Not Hispanic or Latino', '', 'Declined', null],
] as const;

export const UNITS = [
  // patient, unit, event_date, period
  ['p1', 'e1', '2024-02-01', null],
  ['p1', 'e2', '2024-05-01', null],
  ['p2', 'e3', '2024-02-10', null],
  ['p2', 'e4', '2024-03-10', null],
  ['p4', 'e5', '2024-08-01', null],
  ['p5', 'e6', null, 'FY24'],
] as const;

const lit = (v: string | null): string => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
const arr = (v: readonly string[] | null): string =>
  v === null ? 'NULL' : `CAST([${v.map(lit).join(', ')}] AS VARCHAR[])`;

export async function qualityWorkspace(): Promise<{ ws: Workspace; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-quality-'));
  const ws = await openWorkspace(dir);
  await createDatasetVersion(
    ws.engine,
    { contentHash: '0123456789abcdef', rows: { read: 6, loaded: 6, rejected: 0 } },
    async (schema, tx) => {
      for (const [id, source, re, race, eth, sex, payer, conflicts] of PATIENTS) {
        await tx.run(
          `INSERT INTO ${schema}.patients (patient_id, source, race_ethnicity, race, ethnicity, sex, payer, conflicts)
           VALUES (${[id, source, re, race, eth, sex, payer].map(lit).join(', ')}, ${arr(conflicts)})`,
        );
      }
      for (const [pid, unit, date, period] of UNITS) {
        await tx.run(
          `INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, period, in_denominator, in_numerator, excluded)
           VALUES (${lit(pid)}, ${lit(unit)}, 'm1', ${date ? `DATE ${lit(date)}` : 'NULL'}, ${lit(period)}, true, false, false)`,
        );
      }
    },
  );
  return { ws, dir };
}
