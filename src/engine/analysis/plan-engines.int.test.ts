/**
 * The same analysis plan on DuckDB and on PostgreSQL gives the same counts.
 * Needs a PostgreSQL server: set TEST_DATABASE_URL (e.g. postgres://postgres:postgres@localhost:5432/postgres);
 * skipped when unset. The test creates and drops its own schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../model/index.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import type { Engine } from '../dialect.js';
import { openPostgres } from '../postgres/postgres-driver.js';
import { insertHandRows } from './__fixtures__/canonical.js';
import { runPlan } from './run-plan.js';
import type { Cell } from '../../analysis/cube.js';
import { buildPlan } from '../../analysis/plan.js';
import { postgresUrl } from '../../../test/support/needs.js';

const url = postgresUrl();
const schema = `equilens_it_${process.pid}`;

async function load(engine: Engine): Promise<void> {
  await engine.run(`CREATE SCHEMA ${schema}`);
  for (const t of ['patients', 'measure_rows'] as const) await engine.run(createTableSql(schema, t));
  await insertHandRows(schema, engine);
}

const plan = buildPlan({
  schema,
  measures: ['readmit'],
  period: 'quarter',
  hasPeriodColumn: true,
  stratifiers: ['race_ethnicity', 'sex', 'age_band'],
  intersections: [['race_ethnicity', 'sex']],
  discovery: [['payer', 'sex', 'age_band']],
  facets: ['site'],
  standardize: true,
});
const sorted = (cells: readonly Cell[]) =>
  cells
    .map((c) => JSON.stringify([c.measure, Object.entries(c.values).sort(), c.numerator, c.denominator]))
    .sort();

describe.skipIf(!url)('analysis plan on PostgreSQL', () => {
  let pg: Engine;
  let duck: Engine;
  beforeAll(async () => {
    pg = await openPostgres(url as string);
    duck = await openDuckDB(':memory:');
    await load(pg);
    await load(duck);
  });
  afterAll(async () => {
    await pg?.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pg?.close();
    await duck?.close();
  });

  it('gives the same counts as DuckDB with GROUPING SETS and with the UNION ALL fallback', async () => {
    const fromDuck = sorted((await runPlan(duck, plan)).cells);
    expect(fromDuck.length).toBeGreaterThan(20);
    expect(sorted((await runPlan(pg, plan)).cells)).toEqual(fromDuck);
    const noSets = Object.create(pg, {
      capabilities: { value: { ...pg.capabilities, groupingSets: false } },
    }) as Engine;
    expect(sorted((await runPlan(noSets, plan)).cells)).toEqual(fromDuck);
  });
});
