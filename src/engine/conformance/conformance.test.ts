/**
 * One conformance suite (hono's common.case.test.ts, kysely's per-dialect loop): the same cases run on
 * every engine and must give the same cells as DuckDB, the reference: every library measure's rows, the
 * analysis plan's cells, the cells, margins and suppression pattern the public edition starts from, the
 * data-quality report (overall, by source, by period, conflicts) and the catalogue (tables and columns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../../../test/support/needs.js';
import { buildResults } from '../../analysis/build-results.js';
import type { Cube } from '../../analysis/cube.js';
import { buildPlan } from '../../analysis/plan.js';
import { AnalysisSchema } from '../../config/analysis.js';
import { measureCells, suppressTable } from '../../suppression/index.js';
import { libraryIds, libraryMeasure } from '../../measures/library/index.js';
import { quoteLiteral, type Engine } from '../dialect.js';
import { runPlan } from '../analysis/run-plan.js';
import { compileMeasure } from '../measures/compile.js';
import { qualityReport, type QualityReport } from '../quality/report.js';
import type { DatasetVersion } from '../workspace.js';
import { conformanceEngines, type CaseName } from './engines.js';
import { loadFixture } from './fixture.js';

const S = 'conf_1';
const PERIOD = { start: '2024-01-01', end: '2024-12-31' };
const MEASURES = libraryIds();

const STRATIFIERS = ['sex', 'race_ethnicity'];
const byJson = (a: unknown, b: unknown): number => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/** The analysis plan's cells on `e` (every measure, two stratifiers, their intersection, by quarter). */
async function planCube(e: Engine): Promise<Cube> {
  const plan = buildPlan({
    schema: S,
    measures: MEASURES,
    rateMeasures: ['ed-visits'].filter((m) => MEASURES.includes(m)),
    period: 'quarter',
    hasPeriodColumn: true,
    stratifiers: STRATIFIERS,
    intersections: [STRATIFIERS],
    discovery: [],
    facets: [],
    standardize: false,
  });
  return runPlan(e, plan);
}

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
  'analysis plan': async (e) =>
    [...(await planCube(e)).cells]
      .map((c) => ({ ...c, values: Object.fromEntries(Object.entries(c.values).sort()) }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  'suppression inputs': async (e) => {
    const built = buildResults({
      cube: await planCube(e),
      measures: MEASURES.map((id) => ({ id, title: id, direction: 'higher_is_better' as const })),
      analysis: AnalysisSchema.parse({
        period: 'quarter',
        intersections: [STRATIFIERS],
        discovery: { enabled: false },
      }),
      stratifiers: STRATIFIERS,
      facets: [],
      discovery: [],
      standardize: false,
    });
    return built.measures.map((m) => {
      const { cells, margins } = measureCells(m, built.intersections);
      const hidden = [...suppressTable(cells, margins, 11)].sort();
      return { measure: m.id, cells: [...cells].sort(byJson), margins: [...margins].sort(byJson), hidden };
    });
  },
  'quality counts': async (e) => {
    const dataset: DatasetVersion = {
      ...{ version: 1, id: 'v1-conform', schema: S, contentHash: '', configHash: null, createdAt: '' },
      ...{ rows: { read: 0, loaded: 0, rejected: 0 }, patients: 0, measureRows: 0, meta: {} },
    };
    const report = await qualityReport(e, dataset, { period: 'quarter' });
    return [report];
  },
  catalogue: async (e) => {
    const tables = await e.all<{ table_name: string }>(e.dialect.tablesInSchema(quoteLiteral(S)));
    const columns = async (t: string) =>
      (await e.all<{ column_name: string }>(e.dialect.columnsOf(quoteLiteral(S), quoteLiteral(t)))).map(
        (c) => c.column_name,
      );
    return Promise.all(
      tables.map(async (t) => ({ table: t.table_name, columns: await columns(t.table_name) })),
    );
  },
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

  it('every library measure has denominator and numerator rows on the fixture', () => {
    const rows = reference().get('library measures') as { measure_id: string; in_numerator: boolean }[];
    const missing = MEASURES.filter((id) => !rows.some((r) => r.measure_id === id && r.in_numerator));
    expect(missing).toEqual([]);
  });

  it('the quality case counts every class: known, unknown, declined, missing and conflicting', () => {
    const [report] = reference().get('quality counts') as QualityReport[];
    const language = report?.fields.find((f) => f.field === 'language');
    // 24 people, languages in turn English, Spanish, Unknown, Declined, NULL, '' (worked from the fixture).
    expect(language).toMatchObject({
      known: 8,
      unknown: 4,
      declined: 4,
      missing: 8,
      conflicting: 3,
      total: 24,
    });
    expect(report?.bySource.length).toBeGreaterThan(0);
    expect(report?.byPeriod.length).toBeGreaterThan(0);
  });

  it('the suppression case hides cells (small groups exist in the fixture)', () => {
    const rows = reference().get('suppression inputs') as { hidden: unknown[] }[];
    expect(rows.length).toBe(MEASURES.length);
    expect(rows.some((r) => r.hidden.length > 0)).toBe(true);
  });
});
