import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { EUNOMIA, loadFixture } from '../../ingest/omop/__fixtures__/load.js';
import { deriveLibraryMeasures } from './index.js';
import { sharedData } from '../../../test/support/needs.js';

const EXAMPLE = 'examples/omop-eunomia/equilens.yaml';

/** Independent counts straight from the CSV files (DuckDB SQL written for this test, not the compiler). */
async function direct(): Promise<Record<string, [number, number]>> {
  const db = await openDuckDB(':memory:');
  const f = (t: string): string => `read_csv('${join(EUNOMIA, `${t}.csv.gz`)}')`;
  const base = (minAge: number) => `SELECT p.person_id FROM ${f('PERSON')} p
    WHERE date_diff('year', p.birth_datetime::DATE, DATE '2021-12-31')
      - CASE WHEN strftime(p.birth_datetime, '%m%d') > '1231' THEN 1 ELSE 0 END >= ${minAge}
      AND p.person_id IN (SELECT person_id FROM ${f('VISIT_OCCURRENCE')} WHERE year(visit_start_date) = 2021)`;
  const withObs = (table: string, col: string, dateCol: string, code: string) =>
    `SELECT person_id FROM ${f(table)} WHERE ${col} = '${code}' AND year(${dateCol}) = 2021`;
  const q = async (minAge: number, num: string): Promise<[number, number]> => {
    const [r] = (await db.all<{ d: number; n: number }>(
      `SELECT COUNT(*) AS d, COUNT(*) FILTER (WHERE person_id IN (${num})) AS n FROM (${base(minAge)})`,
    )) as [{ d: number; n: number }];
    return [r.d, r.n];
  };
  const out = {
    'tobacco-screening': await q(
      12,
      withObs('OBSERVATION', 'observation_source_value', 'observation_date', '72166-2'),
    ),
    'bmi-screening': await q(
      18,
      withObs('MEASUREMENT', 'measurement_source_value', 'measurement_date', '39156-5'),
    ),
  };
  await db.close();
  return out;
}

describe.skipIf(!sharedData('omop-synthea27nj-eunomia/PERSON.csv.gz'))(
  'the omop-eunomia example, period 2021',
  () => {
    it('computes the library measures; screening counts equal a direct count of the CSV files', async () => {
      const { config } = await loadConfig(EXAMPLE);
      let warnings: { code: string }[] = [];
      const l = await loadFixture([EUNOMIA], config, async (engine, schema) => {
        warnings = await deriveLibraryMeasures(engine, schema, config);
      });
      const rows = await l.engine.all<{ m: string; d: number; n: number }>(
        `SELECT measure_id AS m, COUNT(*) FILTER (WHERE in_denominator AND NOT excluded) AS d,
         COUNT(*) FILTER (WHERE in_numerator AND NOT excluded) AS n FROM ${l.schema}.measure_rows GROUP BY 1`,
      );
      await l.close();
      const got = Object.fromEntries(rows.map((r) => [r.m, [r.d, r.n]]));
      const want = await direct();
      expect(got['tobacco-screening']).toEqual(want['tobacco-screening']);
      expect(got['bmi-screening']).toEqual(want['bmi-screening']);
      // The ETL dropped every PRAPARE answer: adults are in the denominator, nobody is screened.
      expect(got['sdoh-screening']?.[1]).toBe(0);
      expect(got['sdoh-screening']?.[0]).toBe(want['bmi-screening']?.[0]); // same population: adults with a 2021 visit
      expect(warnings).toEqual([]);
    });
  },
);
