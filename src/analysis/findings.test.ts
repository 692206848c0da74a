import { describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../config/analysis.js';
import { buildResults } from './build-results.js';
import { Cube, type Cell } from './cube.js';
import type { MeasureInfo } from './measure-info.js';

// One measure (lower is better), sex with a clear gap, and an Unknown group with a worse rate than anyone.
//   Female 300/1000 (30%), Male 200/1200 (16.7%), Unknown 40/100 (40%)
const cell = (values: Record<string, string>, numerator: number, denominator: number): Cell => ({
  measure: 'readmit',
  values,
  numerator,
  denominator,
});
const CELLS = [
  cell({}, 540, 2300),
  cell({ sex: 'Female' }, 300, 1000),
  cell({ sex: 'Male' }, 200, 1200),
  cell({ sex: 'Unknown' }, 40, 100),
];
const MEASURE: MeasureInfo = { id: 'readmit', title: 'Readmission', direction: 'lower_is_better' };

const run = (reference: Record<string, unknown>) =>
  buildResults({
    cube: new Cube(CELLS),
    measures: [MEASURE],
    analysis: AnalysisSchema.parse({ period: 'none', reference, discovery: { enabled: false } }),
    stratifiers: ['sex'],
    facets: [],
    discovery: [],
    standardize: false,
  });

describe('findings from either side of the reference', () => {
  it('largest reference (Male) doing better: Female is the finding', () => {
    const r = run({});
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      values: { sex: 'Female' },
      comparison: 'Male',
      referenceRule: 'largest',
      rate: 0.3,
    });
    expect(r.findings[0]!.referenceWorse).toBeUndefined();
    // 300 − 200/1200 × 1000 = 133.3 excess readmissions
    expect(r.findings[0]!.excessEvents).toBeCloseTo(300 - (200 / 1200) * 1000, 9);
  });

  it('named reference (Female) doing worse: still a finding, saying the reference is worse off', () => {
    const r = run({ sex: { group: 'Female' } });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({
      values: { sex: 'Male' },
      comparison: 'Female',
      referenceRule: 'named',
      referenceWorse: true,
      rate: 200 / 1200,
      comparisonRate: 0.3,
    });
    // the reference's excess: (30% − 16.7%) × 1,000 women = 133.3, as with Male as the reference
    expect(f.excessEvents).toBeCloseTo(300 - (200 / 1200) * 1000, 9);
    // the same strength either way round
    expect(f.strength).toBeCloseTo(run({}).findings[0]!.strength!, 12);
  });

  it('a reference worse off than several groups is one finding, against the group it trails most', () => {
    const cells = [
      cell({}, 450, 3000),
      cell({ payer: 'A' }, 300, 1000),
      cell({ payer: 'B' }, 100, 1000),
      cell({ payer: 'C' }, 50, 1000),
    ];
    const r = buildResults({
      cube: new Cube(cells),
      measures: [MEASURE],
      analysis: AnalysisSchema.parse({
        period: 'none',
        reference: { payer: { group: 'A' } },
        discovery: { enabled: false },
      }),
      stratifiers: ['payer'],
      facets: [],
      discovery: [],
      standardize: false,
    });
    expect(r.findings.map((f) => [f.values.payer, f.comparison, f.referenceWorse])).toEqual([
      ['C', 'A', true],
    ]);
  });

  it('never compares Unknown (data quality, not a population)', () => {
    for (const rule of [{}, { sex: 'best' }, { sex: 'everyone_else' }]) {
      const r = run(rule);
      const unknown = r.measures[0]!.strata[0]!.groups.find((g) => g.group === 'Unknown')!;
      expect(unknown).toMatchObject({ label: 'not_assessed', pValue: null, difference: null });
      expect(r.findings.some((f) => f.values.sex === 'Unknown' || f.comparison === 'Unknown')).toBe(false);
    }
  });

  it('everyone_else compares each group with the rest of the denominator (Unknown included)', () => {
    const r = run({ default: 'everyone_else' });
    const s = r.measures[0]!.strata[0]!;
    expect(s).toMatchObject({ reference: null, referenceRule: 'everyone_else' });
    const female = s.groups.find((g) => g.group === 'Female')!;
    // Female 30% vs the other 1,300: 240/1300
    expect(female.difference).toBeCloseTo(0.3 - 240 / 1300, 12);
    const f = r.findings.find((x) => x.values.sex === 'Female')!;
    expect(f).toMatchObject({ comparison: 'everyone else', referenceRule: 'everyone_else' });
    expect(f.comparisonRate).toBeCloseTo(240 / 1300, 12);
    // Male is better than the rest: under this rule that is not a finding about anyone
    expect(r.findings.map((x) => x.values.sex)).toEqual(['Female']);
  });

  it('best reference (Male, Healthy People 2030): Female is the finding', () => {
    const r = run({ sex: 'best' });
    expect(r.findings.map((f) => [f.values.sex, f.comparison, f.referenceRule])).toEqual([
      ['Female', 'Male', 'best'],
    ]);
  });
});
