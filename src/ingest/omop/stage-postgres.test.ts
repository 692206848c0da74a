import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/dialect.js';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { pgliteEngine } from '../../engine/postgres/pglite.js';
import { CDM_TABLES, stageTable } from './cdm-tables.js';
import { createStage } from './stage.js';
import { pgSchemaColumns, stagePgTable } from './stage-postgres.js';

// PostgreSQL semantics through PGlite (embedded PostgreSQL): keyset batches, upper-case names, text casts.
describe('staging CDM tables from PostgreSQL in batches', () => {
  let pg: PGlite;
  let duck: Engine;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec(`CREATE SCHEMA cdm;
      CREATE TABLE cdm."PERSON" ("PERSON_ID" BIGINT PRIMARY KEY, gender_concept_id INTEGER, year_of_birth INTEGER,
        birth_datetime TIMESTAMP, race_concept_id INTEGER);
      INSERT INTO cdm."PERSON" VALUES (3, 8507, 1970, '1970-03-04 10:00', 8527), (1, 8532, 1980, NULL, 0),
        (2, 8532, 1990, NULL, 8516), (10, 8507, 2000, NULL, 8515), (7, 0, NULL, NULL, 0);`);
    duck = await openDuckDB(':memory:');
  });
  afterAll(async () => {
    await pg.close();
    await duck.close();
  });

  it('copies every row in key order across batches, matching names case-insensitively', async () => {
    const { tables } = await pgSchemaColumns(pgliteEngine(pg), 'cdm');
    const person = CDM_TABLES.find((t) => t.name === 'PERSON')!;
    await createStage(duck, person);
    const got = await stagePgTable(duck, pgliteEngine(pg), 'cdm', tables.get('person'), person, 2);
    expect(got).toEqual({ file: 'postgresql:cdm.PERSON', rows: 5 });
    const rows = await duck.all(
      `SELECT _line, person_id, race_concept_id, birth_datetime, location_id FROM ${stageTable('PERSON')} ORDER BY _line`,
    );
    expect(rows).toEqual([
      { _line: 1, person_id: '1', race_concept_id: '0', birth_datetime: null, location_id: null },
      { _line: 2, person_id: '2', race_concept_id: '8516', birth_datetime: null, location_id: null },
      {
        _line: 3,
        person_id: '3',
        race_concept_id: '8527',
        birth_datetime: '1970-03-04 10:00:00',
        location_id: null,
      },
      { _line: 4, person_id: '7', race_concept_id: '0', birth_datetime: null, location_id: null },
      { _line: 5, person_id: '10', race_concept_id: '8515', birth_datetime: null, location_id: null },
    ]);
  });

  it('says which schema is empty', async () => {
    await expect(pgSchemaColumns(pgliteEngine(pg), 'nope')).rejects.toThrow(/schema "nope" has no tables/);
  });
});
