import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { EUNOMIA, loadFixture, type Loaded } from './__fixtures__/load.js';
import { sharedData } from '../../../test/support/needs.js';

// The OHDSI Eunomia Synthea27Nj CDM v5.4 fixture (../shared/data, SOURCE.md): 28 persons. The expected
// distribution is an independent count of PERSON.csv.gz (read here with DuckDB, concept ids labelled with
// docs/data-standards.md §5; concept 0 with a source value is Unknown).
const LABEL: Record<string, string> = {
  '8527': 'White',
  '8516': 'Black or African American',
  '8515': 'Asian',
  '0': 'Unknown',
};

describe.skipIf(!sharedData('omop-synthea27nj-eunomia/PERSON.csv.gz'))(
  'loadOmop on the Eunomia Synthea27Nj fixture',
  () => {
    let l: Loaded;
    beforeAll(async () => {
      l = await loadFixture([EUNOMIA]);
    });
    afterAll(async () => l.close());

    it('loads 28 persons and the race distribution of PERSON.csv.gz', async () => {
      const direct = await openDuckDB(':memory:');
      const raw = await direct.all<{ race: string; n: number }>(
        `SELECT CAST(race_concept_id AS VARCHAR) AS race, COUNT(*) AS n FROM read_csv('${join(EUNOMIA, 'PERSON.csv.gz')}') GROUP BY 1`,
      );
      const eth = await direct.all<{ e: string; n: number }>(
        `SELECT CAST(ethnicity_concept_id AS VARCHAR) AS e, COUNT(*) AS n FROM read_csv('${join(EUNOMIA, 'PERSON.csv.gz')}') GROUP BY 1`,
      );
      await direct.close();
      const expected = Object.fromEntries(raw.map((r) => [LABEL[r.race], r.n]));
      expect(expected).toEqual({ White: 20, 'Black or African American': 3, Asian: 1, Unknown: 4 }); // SOURCE.md
      const got = await l.engine.all<{ race: string; n: number }>(
        `SELECT race, COUNT(*) AS n FROM ${l.schema}.patients GROUP BY 1`,
      );
      expect(Object.fromEntries(got.map((r) => [r.race, r.n]))).toEqual(expected);
      const ethnicity = await l.engine.all<{ e: string; n: number }>(
        `SELECT ethnicity AS e, COUNT(*) AS n FROM ${l.schema}.patients GROUP BY 1`,
      );
      const ethLabel: Record<string, string> = {
        '38003563': 'Hispanic or Latino',
        '38003564': 'Not Hispanic or Latino',
      };
      expect(Object.fromEntries(ethnicity.map((r) => [r.e, r.n]))).toEqual(
        Object.fromEntries(eth.map((r) => [ethLabel[r.e], r.n])),
      );
    });

    it('accounts for every row and reports the PRAPARE questions that lost their answers', () => {
      const { result } = l;
      expect(result.read).toBe(result.loaded + result.rejected);
      expect(result.rejected).toBe(0);
      const person = result.files.find((f) => f.file.endsWith('PERSON.csv.gz'));
      expect(person).toMatchObject({ read: 28, loaded: 28 });
      const w = result.warnings.find((x) => x.code === 'omop_sdoh_unanswered');
      expect(w?.rows).toBeGreaterThan(0);
    });
  },
);
