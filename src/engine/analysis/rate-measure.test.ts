import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { poissonRateInterval } from '../../stats/index.js';
import type { DatasetVersion, Workspace } from '../workspace.js';
import { tempWorkspace } from './__fixtures__/canonical.js';
import { rateConfig, rateDataset } from './__fixtures__/rate-dataset.js';
import { analyzeDataset } from './analyze.js';
import { compareGroup } from '../../analysis/compare.js';
import { measureInfos } from '../../analysis/measure-infos.js';
import { buildPlan } from '../../analysis/plan.js';
import { runPlan } from './run-plan.js';
import { rateDifference, twoRateTest } from '../../analysis/rate-stats.js';
import { trendPoints } from '../../analysis/trend.js';
import { longRows } from '../../analysis/long-table.js';

// Count-based rate measures (ED visits per 1,000). Hand counts (fixture rate-dataset.ts): 12 visits among 8
// patients (1,500 per 1,000); Female 6 visits / 5 patients (1,200), Male 6 / 3 (2,000); reference = Female
// (largest). Expected numbers computed by hand from the textbook formulas:
// - Byar's limits (Breslow & Day 1987, vol. II p. 69) for 12 events: 12(1 − 1/108 − z/(3√12))³ = 6.1935,
//   13(1 − 1/117 + z/(3√13))³ = 20.963 → 774.19 to 2,620.36 per 1,000 (z = 1.959964);
// - rate difference Male − Female: 800 ± z·1000·√(6/3² + 6/5²) → −1,066.26 to 2,666.26 per 1,000;
// - rate ratio (6/3)/(6/5) = 1.6667, exp(ln 1.6667 ± z·√(1/6 + 1/6)) → 0.53754 to 5.1676
//   (Rothman, Greenland & Lash, Modern Epidemiology 3rd ed., ch. 14);
// - score test, pooled 12/8: z = 0.8/√(1.5·(1/3 + 1/5)) = 0.89443, two-sided p = 0.37109.
let ws: Workspace;
let ds: DatasetVersion;
let results: ResultsFile;

beforeAll(async () => {
  ({ ws } = await tempWorkspace('equilens-rate-'));
  ds = await rateDataset(ws);
  results = await analyzeDataset(ws.engine, ds, rateConfig(), 'h', () => new Date('2026-01-01T00:00:00Z'));
});
afterAll(async () => ws.close());

const ed = () => results.measures.find((m) => m.id === 'ed-visits')!;
const sex = () => ed().strata.find((s) => s.stratifier === 'sex')!;

describe('count-based rate measures (ED visits per 1,000)', () => {
  it('takes kind, multiplier, title, direction and definition from the library', () => {
    const [readmit, info] = measureInfos(rateConfig());
    // a custom measure's unit is the config's (default encounter); the library's is its own (a person)
    expect(readmit).toEqual({
      id: 'readmit',
      title: 'Readmission',
      direction: 'lower_is_better',
      unit: 'encounter',
    });
    expect(info).toMatchObject({
      id: 'ed-visits',
      title: 'Emergency department visits per 1,000 patients',
      direction: 'lower_is_better',
      kind: 'rate',
      multiplier: 1000,
      type: 'outcome',
      unit: 'person',
    });
    expect(info!.definition!.numerator).toMatch(/EMER/);
    expect(ed()).toMatchObject({ kind: 'rate', multiplier: 1000 });
    expect(ed().definition?.denominator).toMatch(/^Patients with a visit in the measurement period/);
  });

  it('the engine pass returns sum(value) as the numerator of a rate measure only', async () => {
    const plan = buildPlan({
      schema: ds.schema,
      measures: ['readmit', 'ed-visits'],
      rateMeasures: ['ed-visits'],
      period: 'none',
      hasPeriodColumn: false,
      stratifiers: ['sex'],
      intersections: [],
      discovery: [],
      facets: [],
      standardize: false,
    });
    for (const preaggregate of [true, false]) {
      const cube = await runPlan(ws.engine, { ...plan, preaggregate });
      expect(cube.get('ed-visits', {})).toMatchObject({ numerator: 12, denominator: 8 });
      expect(cube.get('ed-visits', { sex: 'Male' })).toMatchObject({ numerator: 6, denominator: 3 });
      expect(cube.get('readmit', {})).toMatchObject({ numerator: 4, denominator: 10 });
    }
  });

  it('rate per 1,000 with Byar limits overall, and the proportion measure is unchanged', () => {
    const o = ed().overall;
    expect(o).toMatchObject({ numerator: 12, denominator: 8, rate: 1500 });
    expect(o.lower).toBeCloseTo(774.19, 1);
    expect(o.upper).toBeCloseTo(2620.36, 1);
    const readmit = results.measures.find((m) => m.id === 'readmit')!;
    expect(readmit.kind).toBeUndefined();
    expect(readmit.overall).toMatchObject({ numerator: 4, denominator: 10, rate: 0.4 });
  });

  it('groups: exact Poisson limits, rate difference, rate ratio, score-test p and excess visits', () => {
    const female = sex().groups.find((g) => g.group === 'Female')!;
    const male = sex().groups.find((g) => g.group === 'Male')!;
    expect(sex().reference).toBe('Female');
    expect(female).toMatchObject({ numerator: 6, denominator: 5, rate: 1200, label: 'reference' });
    const exact = poissonRateInterval(6, 5, 0.95, 1000)!;
    expect(female.lower).toBeCloseTo(exact.lower, 9);
    expect(female.upper).toBeCloseTo(exact.upper, 9);
    expect(male.rate).toBeCloseTo(2000, 9);
    expect(male.difference).toBeCloseTo(800, 9);
    expect(male.differenceLower).toBeCloseTo(-1066.26, 1);
    expect(male.differenceUpper).toBeCloseTo(2666.26, 1);
    expect(male.ratio).toBeCloseTo(1.66667, 4);
    expect(male.ratioLower).toBeCloseTo(0.53754, 4);
    expect(male.ratioUpper).toBeCloseTo(5.1676, 3);
    expect(male.pValue).toBeCloseTo(0.37109, 4);
    // (2 − 1.2 visits per patient) × 3 patients = 2.4 more visits than at the reference rate
    expect(male.excessEvents).toBeCloseTo(2.4, 9);
    expect(male.label).toBe('no_detectable_difference');
  });

  it('the long table (results.csv/parquet) says which rows are rates and per how many', () => {
    const rows = longRows(results).filter((r) => r.scope === 'overall');
    expect(rows.map((r) => [r.measure, r.measure_kind, r.multiplier, r.rate])).toEqual([
      ['readmit', 'proportion', 1, 0.4],
      ['ed-visits', 'rate', 1000, 1500],
    ]);
  });

  it('summary measures use the per-1,000 scale (difference = 800)', () => {
    const d = sex().summary.find((s) => s.measure === 'D');
    expect(Math.abs(d?.estimate ?? 0)).toBeCloseTo(800, 6);
    for (const s of sex().summary)
      for (const v of [s.estimate, s.lower, s.upper]) expect(v ?? 0).not.toBeNaN();
  });
});

describe('hidden-gap discovery on a rate measure', () => {
  // two-rate score test: z = (5 − 1)/√(1.5·(1 + 1/7)) = 3.06 vs everyone else; vs the rest of Black (3/1),
  // p = 0.48, so fdr 0.5 lets the parent check pass
  it('finds Black men (5 visits, 1 patient) against everyone else (7 visits, 7 patients) per 1,000', async () => {
    const config = rateConfig({
      stratifiers: ['race_ethnicity', 'sex'],
      discovery: { enabled: true, depth: 2, min_size: 1, fdr: 0.5, stratifiers: ['race_ethnicity', 'sex'] },
    });
    const r = await analyzeDataset(ws.engine, ds, config, 'h');
    const f = r.findings.find(
      (x) => x.kind === 'discovered' && x.measure === 'ed-visits' && x.values.sex === 'Male',
    );
    expect(f).toMatchObject({
      values: { race_ethnicity: 'Black or African American', sex: 'Male' },
      rate: 5000,
      comparisonRate: 1000,
      difference: 4000,
      ratio: 5,
      excessEvents: 4,
    });
    expect(f!.parents).toEqual([
      { stratifier: 'race_ethnicity', group: 'Black or African American', rate: 4000 },
      { stratifier: 'sex', group: 'Male', rate: 2000 },
    ]);
  });
});

describe('rate statistics', () => {
  it('no events in either group: no difference interval, no test, no ratio', () => {
    expect(rateDifference(0, 10, 0, 20, 0.95, 1000)).toEqual({ estimate: 0, lower: null, upper: null });
    expect(twoRateTest(0, 10, 0, 20)).toBeNull();
    const g = compareGroup(
      'a',
      { numerator: 0, denominator: 10 },
      { numerator: 0, denominator: 20 },
      {
        level: 0.95,
        direction: 'lower_is_better',
        multiplier: 1000,
      },
    );
    expect(g).toMatchObject({ rate: 0, ratio: null, pValue: null, difference: 0, differenceLower: null });
    expect(g.upper).toBeGreaterThan(0);
  });

  it('zero denominators give nulls, never NaN', () => {
    expect(rateDifference(3, 0, 1, 5, 0.95, 1000)).toBeNull();
    expect(twoRateTest(3, 0, 1, 5)).toBeNull();
  });

  it('trend points of a rate measure are per 1,000 with an XmR chart (a p-chart cannot take events > n)', () => {
    const pts = trendPoints(
      [
        { period: '2024Q1', numerator: 30, denominator: 100 },
        { period: '2024Q2', numerator: 45, denominator: 100 },
        { period: '2024Q3', numerator: 120, denominator: 100 },
      ],
      1000,
    );
    expect(pts.map((p) => p.rate)).toEqual([300, 450, 1200]);
    expect(pts[0]!.centre).toBeCloseTo(650, 9);
    for (const p of pts) expect(Number.isFinite(p.upper ?? NaN)).toBe(true);
  });
});
