/**
 * One conformance suite (hono's common.case.test.ts, kysely's per-dialect loop): the same cases run on
 * every engine and must give the same cells as DuckDB, the reference. Suppression reads only the plan's
 * cells, so identical plan cells are identical suppression inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../../../test/support/needs.js';
import { buildPlan } from '../../analysis/plan.js';
import { libraryIds, libraryMeasure } from '../../measures/library/index.js';
import { quoteLiteral, type Engine } from '../dialect.js';
import { runPlan } from '../analysis/run-plan.js';
import { compileMeasure } from '../measures/compile.js';
import { presentFields, tableColumns } from '../quality/fields.js';
import { patientCounts } from '../quality/sql.js';
import { conformanceEngines, type CaseName } from './engines.js';
import { loadFixture } from './fixture.js';

const S = 'conf_1';
const PERIOD = { start: '2024-01-01', end: '2024-12-31' };
const MEASURES = libraryIds();

type Result = unknown;
const CASES: Record<CaseName, (e: Engine) => Promise<Result>> = {
  'library measures': async (e) => {
    for (const id of MEASURES) {
      const def = libraryMeasure(id);
      if (!def) throw new Error(`no library measure ${id}`);
      await e.run(
        compileMeasure(S, def, { measureId: id, period: PERIOD, dialect: e.dialect, lookup: libraryMeasure }),
      );
    }
    return e.all(`SELECT measure_id, unit_id, patient_id, CAST(event_date AS VARCHAR) AS event_date, period,
        in_denominator, in_numerator, excluded, value, source
      FROM ${S}.measure_rows ORDER BY measure_id, unit_id`);
  },
  'analysis plan': async (e) => {
    const plan = buildPlan({
      schema: S,
      measures: MEASURES,
      rateMeasures: ['ed-visits'].filter((m) => MEASURES.includes(m)),
      period: 'quarter',
      hasPeriodColumn: true,
      stratifiers: ['sex', 'race_ethnicity'],
      intersections: [['sex', 'race_ethnicity']],
      discovery: [],
      facets: [],
      standardize: false,
    });
    const cube = await runPlan(e, plan);
    return [...cube.cells]
      .map((c) => ({ ...c, values: Object.fromEntries(Object.entries(c.values).sort()) }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  },
  'quality counts': async (e) => {
    const fields = presentFields(await tableColumns(e, S, 'patients'));
    const rows = await patientCounts(e, S, fields, false, true);
    return rows.sort((a, b) => String(a.source).localeCompare(String(b.source)));
  },
  catalogue: async (e) =>
    (await e.all<{ table_name: string }>(e.dialect.tablesInSchema(quoteLiteral(S)))).map((r) => r.table_name),
};

const engines = conformanceEngines(postgresUrl());
const results = new Map<string, Map<CaseName, Result>>();

beforeAll(async () => {
  for (const spec of engines) {
    const { engine, dispose } = await spec.open(S);
    const got = new Map<CaseName, Result>();
    try {
      await loadFixture(engine, S);
      for (const [name, run] of Object.entries(CASES) as [CaseName, (e: Engine) => Promise<Result>][])
        if (!spec.unsupported[name]) got.set(name, await run(engine));
    } finally {
      await dispose();
    }
    results.set(spec.name, got);
  }
}, 120_000);
afterAll(() => results.clear());

describe('engine conformance: the same cells as DuckDB', () => {
  const reference = () => results.get('DuckDB') as Map<CaseName, Result>;
  for (const name of Object.keys(CASES) as CaseName[]) {
    it(`${name}: DuckDB gives non-trivial results`, () => {
      const r = reference().get(name);
      expect(Array.isArray(r) && r.length > 0).toBe(true);
    });
    for (const spec of engines.slice(1)) {
      const reason = spec.unsupported[name];
      if (reason) it.todo(`${name} on ${spec.name}: not supported — ${reason}`);
      else
        it(`${name} on ${spec.name}`, () =>
          expect(results.get(spec.name)?.get(name)).toEqual(reference().get(name)));
    }
  }

  it('at least 11 library measures have rows on the fixture', () => {
    const rows = reference().get('library measures') as { measure_id: string }[];
    const covered = MEASURES.filter((id) => rows.some((r) => r.measure_id === id));
    // 11 of 16 today; the rest need populations the fixture does not build yet (SDOH positives, …).
    expect(covered.length).toBeGreaterThanOrEqual(11);
  });
});
