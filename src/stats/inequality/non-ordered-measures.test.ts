import { describe, expect, it } from 'vitest';
import { betweenGroupSd } from './between-group-sd.js';
import { betweenGroupVariance } from './between-group-variance.js';
import { coefficientOfVariation } from './coefficient-of-variation.js';
import { indexOfDisparityUnweighted } from './index-of-disparity-unweighted.js';
import { indexOfDisparityWeighted } from './index-of-disparity-weighted.js';
import { meanDifferenceFromBestUnweighted } from './mean-difference-best-unweighted.js';
import { meanDifferenceFromBestWeighted } from './mean-difference-best-weighted.js';
import { meanDifferenceFromMeanUnweighted } from './mean-difference-mean-unweighted.js';
import { meanDifferenceFromMeanWeighted } from './mean-difference-mean-weighted.js';
import { meanDifferenceFromReferenceUnweighted } from './mean-difference-reference-unweighted.js';
import { meanDifferenceFromReferenceWeighted } from './mean-difference-reference-weighted.js';
import { meanLogDeviation } from './mean-log-deviation.js';
import { theilIndex } from './theil-index.js';
import { NON_ORDERED, near, nonOrderedInput } from './__fixtures__/healthequal.js';
import type { InequalityInput, InequalityResult } from './types.js';

// Expected estimates: `WHOequity/healthequal` tests/testthat/test-<measure>.R (commit c7824b85; test-mdbu.R
// and test-mdrw.R at c85c3f24, test-idisw.R at 823f555a) on the 25-region data in __fixtures__/healthequal.ts,
// with healthequal's own tolerances.
const cases: [string, (i: InequalityInput) => InequalityResult, number, number, boolean][] = [
  ['BGV (test-bgv.R)', betweenGroupVariance, 46.198326, 1e-6, false],
  ['BGSD (test-bgsd.R)', betweenGroupSd, 6.7969351, 1e-4, false],
  ['IDISU (test-idisu.R)', indexOfDisparityUnweighted, 8.7018175, 1e-4, false],
  ['IDISW (test-idisw.R)', indexOfDisparityWeighted, 8.6178417, 1e-4, false],
  ['MDBU (test-mdbu.R)', meanDifferenceFromBestUnweighted, 16.360001, 1e-4, false],
  ['MDBW (test-mdbw.R)', meanDifferenceFromBestWeighted, 16.293156, 1e-4, false],
  ['MDMU (test-mdmu.R)', meanDifferenceFromMeanUnweighted, 5.891726, 1e-4, false],
  ['MDMW (test-mdmw.R)', meanDifferenceFromMeanWeighted, 5.8348689, 1e-4, false],
  ['MDRU (test-mdru.R)', meanDifferenceFromReferenceUnweighted, 7.2399998, 1e-4, true],
  ['MDRW (test-mdrw.R)', meanDifferenceFromReferenceWeighted, 7.2228465, 1e-4, true],
  ['MLD ×1000 (test-mld.R)', meanLogDeviation, 5.0524006, 1e-3, false],
  ['TI ×1000 (test-ti.R)', theilIndex, 5.0359201, 1e-4, false],
];

describe('non-ordered measures pinned to healthequal', () => {
  it.each(cases)('%s', (_name, fn, expected, tolerance, withReference) => {
    const r = fn(nonOrderedInput({ withReference }));
    expect(near(r.estimate, expected, tolerance)).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.lower).not.toBeNull();
    expect(r.lower!).toBeLessThanOrEqual(r.upper!);
  });

  it('BGV SE = 17.134647 (test-bgv.R) with interval BGV ± 1.96·SE', () => {
    const r = betweenGroupVariance(nonOrderedInput());
    expect(near(r.se, 17.134647, 1e-6)).toBe(true);
    expect(near(r.lower, 46.198326 - 17.134647 * 1.959964, 1e-6)).toBe(true);
  });

  it('MLD and TI SEs are healthequal’s ×1000 (0.0014242 and 0.0014201 in test-mld.R / test-ti.R)', () => {
    expect(near(meanLogDeviation(nonOrderedInput()).se, 1.4242, 1e-3)).toBe(true);
    expect(near(theilIndex(nonOrderedInput()).se, 1.4201, 1e-4)).toBe(true);
  });

  it('COV = 100·BGSD/μ (HEAT-Measures R/calc-cov.R) with healthequal’s BGSD', () => {
    const total = NON_ORDERED.pop.reduce((a, b) => a + b, 0);
    const mu = NON_ORDERED.pop.reduce((a, p, i) => a + (p / total) * NON_ORDERED.est[i]!, 0);
    expect(near(coefficientOfVariation(nonOrderedInput()).estimate, (100 * 6.7969351) / mu, 1e-4)).toBe(true);
  });

  it('simulation measures report no SE and are deterministic (seeded)', () => {
    const a = indexOfDisparityWeighted(nonOrderedInput());
    const b = indexOfDisparityWeighted(nonOrderedInput());
    expect(a.se).toBeNull();
    expect(a).toEqual(b);
  });

  it('MDRU/MDRW need a reference subgroup', () => {
    const r = meanDifferenceFromReferenceWeighted(nonOrderedInput());
    expect(r.estimate).toBeNull();
    expect(r.warnings[0]!.code).toBe('needs_reference_subgroup');
  });

  it('MDBU uses the lowest estimate as "best" for adverse indicators', () => {
    const input: InequalityInput = {
      subgroups: [10, 20, 40].map((estimate, i) => ({ name: `G${i}`, estimate })),
      favourable: false,
      ordered: false,
      scale: 100,
    };
    // (|10 − 10| + |20 − 10| + |40 − 10|) / 3 = 40/3
    expect(meanDifferenceFromBestUnweighted(input).estimate).toBeCloseTo(40 / 3, 12);
    expect(meanDifferenceFromBestUnweighted({ ...input, favourable: true }).estimate).toBeCloseTo(50 / 3, 12);
  });

  it('MLD/TI replace a zero estimate by 0.000001 as HEAT does, with a warning', () => {
    const input: InequalityInput = {
      subgroups: [0, 20, 40].map((estimate, i) => ({ name: `G${i}`, estimate, population: 100 })),
      favourable: true,
      ordered: false,
      scale: 100,
    };
    for (const fn of [meanLogDeviation, theilIndex]) {
      const r = fn(input);
      expect(Number.isFinite(r.estimate)).toBe(true);
      expect(r.warnings.map((w) => w.code)).toContain('zero_estimate_replaced');
    }
  });

  it('tolerates up to 15% of subgroups without an estimate, then refuses', () => {
    const base = nonOrderedInput();
    const drop = (k: number) => ({
      ...base,
      subgroups: base.subgroups.map((s, i) => (i < k ? { ...s, estimate: null } : s)),
    });
    const ok = betweenGroupVariance(drop(3)); // 3/25 = 12%
    expect(ok.estimate).not.toBeNull();
    expect(ok.warnings.map((w) => w.code)).toEqual(['missing_estimates']);
    const no = betweenGroupVariance(drop(4)); // 16%
    expect(no.estimate).toBeNull();
    expect(no.warnings.map((w) => w.code)).toEqual(['missing_estimates']);
  });
});
