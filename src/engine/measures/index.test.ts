import { describe, expect, it } from 'vitest';
import type { EquilensConfig } from '../../config/index.js';
import { FIXTURE_CDM, loadFixture, omopConfig } from '../../ingest/omop/__fixtures__/load.js';
import { libraryMeasure } from '../../measures/library/index.js';
import { deriveLibraryMeasures } from './index.js';

const YEAR_2021 = { start: '2021-01-01', end: '2021-12-31' };

function configFor(ids: string[], period = YEAR_2021): EquilensConfig {
  return omopConfig({
    measures: ids.map((id) => {
      const def = libraryMeasure(id);
      return {
        id,
        title: def?.title ?? id,
        direction: def?.direction ?? 'higher_is_better',
        library: id,
        unit: 'patient',
        period,
      };
    }),
  });
}

/** Load the OMOP fixture, derive the measures, return {measure: [denominator, numerator, excluded]}. */
async function counts(ids: string[], period = YEAR_2021): Promise<Record<string, [number, number, number]>> {
  const config = configFor(ids, period);
  const l = await loadFixture([FIXTURE_CDM], config, async (engine, schema) => {
    await deriveLibraryMeasures(engine, schema, config);
  });
  try {
    const rows = await l.engine.all<{ m: string; d: number; n: number; x: number }>(
      `SELECT measure_id AS m, COUNT(*) FILTER (WHERE in_denominator AND NOT excluded) AS d,
         COUNT(*) FILTER (WHERE in_numerator AND NOT excluded) AS n, COUNT(*) FILTER (WHERE excluded) AS x
       FROM ${l.schema}.measure_rows GROUP BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.m, [r.d, r.n, r.x]]));
  } finally {
    await l.close();
  }
}

// Expected counts worked out by hand from src/ingest/omop/__fixtures__/cdm (persons 1–5):
// cbp: persons 1 (two systolics on 2021-12-31, the period's last day: lowest 135 with 85 → controlled),
//   4 (turns 18 on 2021-07-15; the latest day with both parts is 2021-08-01, 130/80: a later systolic-only
//   day is skipped, as CMS165) and 5 (systolic only, diastolic missing → not controlled) → 3 / 2.
describe('library measures on the OMOP fixture, period 2021', () => {
  it('computes every measure with known answers', async () => {
    const got = await counts([
      'cbp',
      'hba1c-poor-control',
      'hba1c-testing',
      'sdoh-screening',
      'sdoh-positive-transportation',
      'sdoh-positive-food',
      'sdoh-positive-interpersonal-safety',
      'tobacco-screening',
      'ed-visits',
      'readmission-30d',
    ]);
    expect(got).toEqual({
      cbp: [3, 2, 0],
      // person 2: E11.9 since 2019, latest HbA1c 8.1 (an earlier 10.2 does not count); person 5's diabetes
      // starts in 2022, after the period.
      'hba1c-poor-control': [1, 0, 0],
      'hba1c-testing': [1, 1, 0],
      // adults with a 2021 visit: 1, 2, 4, 5; only person 1 answered all five domains (one answer was
      // "I choose not to answer": screened). Person 4's PRAPARE questions have no answers: not screened.
      'sdoh-screening': [4, 1, 0],
      'sdoh-positive-transportation': [1, 1, 0],
      'sdoh-positive-food': [1, 0, 0], // "choose not to answer" is not positive
      'sdoh-positive-interpersonal-safety': [1, 1, 0],
      'tobacco-screening': [4, 1, 0],
      'ed-visits': [4, 1, 0],
      // index stays discharged 2021-07-05 (readmitted 2021-07-20) and 2021-07-22 (not readmitted)
      'readmission-30d': [2, 1, 0],
    });
  });

  it('uses the age at the period end: a patient turning 18 after it is not counted', async () => {
    // Person 4 turns 18 on 2021-07-15: in a first-half period she is 17 at its end.
    const got = await counts(['cbp'], { start: '2021-01-01', end: '2021-06-30' });
    // first half: person 1 (latest day with both parts 2021-03-01, 150/95 → not controlled) and person 5
    expect(got).toEqual({ cbp: [2, 0, 0] });
  });

  it('counts a reading only inside the period (period ending the day before the last reading)', async () => {
    const got = await counts(['cbp'], { start: '2021-01-01', end: '2021-12-30' });
    // person 1's latest day with both parts becomes 2021-03-01 (150/95): not controlled; person 4 still is.
    expect(got).toEqual({ cbp: [3, 1, 0] });
  });
});
