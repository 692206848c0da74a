import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatasetVersion, openWorkspace } from '../engine/workspace.js';
import { ckdEpi2009Cr, ckdEpi2021Cr, kdigoG } from '../equations/egfr.js';
import { captureIO } from './io.js';
import { main } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-egfr-dataset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// id, race, sex, age_years, birth_date
const PATIENTS: [string, string, string | null, number | null, string | null][] = [
  ['b1', 'Black or African American', 'Male', 60, null],
  ['b2', 'Black or African American', 'Female', null, '1970-06-01'],
  ['b3', 'Black or African American', 'Female', 45, null],
  ['w1', 'White', 'Male', 70, null],
  ['w2', 'White', 'Female', 30, null],
  ['d1', 'Declined', 'Male', 55, null],
  ['k1', 'Asian', null, 50, null],
];
// patient_id, creatinine, cystatin, date
const LABS = [
  ['b1', '3.5', '1.4', '2024-01-01'],
  ['b2', '1.2', '', '2024-03-01'], // age 53 from birth date
  ['b3', '0.8', '', ''],
  ['b1', '1.6', '', ''],
  ['w1', '3.1', '', ''],
  ['w2', '0.9', '', ''],
  ['d1', '2.0', '', ''],
  ['k1', '1.0', '', ''], // no sex → excluded
  ['zz', '1.0', '', ''], // not in the dataset
];

describe('equilens egfr LABS --workspace', () => {
  it('counts stage changes and waitlist crossings by race equal to a direct count, and finds race-adjusted codes', async () => {
    const wsDir = join(dir, 'ws');
    const ws = await openWorkspace(wsDir);
    await createDatasetVersion(
      ws.engine,
      { contentHash: 'feedfacefeedface', rows: { read: 7, loaded: 7, rejected: 0 } },
      async (schema, tx) => {
        for (const [id, race, sex, age, birth] of PATIENTS)
          await tx.run(
            `INSERT INTO ${schema}.patients (patient_id, race, sex, age_years, birth_date) VALUES ($1, $2, $3, $4, CAST($5 AS DATE))`,
            [id, race, sex, age, birth],
          );
        for (const m of ['48643-1', '48643-1', 'm_other'])
          await tx.run(
            `INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, in_denominator, in_numerator, excluded) VALUES ('b1', 'u' || $1, $1, true, false, false)`,
            [m],
          );
      },
    );
    await ws.close();
    writeFileSync(
      join(dir, 'labs.csv'),
      `patient_id,creatinine_mg_dl,cystatin_c_mg_l,date\n${LABS.map((l) => l.join(',')).join('\n')}\n`,
    );
    const io = captureIO(dir);
    const code = await main(
      ['node', 'equilens', 'egfr', 'labs.csv', '--workspace', wsDir, '--format', 'json'],
      io,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout);

    // The direct count: each lab row with its patient's age and sex, 2009 as applied vs 2021.
    const byId = new Map(PATIENTS.map((p) => [p[0], p]));
    const direct = new Map<string, { n: number; changed: number; cross: number }>();
    for (const [id, cr] of LABS) {
      const p = byId.get(id!);
      if (!p || !p[2]) continue;
      const age = p[3] ?? 53;
      const input = {
        ageYears: age,
        sex: p[2].toLowerCase() as 'female' | 'male',
        creatinineMgDl: Number(cr),
      };
      const old = ckdEpi2009Cr(input, p[1] === 'Black or African American');
      const now = ckdEpi2021Cr(input);
      const d = direct.get(p[1]) ?? { n: 0, changed: 0, cross: 0 };
      d.n++;
      if (kdigoG(old) !== kdigoG(now)) d.changed++;
      if (now <= 20 && old > 20) d.cross++;
      direct.set(p[1], d);
    }
    for (const [race, d] of direct)
      expect(result.by_race.find((r: { race: string }) => r.race === race)).toMatchObject({
        n: d.n,
        stage_changed: d.changed,
        cross_waitlist_only_2021: d.cross,
      });
    // Worked: b1 with creatinine 3.5 is the one crossing (2009 as applied > 20, 2021 ≤ 20).
    expect(
      result.by_race.find((r: { race: string }) => r.race === 'Black or African American')
        .cross_waitlist_only_2021,
    ).toBe(1);
    expect(result.by_race.find((r: { race: string }) => r.race === 'Declined').n).toBe(1);
    expect(result.excluded).toMatchObject({ no_sex: 1, not_in_dataset: 1 });
    expect(result.race_adjusted_use).toEqual([
      expect.objectContaining({ id: 'egfr_ckd_epi_2009', code: '48643-1', count: 2 }),
    ]);
  });
});
