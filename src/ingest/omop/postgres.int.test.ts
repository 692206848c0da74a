import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, omopConfig, type Loaded } from './__fixtures__/load.js';
import { postgresUrl } from '../../../test/support/needs.js';
import { openPostgres } from '../../engine/postgres/postgres-driver.js';

// A real PostgreSQL server (TEST_DATABASE_URL): the OMOP source reads a CDM schema through `pg`.
const URL_ = postgresUrl();
const SCHEMA = `omop_it_${process.pid}`;

describe.skipIf(!URL_)('loadOmop from a PostgreSQL schema', () => {
  let l: Loaded;
  beforeAll(async () => {
    const client = await openPostgres(URL_ as string);
    await client.run(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA};
      CREATE TABLE ${SCHEMA}.person (person_id BIGINT PRIMARY KEY, gender_concept_id INTEGER, year_of_birth INTEGER,
        month_of_birth INTEGER, day_of_birth INTEGER, race_concept_id INTEGER, ethnicity_concept_id INTEGER,
        race_source_value VARCHAR(50));
      INSERT INTO ${SCHEMA}.person VALUES (1, 8507, 1960, 5, 1, 8527, 38003564, 'white'),
        (2, 8532, 1980, 2, 10, 8516, 38003563, 'black'), (3, 8532, 1990, 1, 1, 0, 0, 'hawaiian');
      CREATE TABLE ${SCHEMA}.visit_occurrence (visit_occurrence_id BIGINT PRIMARY KEY, person_id BIGINT,
        visit_concept_id INTEGER, visit_start_date DATE, visit_end_date DATE);
      INSERT INTO ${SCHEMA}.visit_occurrence VALUES (1, 1, 9202, '2021-03-01', '2021-03-01'),
        (2, 2, 9203, '2021-04-01', '2021-04-01'), (3, 9, 9202, '2021-05-01', '2021-05-01');`);
    await client.close();
    const config = omopConfig({ sources: [{ name: 'omop', type: 'omop', path: `${URL_}#${SCHEMA}` }] });
    l = await loadFixture([`${URL_}#${SCHEMA}`], config);
  });
  afterAll(async () => {
    await l?.close();
    const client = await openPostgres(URL_ as string);
    await client.run(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.close();
  });

  it('loads persons and visits and rejects a visit of an unknown person', async () => {
    const rows = await l.engine.all(`SELECT patient_id, race, sex FROM ${l.schema}.patients ORDER BY 1`);
    expect(rows).toEqual([
      { patient_id: '1', race: 'White', sex: 'Male' },
      { patient_id: '2', race: 'Black or African American', sex: 'Female' },
      { patient_id: '3', race: 'Unknown', sex: 'Female' },
    ]);
    expect(await l.engine.all(`SELECT encounter_id, class FROM ${l.schema}.encounters ORDER BY 1`)).toEqual([
      { encounter_id: '1', class: 'AMB' },
      { encounter_id: '2', class: 'EMER' },
    ]);
    const rej = await l.engine.all(`SELECT file, line, column_name FROM ${l.schema}.rejections`);
    expect(rej).toEqual([
      { file: `postgresql:${SCHEMA}.visit_occurrence`, line: 3, column_name: 'person_id' },
    ]);
    expect(l.result).toMatchObject({ read: 6, loaded: 5, rejected: 1 });
  });
});
