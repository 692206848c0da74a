import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../dialect.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { CLINICAL_TABLES, createClinicalTableSql, type ClinicalTable } from '../../model/clinical.js';
import { createTableSql } from '../../model/tables.js';
import { libraryMeasure } from '../../measures/library/index.js';
import { compileMeasure } from './compile.js';

// Clinical rows inserted directly; expected rows worked out by hand from the definitions in
// src/measures/library (window arithmetic: src/measures/window.ts).
const S = 'ds_1';
const PERIOD = { start: '2024-01-01', end: '2024-12-31' };
let engine: Engine;

beforeEach(async () => {
  engine = await openDuckDB(':memory:');
  await engine.run(`CREATE SCHEMA ${S}`);
  await engine.run(createTableSql(S, 'patients'));
  await engine.run(createTableSql(S, 'measure_rows'));
  for (const t of Object.keys(CLINICAL_TABLES) as ClinicalTable[])
    await engine.run(createClinicalTableSql(S, t));
});
afterEach(async () => engine.close());

async function patient(id: string, birth: string, sex = 'Female'): Promise<void> {
  await engine.run(`INSERT INTO ${S}.patients (patient_id, birth_date, sex) VALUES ($1, $2::DATE, $3)`, [
    id,
    birth,
    sex,
  ]);
  await engine.run(
    `INSERT INTO ${S}.encounters (patient_id, encounter_id, class, start_date, end_date) VALUES ($1, $2, 'AMB', DATE '2024-03-01', DATE '2024-03-01')`,
    [id, `v-${id}`],
  );
}
const event = (table: string, cols: string, values: string): Promise<void> =>
  engine.run(`INSERT INTO ${S}.${table} (${cols}) VALUES ${values}`);

async function rows(id: string): Promise<Record<string, [boolean, boolean, number | null]>> {
  const def = libraryMeasure(id);
  if (!def) throw new Error(id);
  await engine.run(
    compileMeasure(S, def, {
      measureId: id,
      period: PERIOD,
      dialect: engine.dialect,
      lookup: libraryMeasure,
    }),
  );
  const got = await engine.all<{ u: string; n: boolean; x: boolean; v: number | null }>(
    `SELECT unit_id AS u, in_numerator AS n, excluded AS x, value AS v FROM ${S}.measure_rows WHERE measure_id = $1 ORDER BY 1`,
    [id],
  );
  return Object.fromEntries(got.map((r) => [r.u, [r.n, r.x, r.v]]));
}

describe('compiled library measures', () => {
  it('hba1c-poor-control: no HbA1c in the period is poor control; two results the same day → the higher', async () => {
    for (const p of ['a', 'b', 'c']) {
      await patient(p, '1970-01-01');
      await event(
        'conditions',
        'patient_id, code, system, onset_date',
        `('${p}', 'E11.65', 'icd10cm', DATE '2020-01-01')`,
      );
    }
    await event(
      'observations',
      'patient_id, code, system, effective_date, value_num',
      `('a', '4548-4', 'loinc', DATE '2024-05-01', 7.0), ('a', '4548-4', 'loinc', DATE '2024-05-01', 9.4),
       ('b', '4548-4', 'loinc', DATE '2023-12-31', 6.0), ('c', '4548-4', 'loinc', DATE '2024-12-31', 8.0)`,
    );
    expect(await rows('hba1c-poor-control')).toEqual({
      a: [true, false, 9.4], // same day 7.0 and 9.4: the worse counts
      b: [true, false, null], // only a result before the period: none in the period → poor control
      c: [false, false, 8], // on the last day of the period
    });
  });

  it('cbp: lowest systolic and lowest diastolic of the most recent day with both (CMS165)', async () => {
    await patient('a', '1960-01-01');
    await event(
      'conditions',
      'patient_id, code, system, onset_date',
      `('a', '38341003', 'snomed', DATE '2024-12-31')`,
    );
    await event(
      'observations',
      'patient_id, code, system, panel_code, effective_date, value_num',
      `('a', '8480-6', 'loinc', '85354-9', DATE '2024-06-01', 150), ('a', '8480-6', 'loinc', '85354-9', DATE '2024-06-01', 138),
       ('a', '8462-4', 'loinc', '85354-9', DATE '2024-06-01', 95), ('a', '8462-4', 'loinc', '85354-9', DATE '2024-06-01', 88)`,
    );
    // 138 (lowest systolic) with 88 (lowest diastolic): controlled, though no single reading was both.
    expect(await rows('cbp')).toEqual({ a: [true, false, 138] });
  });

  it('breast-cancer-screening: women 52–74, mammogram in the 27 months to the period end, mastectomy excluded', async () => {
    await patient('in', '1960-01-01');
    await patient('old', '1960-01-01');
    await patient('man', '1960-01-01', 'Male');
    await patient('young', '1973-01-01'); // 51 at the period end
    await patient('excl', '1960-01-01');
    await event(
      'procedures',
      'patient_id, code, system, performed_date',
      `('in', '71651007', 'snomed', DATE '2022-10-01'), ('old', '71651007', 'snomed', DATE '2022-09-30'),
       ('excl', '52314009', 'snomed', DATE '2010-01-01')`,
    );
    expect(await rows('breast-cancer-screening')).toEqual({
      excl: [false, true, null],
      in: [true, false, null], // 2022-10-01 is the first day of the 27-month window
      old: [false, false, null], // one day earlier
    });
  });

  it('colorectal-cancer-screening: look-backs per test and the cancer exclusion', async () => {
    for (const p of ['colo9', 'colo11', 'fobt', 'cancer']) await patient(p, '1960-06-01', 'Male');
    await event(
      'procedures',
      'patient_id, code, system, performed_date',
      `('colo9', '73761001', 'snomed', DATE '2015-01-01'), ('colo11', '73761001', 'snomed', DATE '2014-12-31')`,
    );
    await event(
      'observations',
      'patient_id, code, system, effective_date, value_num',
      `('fobt', '2335-8', 'loinc', DATE '2024-02-02', 0)`,
    );
    await event(
      'conditions',
      'patient_id, code, system, onset_date',
      `('cancer', 'C18.7', 'icd10cm', DATE '2019-01-01')`,
    );
    expect(await rows('colorectal-cancer-screening')).toEqual({
      cancer: [false, true, null],
      colo11: [false, false, null], // 2014-12-31 is outside the 10 years 2015-01-01…2024-12-31
      colo9: [true, false, null],
      fobt: [true, false, null],
    });
  });

  it('ed-visits carries the count of ED visits as the value', async () => {
    await patient('a', '2000-01-01');
    await patient('b', '2000-01-01');
    await event(
      'encounters',
      'patient_id, encounter_id, class, start_date',
      `('a', 'e1', 'EMER', DATE '2024-01-01'), ('a', 'e2', 'EMER', DATE '2024-12-31'), ('a', 'e3', 'EMER', DATE '2025-01-01')`,
    );
    expect(await rows('ed-visits')).toEqual({ a: [true, false, 2], b: [false, false, 0] });
  });

  it('sdoh-positive-food counts only patients screened in all five domains', async () => {
    await patient('all5', '1990-01-01');
    await patient('food-only', '1990-01-01');
    const five = ['food', 'housing_instability', 'transportation', 'utilities', 'interpersonal_safety'];
    await event(
      'sdoh_screenings',
      'patient_id, screen_date, domain, screened, positive',
      [
        ...five.map((d) => `('all5', DATE '2024-04-01', '${d}', TRUE, ${d === 'food'})`),
        `('food-only', DATE '2024-04-01', 'food', TRUE, TRUE)`,
      ].join(', '),
    );
    expect(await rows('sdoh-positive-food')).toEqual({ all5: [true, false, null] });
    expect(await rows('sdoh-screening')).toEqual({
      all5: [true, false, null],
      'food-only': [false, false, null],
    });
  });
});
