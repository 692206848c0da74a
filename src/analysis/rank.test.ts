import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankingSchema } from '../config/analysis.js';
import type { Finding } from '../model/results.js';
import { addedStrength, findingScore, gapStrength, isUnstable, rankFindings } from './rank.js';

const Z95 = 1.959963984540054;
const LIB = { direction: 'lower_is_better' as const, rate: false, level: 0.95 };
const HIB = { direction: 'higher_is_better' as const, rate: false, level: 0.95 };

const finding = (over: Partial<Finding>): Finding => ({
  measure: 'm',
  values: { sex: 'Female' },
  kind: 'stratum',
  rate: 0.2,
  comparisonRate: 0.1,
  comparison: 'Male',
  difference: 0.1,
  ratio: 2,
  excessEvents: 10,
  qValue: 0.01,
  strength: 0.5,
  ...over,
});
const defaults = RankingSchema.parse({});

describe('gapStrength: the relative gap at its cautious end', () => {
  it('is |ln RR| − z·SE on the Katz log scale (worked: 30/100 vs 20/200)', () => {
    // RR = 0.3 / 0.1 = 3; SE = √(1/30 − 1/100 + 1/20 − 1/200) = √0.068333
    const want = Math.log(3) - Z95 * Math.sqrt(1 / 30 - 1 / 100 + 1 / 20 - 1 / 200);
    expect(
      gapStrength({ numerator: 30, denominator: 100 }, { numerator: 20, denominator: 200 }, LIB),
    ).toBeCloseTo(want, 12);
  });

  it('uses the shortfall of a higher-is-better measure (not screened), so 60% vs 80% is RR 2', () => {
    // adverse counts: 40 of 100 vs 20 of 100 not screened → RR 2
    const want = Math.log(2) - Z95 * Math.sqrt(1 / 40 - 1 / 100 + 1 / 20 - 1 / 100);
    expect(
      gapStrength({ numerator: 60, denominator: 100 }, { numerator: 80, denominator: 100 }, HIB),
    ).toBeCloseTo(want, 12);
  });

  it('uses Poisson errors for a count-based rate (worked: 40 events / 10 vs 20 / 10)', () => {
    const want = Math.log(2) - Z95 * Math.sqrt(1 / 40 + 1 / 20);
    const opts = { ...LIB, rate: true };
    expect(
      gapStrength({ numerator: 40, denominator: 10 }, { numerator: 20, denominator: 10 }, opts),
    ).toBeCloseTo(want, 12);
  });

  it('is 0 for a gap chance explains, and grows with certainty at the same relative size', () => {
    expect(gapStrength({ numerator: 3, denominator: 10 }, { numerator: 2, denominator: 10 }, LIB)).toBe(0);
    const small = gapStrength({ numerator: 30, denominator: 100 }, { numerator: 20, denominator: 200 }, LIB)!;
    const big = gapStrength(
      { numerator: 300, denominator: 1000 },
      { numerator: 200, denominator: 2000 },
      LIB,
    )!;
    expect(big).toBeGreaterThan(small);
    expect(big).toBeLessThan(Math.log(3));
  });

  it('ranks a large relative gap above a volume-driven small one with more excess events', () => {
    // 15% vs 10.8% among 2,600 (≈110 excess) vs 61% vs 72% screened among 7,700 (≈850 excess)
    const outcome = gapStrength(
      { numerator: 390, denominator: 2600 },
      { numerator: 1080, denominator: 10000 },
      LIB,
    )!;
    const process = gapStrength(
      { numerator: 4700, denominator: 7700 },
      { numerator: 72000, denominator: 100000 },
      HIB,
    )!;
    const o = findingScore(
      finding({ strength: outcome, values: { race_ethnicity: 'B' } }),
      'outcome',
      defaults,
    )!;
    const p = findingScore(
      finding({ strength: process, values: { limited_english: 'Yes' } }),
      'process',
      defaults,
    )!;
    expect(o).toBeGreaterThan(p);
  });

  it('never returns NaN or a negative value (property)', () => {
    const counts = fc
      .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
      .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b }));
    fc.assert(
      fc.property(counts, counts, fc.boolean(), fc.boolean(), (a, b, rate, lower) => {
        const s = gapStrength(a, b, {
          direction: lower ? 'lower_is_better' : 'higher_is_better',
          rate,
          level: 0.95,
        });
        return s === null || (Number.isFinite(s) && s >= 0);
      }),
    );
  });
});

describe('addedStrength: what a combination adds to its parents', () => {
  const overall = { numerator: 1000, denominator: 10000 }; // 10%
  it('is 0 when the parents explain the rate (multiplicative: 20% × 15% / 10% = 30%)', () => {
    const parents = [
      { numerator: 400, denominator: 2000 },
      { numerator: 300, denominator: 2000 },
    ];
    expect(addedStrength({ numerator: 90, denominator: 300 }, parents, overall, LIB)).toBe(0);
  });

  it('is ln(observed / predicted) − z·SE for a hidden gap (worked: 60% where the parents predict 12%)', () => {
    const parents = [
      { numerator: 220, denominator: 2000 },
      { numerator: 220, denominator: 2000 },
    ];
    const predicted = 0.1 * (0.11 / 0.1) * (0.11 / 0.1);
    const want = Math.log(0.6 / predicted) - Z95 * Math.sqrt(1 / 120 - 1 / 200);
    expect(addedStrength({ numerator: 120, denominator: 200 }, parents, overall, LIB)).toBeCloseTo(want, 12);
  });
});

describe('isUnstable: relative standard error above 30%', () => {
  it('flags 7 events of 23 (RSE 31%) and not 12 of 23 (RSE 20%)', () => {
    expect(isUnstable({ numerator: 7, denominator: 23 }, LIB)).toBe(true);
    expect(isUnstable({ numerator: 12, denominator: 23 }, LIB)).toBe(false);
    // higher is better: the shortfall is what counts (3 of 100 not screened)
    expect(isUnstable({ numerator: 97, denominator: 100 }, HIB)).toBe(true);
  });
});

describe('rankFindings', () => {
  const types = new Map<string, 'outcome' | 'process' | undefined>([
    ['readmit', 'outcome'],
    ['screen', 'process'],
  ]);

  it('weights priority stratifiers and outcome measures, then sorts by score', () => {
    const fs = [
      finding({ measure: 'screen', values: { race_ethnicity: 'B' }, strength: 0.5 }), // 0.5 × 2 × 0.5 = 0.5
      finding({ measure: 'readmit', values: { payer: 'Medicaid' }, strength: 0.45 }), // 0.45
      finding({ measure: 'readmit', values: { race_ethnicity: 'B' }, strength: 0.3 }), // 0.6
      finding({ measure: 'screen', values: { payer: 'Medicaid' }, strength: 1.5, unstable: true }), // last
    ];
    const { findings, warnings } = rankFindings(fs, types, defaults);
    expect(findings.map((f) => f.score)).toEqual([0.6, 0.5, 0.45, 0.75]);
    expect(warnings).toEqual([]);
  });

  it('puts pinned findings first in the config order, and warns about a pin that matches nothing', () => {
    const config = RankingSchema.parse({
      pin: [
        { measure: 'screen', values: { payer: 'Medicaid' } },
        { measure: 'readmit', values: { sex: 'Male' } },
        { measure: 'readmit', values: { payer: 'Medicaid' } },
      ],
    });
    const fs = [
      finding({ measure: 'readmit', values: { race_ethnicity: 'B' }, strength: 0.9 }),
      finding({ measure: 'readmit', values: { payer: 'Medicaid' }, strength: 0.1 }),
      finding({ measure: 'screen', values: { payer: 'Medicaid' }, strength: 0.2 }),
    ];
    const { findings, warnings } = rankFindings(fs, types, config);
    expect(findings.map((f) => [f.measure, f.values, f.pinned ?? false])).toEqual([
      ['screen', { payer: 'Medicaid' }, true],
      ['readmit', { payer: 'Medicaid' }, true],
      ['readmit', { race_ethnicity: 'B' }, false],
    ]);
    expect(warnings).toMatchObject([{ code: 'pin_not_found', key: 'analysis.ranking.pin.1' }]);
  });

  it('pins the worse-off group when it is the reference', () => {
    const config = RankingSchema.parse({ pin: [{ measure: 'readmit', values: { sex: 'Female' } }] });
    const fs = [
      finding({ measure: 'readmit', values: { payer: 'Medicaid' }, strength: 0.9 }),
      finding({ measure: 'readmit', values: { sex: 'Male' }, comparison: 'Female', referenceWorse: true }),
    ];
    const { findings, warnings } = rankFindings(fs, types, config);
    expect(findings[0]).toMatchObject({ values: { sex: 'Male' }, pinned: true });
    expect(warnings).toEqual([]);
  });

  it('follows configured priorities (none: payer and race weigh the same)', () => {
    const config = RankingSchema.parse({ priorities: ['payer'] });
    const fs = [
      finding({ measure: 'readmit', values: { race_ethnicity: 'B' }, strength: 0.5 }),
      finding({ measure: 'readmit', values: { payer: 'Medicaid' }, strength: 0.3 }),
    ];
    expect(rankFindings(fs, types, config).findings.map((f) => f.values)).toEqual([
      { payer: 'Medicaid' },
      { race_ethnicity: 'B' },
    ]);
  });
});
