import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../model/index.js';
import type { Engine } from '../dialect.js';
import { pgliteEngine } from '../postgres/pglite.js';
import { presentFields, tableColumns } from './fields.js';
import { patientCounts, periodCounts } from './sql.js';

/** The generated SQL is portable: run it on PostgreSQL (PGlite, in-process), with and without GROUPING SETS. */
let db: PGlite;
const engine = (groupingSets: boolean): Engine => pgliteEngine(db, { groupingSets });

beforeAll(async () => {
  db = new PGlite();
  await db.exec('CREATE SCHEMA ds_1');
  await db.exec(createTableSql('ds_1', 'patients'));
  await db.exec(createTableSql('ds_1', 'measure_rows'));
  await db.exec(`INSERT INTO ds_1.patients (patient_id, source, race_ethnicity, race, conflicts) VALUES
    ('a', 'ehr', 'White', 'White', ARRAY['race']), ('b', NULL, 'Unknown', 'Unknown', NULL), ('c', 'ehr', NULL, 'Declined', ARRAY['sex'])`);
  await db.exec(`INSERT INTO ds_1.measure_rows (patient_id, unit_id, measure_id, event_date, period, in_denominator, in_numerator, excluded) VALUES
    ('a', '1', 'm', DATE '2024-05-02', NULL, true, false, false), ('b', '2', 'm', NULL, 'FY24', true, false, false)`);
});
afterAll(async () => db.close());

describe('quality SQL on PostgreSQL', () => {
  for (const groupingSets of [true, false]) {
    it(`counts people overall and by source (grouping sets: ${groupingSets})`, async () => {
      const e = engine(groupingSets);
      const fields = presentFields(await tableColumns(e, 'ds_1', 'patients'));
      expect(fields.slice(0, 2)).toEqual(['race_ethnicity', 'race']);
      const rows = await patientCounts(e, 'ds_1', fields, true, true);
      const overall = rows.find((r) => Number(r.g) === 1)!;
      // race_ethnicity: White known, Unknown, NULL missing; conflicts on race count for race_ethnicity.
      expect([overall.total, overall.k0, overall.u0, overall.d0, overall.m0, overall.x0].map(Number)).toEqual(
        [3, 1, 1, 0, 1, 1],
      );
      expect(rows.filter((r) => Number(r.g) === 0).map((r) => [r.source, Number(r.total)])).toEqual(
        expect.arrayContaining([
          ['ehr', 2],
          [null, 1],
        ]),
      );
    });
  }

  it('buckets the people behind each period', async () => {
    const e = engine(true);
    const rows = await periodCounts(e, 'ds_1', ['race_ethnicity'], true, 'quarter', true);
    expect(rows.map((r) => [r.period, Number(r.total), Number(r.k0)])).toEqual([
      ['2024Q2', 1, 1],
      ['FY24', 1, 0],
    ]);
  });
});
