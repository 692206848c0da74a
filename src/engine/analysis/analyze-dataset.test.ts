import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newcombeDifference, wilson } from '../../stats/index.js';
import type { Workspace } from '../workspace.js';
import type { DatasetVersion } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { handDataset, tempWorkspace, testConfig } from './__fixtures__/canonical.js';
import type { ResultsFile } from '../../model/results.js';

// Counts worked out by hand from HAND_UNITS (u8 is excluded, u12 is not in the denominator):
// overall 4/10; White 1/4, Black 2/3, Asian 0/1, Declined 1/1, Missing 1 unit 0/1;
// Female 3/7, Male 1/3; 2024Q1 2/6, 2024Q2 2/4; White×Female 1/3, Black×Female 2/2.
let ws: Workspace;
let ds: DatasetVersion;
let results: ResultsFile;
const config = testConfig({
  stratifiers: ['race_ethnicity', 'sex', 'age_band'],
  intersections: [['race_ethnicity', 'sex']],
  facets: ['site'],
  discovery: { enabled: true, depth: 2, min_size: 1, fdr: 0.05 },
});

beforeAll(async () => {
  ({ ws } = await tempWorkspace());
  ds = await handDataset(ws);
  results = await analyzeDataset(ws.engine, ds, config, 'hash123', () => new Date('2026-01-01T00:00:00Z'));
});
afterAll(async () => ws.close());

const m = () => results.measures.find((x) => x.id === 'readmit')!;
const stratum = (s: string) => m().strata.find((x) => x.stratifier === s && !x.facet)!;
const group = (s: string, g: string) => stratum(s).groups.find((x) => x.group === g)!;

describe('analyzeDataset on a hand-counted dataset', () => {
  it('stamps the dataset, config hash and software version', () => {
    // rows (the issue #4 contract) = measure rows; people and measureRows say what each count is
    expect(results.dataset).toEqual({ version: ds.version, id: ds.id, rows: 12, people: 8, measureRows: 12 });
    expect(results.stamp.configHash).toBe('hash123');
    expect(results.stamp.softwareVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(results.stamp.audience).toBe('internal');
  });

  it('counts overall, by group and by period as counted by hand', () => {
    expect(m().overall).toMatchObject({ numerator: 4, denominator: 10, rate: 0.4 });
    const w = wilson(4, 10, 0.95)!;
    expect(m().overall.lower).toBeCloseTo(w.lower, 12);
    expect(m().overall.upper).toBeCloseTo(w.upper, 12);
    const counts = (s: string) =>
      Object.fromEntries(stratum(s).groups.map((g) => [g.group, [g.numerator, g.denominator]]));
    expect(counts('race_ethnicity')).toEqual({
      White: [1, 4],
      'Black or African American': [2, 3],
      Asian: [0, 1],
      Declined: [1, 1],
      Missing: [0, 1],
    });
    expect(counts('sex')).toEqual({ Female: [3, 7], Male: [1, 3] });
    expect(m().trend?.map((p) => [p.period, p.numerator, p.denominator])).toEqual([
      ['2024Q1', 2, 6],
      ['2024Q2', 2, 4],
    ]);
  });

  it('uses the largest known group as reference and compares with Newcombe and Wilson', () => {
    expect(stratum('race_ethnicity').reference).toBe('White');
    expect(stratum('race_ethnicity').referenceRule).toBe('largest');
    const b = group('race_ethnicity', 'Black or African American');
    const d = newcombeDifference(2, 3, 1, 4, 0.95)!;
    expect(b.difference).toBeCloseTo(2 / 3 - 1 / 4, 12);
    expect(b.differenceLower).toBeCloseTo(d.lower, 12);
    expect(b.differenceUpper).toBeCloseTo(d.upper, 12);
    expect(b.ratio).toBeCloseTo(2 / 3 / 0.25, 12);
    // events to close the gap: (2/3 − 1/4) × 3 = 1.25 (lower is better, so positive = worse)
    expect(b.excessEvents).toBeCloseTo(1.25, 12);
    expect(group('race_ethnicity', 'White').label).toBe('reference');
    // Declined is never the reference, even if it were largest
    expect(b.label).toBe('no_detectable_difference');
  });

  it('puts intersections beside their parents', () => {
    const ix = results.intersections.find((i) => i.measure === 'readmit')!;
    expect(ix.stratifiers).toEqual(['race_ethnicity', 'sex']);
    const bf = ix.groups.find(
      (g) => g.values.race_ethnicity === 'Black or African American' && g.values.sex === 'Female',
    )!;
    expect([bf.numerator, bf.denominator]).toEqual([2, 2]);
    expect(bf.parents).toEqual([
      { stratifier: 'race_ethnicity', group: 'Black or African American', rate: 2 / 3 },
      { stratifier: 'sex', group: 'Female', rate: 3 / 7 },
    ]);
    const ref = ix.groups.find((g) => g.label === 'reference')!;
    expect(ref.values).toEqual({ race_ethnicity: 'White', sex: 'Female' });
  });

  it('splits each stratum by facet', () => {
    const north = m().strata.find((s) => s.stratifier === 'sex' && s.facet?.value === 'North')!;
    // North = odd unit numbers: u1 F0, u3 M0, u5 F1, u7 M0, u9 F0, u11 F0
    expect(north.groups.map((g) => [g.group, g.numerator, g.denominator])).toEqual([
      ['Female', 1, 4],
      ['Male', 0, 2],
    ]);
  });

  it('ranks findings by score (stable ones first) and never yields NaN', () => {
    const key = results.findings.map((f) => [f.unstable ? 1 : 0, -(f.score ?? -1)]);
    expect(key).toEqual([...key].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(JSON.stringify(results)).not.toMatch(/NaN|Infinity/);
  });
});
