import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../model/index.js';
import type { Engine } from '../dialect.js';
import { pgliteEngine } from '../postgres/pglite.js';
import { runPlan } from './run-plan.js';
import { buildPlan } from '../../analysis/plan.js';

/** The numerator of a rate measure is sum(value), in portable SQL: PostgreSQL (PGlite, in-process). */
let db: PGlite;
const engine = (groupingSets: boolean): Engine => pgliteEngine(db, { groupingSets });

beforeAll(async () => {
  db = new PGlite();
  await db.exec('CREATE SCHEMA ds_1');
  await db.exec(createTableSql('ds_1', 'patients'));
  await db.exec(createTableSql('ds_1', 'measure_rows'));
  await db.exec(
    `INSERT INTO ds_1.patients (patient_id, sex) VALUES ('a', 'Female'), ('b', 'Male'), ('c', 'Female')`,
  );
  // ed: a 3 visits, b none (value NULL counts 0), c 2 → 5 visits / 3 patients; screen: a proportion, 1 of 2.
  await db.exec(`INSERT INTO ds_1.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded, value) VALUES
    ('a', 'a', 'ed', DATE '2024-12-31', true, true, false, 3), ('b', 'b', 'ed', DATE '2024-12-31', true, false, false, NULL),
    ('c', 'c', 'ed', DATE '2024-12-31', true, true, false, 2), ('a', 'a2', 'screen', DATE '2024-12-31', true, true, false, 7),
    ('b', 'b2', 'screen', DATE '2024-12-31', true, false, false, 9)`);
});
afterAll(async () => db.close());

describe('rate measures on PostgreSQL', () => {
  for (const groupingSets of [true, false])
    for (const preaggregate of [true, false])
      it(`sums value for rate measures only (grouping sets: ${groupingSets}, preaggregate: ${preaggregate})`, async () => {
        const plan = buildPlan({
          schema: 'ds_1',
          measures: ['ed', 'screen'],
          rateMeasures: ['ed'],
          period: 'none',
          hasPeriodColumn: false,
          stratifiers: ['sex'],
          intersections: [],
          discovery: [],
          facets: [],
          standardize: false,
          preaggregate,
        });
        const cube = await runPlan(engine(groupingSets), plan);
        expect(cube.get('ed', {})).toMatchObject({ numerator: 5, denominator: 3 });
        expect(cube.get('ed', { sex: 'Female' })).toMatchObject({ numerator: 5, denominator: 2 });
        expect(cube.get('ed', { sex: 'Male' })).toMatchObject({ numerator: 0, denominator: 1 });
        expect(cube.get('screen', {})).toMatchObject({ numerator: 1, denominator: 2 });
      });
});
