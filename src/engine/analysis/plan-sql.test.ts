import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directStandardise, US2000 } from '../../stats/index.js';
import type { Engine } from '../dialect.js';
import type { DatasetVersion, Workspace } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { runPlan } from './run-plan.js';
import { engineSets, type Cell } from '../../analysis/cube.js';
import { gridDataset, GRID_RACES, tempWorkspace, testConfig } from './__fixtures__/canonical.js';
import { buildPlan } from '../../analysis/plan.js';

let ws: Workspace;
let ds: DatasetVersion;
beforeAll(async () => {
  ({ ws } = await tempWorkspace());
  ds = await gridDataset(ws, 3000);
});
afterAll(async () => ws.close());

const sorted = (cells: readonly Cell[]) =>
  cells
    .map((c) => JSON.stringify([c.measure, Object.entries(c.values).sort(), c.numerator, c.denominator]))
    .sort();

describe('analysis plan SQL on DuckDB', () => {
  const plan = () =>
    buildPlan({
      schema: ds.schema,
      measures: ['readmit', 'screen'],
      period: 'month',
      hasPeriodColumn: true,
      stratifiers: ['race_ethnicity', 'sex', 'payer', 'age_band'],
      intersections: [['race_ethnicity', 'sex', 'payer']],
      discovery: [['sex', 'age_band']],
      facets: ['site'],
      standardize: true,
    });

  it('counts equal direct SQL over the rows', async () => {
    const cube = await runPlan(ws.engine, plan());
    const direct = await ws.engine.all<{ m: string; re: string; mo: string; num: number; den: number }>(
      `SELECT r.measure_id AS m, p.race_ethnicity AS re, strftime(r.event_date, '%Y-%m') AS mo,
              CAST(SUM(CASE WHEN r.in_numerator THEN 1 ELSE 0 END) AS INTEGER) AS num, CAST(COUNT(*) AS INTEGER) AS den
       FROM ${ds.schema}.measure_rows r JOIN ${ds.schema}.patients p USING (patient_id) GROUP BY ALL`,
    );
    expect(direct.length).toBe(2 * GRID_RACES.length * 3);
    for (const d of direct) {
      const c = cube.get(d.m, { race_ethnicity: d.re, '@period': d.mo })!;
      expect([c.numerator, c.denominator]).toEqual([d.num, d.den]);
    }
    // 3000 people × 3 units, every unit in the denominator
    expect(cube.get('readmit', {})?.denominator).toBe(9000);
  });

  it('sets contained in another set are rolled up from its cells and equal a direct count', async () => {
    const p = plan();
    const { sets, from } = engineSets(p.sets);
    // race alone is inside race × period (and the intersection); the overall row inside everything
    expect(from.has('race_ethnicity')).toBe(true);
    expect(from.has('')).toBe(true);
    expect(sets.length).toBeLessThan(p.sets.length);
    const cube = await runPlan(ws.engine, p);
    const direct = await ws.engine.all<{ m: string; re: string; num: number; den: number }>(
      `SELECT r.measure_id AS m, p.race_ethnicity AS re,
              CAST(SUM(CASE WHEN r.in_numerator THEN 1 ELSE 0 END) AS INTEGER) AS num, CAST(COUNT(*) AS INTEGER) AS den
       FROM ${ds.schema}.measure_rows r JOIN ${ds.schema}.patients p USING (patient_id) GROUP BY ALL`,
    );
    expect(direct.length).toBe(2 * GRID_RACES.length);
    for (const d of direct) {
      const c = cube.get(d.m, { race_ethnicity: d.re })!;
      expect([c.numerator, c.denominator]).toEqual([d.num, d.den]);
    }
    expect(cube.list('readmit', ['race_ethnicity'])).toHaveLength(GRID_RACES.length);
  });

  it('the UNION ALL fallback (engines without GROUPING SETS) gives the same cells', async () => {
    const noSets = Object.create(ws.engine, {
      capabilities: { value: { ...ws.engine.capabilities, groupingSets: false } },
    }) as Engine;
    const p = plan();
    expect(sorted((await runPlan(noSets, p)).cells)).toEqual(sorted((await runPlan(ws.engine, p)).cells));
    // and with and without the pre-aggregation step
    expect(sorted((await runPlan(ws.engine, { ...p, preaggregate: false })).cells)).toEqual(
      sorted((await runPlan(ws.engine, { ...p, preaggregate: true })).cells),
    );
  });

  it('age-standardises each group (US 2000 standard, Dobson limits) from the group × age band counts', async () => {
    const config = testConfig({
      stratifiers: ['race_ethnicity', 'age_band'],
      period: 'none',
      standardize: { standard: 'us2000' },
    });
    const results = await analyzeDataset(ws.engine, ds, config, 'std');
    const re = results.measures[0]!.strata.find((s) => s.stratifier === 'race_ethnicity')!;
    const black = re.groups.find((g) => g.group === 'Black or African American')!;
    const rows = await ws.engine.all<{ ageBand: string; events: number; population: number }>(
      `SELECT p.age_band AS "ageBand", CAST(SUM(CASE WHEN r.in_numerator THEN 1 ELSE 0 END) AS INTEGER) AS events, CAST(COUNT(*) AS INTEGER) AS population
       FROM ${ds.schema}.measure_rows r JOIN ${ds.schema}.patients p USING (patient_id)
       WHERE r.measure_id = 'readmit' AND p.race_ethnicity = 'Black or African American' GROUP BY 1`,
    );
    const expected = directStandardise(rows, US2000, { multiplier: 1, level: 0.95 });
    expect(expected.value).not.toBeNull();
    expect(black.ageStandardised?.rate).toBeCloseTo(expected.value!, 12);
    expect(black.ageStandardised?.lower).toBeCloseTo(expected.lower!, 12);
    // age band itself is not standardised
    const age = results.measures[0]!.strata.find((s) => s.stratifier === 'age_band')!;
    expect(age.groups.every((g) => g.ageStandardised === undefined)).toBe(true);
    expect(age.summary.map((s) => s.measure)).toEqual(['D', 'R', 'SII', 'RII', 'ACI', 'RCI']);
  });
});
