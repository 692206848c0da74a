import { describe, expect, it } from 'vitest';
import { difference } from './difference.js';
import { populationAttributableFraction } from './population-attributable-fraction.js';
import { populationAttributableRisk } from './population-attributable-risk.js';
import { ratio } from './ratio.js';
import { near, nonOrderedInput, orderedInput } from './__fixtures__/healthequal.js';

describe('PAR and PAF pinned to healthequal', () => {
  // `WHOequity/healthequal` tests/testthat/test-parisk.R (c85c3f24): ordered data → PAR 18.775509,
  // SE 4.4066348, CI 10.138505–27.412513 (tolerance 1e-2).
  it('PAR, ordered (test-parisk.R)', () => {
    const r = populationAttributableRisk(orderedInput());
    expect(near(r.estimate, 18.775509, 1e-2)).toBe(true);
    expect(near(r.se, 4.4066348, 1e-2)).toBe(true);
    expect(near(r.lower, 10.138505, 1e-2)).toBe(true);
    expect(near(r.upper, 27.412513, 1e-2)).toBe(true);
  });

  // test-par-nonordered.R (2eeeb8dc): 16.293152, SE 1.1994447, CI 13.94224–18.644063 (tolerance 1e-4).
  it('PAR, non-ordered (test-par-nonordered.R)', () => {
    const r = populationAttributableRisk(nonOrderedInput());
    expect(near(r.estimate, 16.293152, 1e-4)).toBe(true);
    expect(near(r.se, 1.1994447, 1e-4)).toBe(true);
    expect(near(r.lower, 13.94224, 1e-4)).toBe(true);
    expect(near(r.upper, 18.644063, 1e-4)).toBe(true);
  });

  // test-paf.R (c7824b85): 45.544548 with SE 0.10689361 on the 0–1 scale; test-paf-nonordered.R (2eeeb8dc):
  // 24.06426 with SE 0.01771526. Our SE (and so the interval) is ×100, on the estimate's percentage scale.
  it.each([
    ['ordered (test-paf.R)', orderedInput(), 45.544548, 0.10689361],
    ['non-ordered (test-paf-nonordered.R)', nonOrderedInput(), 24.06426, 0.01771526],
  ])('PAF, %s', (_name, input, estimate, seFraction) => {
    const r = populationAttributableFraction(input);
    expect(near(r.estimate, estimate, 1e-4)).toBe(true);
    expect(near(r.se, 100 * seFraction, 1e-4)).toBe(true);
    expect(near(r.lower, estimate - 1.959964 * 100 * seFraction, 1e-4)).toBe(true);
  });

  it('PAR is 0 when the reference subgroup is worse than the average (favourable)', () => {
    // Region 14 (estimate 62) is the reference; the weighted mean is about 67.7.
    const r = populationAttributableRisk(nonOrderedInput({ withReference: true }));
    expect(r.estimate).toBe(0);
    expect(populationAttributableFraction(nonOrderedInput({ withReference: true })).estimate).toBe(0);
  });

  it('with populations, μ is the weighted mean even when a setting average is given (HEAT 6 get_weighted_mean)', () => {
    const withAverage = populationAttributableRisk(orderedInput({ settingAverage: 30 }));
    expect(near(withAverage.estimate, 18.775509, 1e-6)).toBe(true);
  });

  it('PAR without populations uses the setting average and has no interval', () => {
    const input = {
      subgroups: [20, 30, 60].map((estimate, i) => ({ name: `G${i}`, estimate })),
      favourable: true,
      ordered: false,
      scale: 100,
      settingAverage: 40,
    };
    const r = populationAttributableRisk(input);
    expect(r.estimate).toBe(20);
    expect(r.lower).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['no_population']);
  });
});

// D and R have no healthequal test; these are the formulas of healthequal R/d.R and R/r.R worked by hand on
// the ordered data: D = 60 − 20 = 40, SE = √(14² + 5²) = √221; R = 60/20 = 3,
// SE(R) = √((14² + 3²·5²)/20²) = √421/20, log-scale interval exp(ln 3 ± 1.959964·SE(R)/3).
describe('D and R', () => {
  it('ordered, favourable: most advantaged vs most disadvantaged', () => {
    const d = difference(orderedInput());
    expect(d.estimate).toBe(40);
    expect(d.se).toBeCloseTo(Math.sqrt(221), 12);
    const r = ratio(orderedInput());
    expect(r.estimate).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(421) / 20, 12);
    const seLog = Math.sqrt(421) / 20 / 3;
    expect(r.lower).toBeCloseTo(3 * Math.exp(-1.959963985 * seLog), 8);
    expect(r.upper).toBeCloseTo(3 * Math.exp(1.959963985 * seLog), 8);
  });

  it('ordered, adverse: most disadvantaged vs most advantaged', () => {
    expect(difference(orderedInput({ favourable: false })).estimate).toBe(-40);
    expect(ratio(orderedInput({ favourable: false })).estimate).toBeCloseTo(1 / 3, 14);
  });

  it('non-ordered without a reference: highest vs lowest, whatever the direction', () => {
    // max 84 (region 22), min 55 (region 23)
    expect(difference(nonOrderedInput()).estimate).toBe(29);
    expect(difference(nonOrderedInput({ favourable: false })).estimate).toBe(29);
    expect(ratio(nonOrderedInput()).estimate).toBeCloseTo(84 / 55, 14);
  });

  it('non-ordered with a reference: favourable → ref − lowest other; adverse → highest other − ref', () => {
    // reference region 14 has 62
    expect(difference(nonOrderedInput({ withReference: true })).estimate).toBe(62 - 55);
    expect(difference(nonOrderedInput({ withReference: true, favourable: false })).estimate).toBe(84 - 62);
  });

  it('R is null with a reason when the denominator estimate is 0', () => {
    const r = ratio({
      subgroups: [
        { name: 'a', estimate: 0 },
        { name: 'b', estimate: 5 },
      ],
      favourable: true,
      ordered: false,
      scale: 100,
    });
    expect(r.estimate).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['division_by_zero']);
  });

  it('D needs only the extremes of an ordered dimension', () => {
    const input = orderedInput();
    const middleMissing = input.subgroups.map((s, i) => (i === 2 ? { ...s, estimate: null } : s));
    expect(difference({ ...input, subgroups: middleMissing }).estimate).toBe(40);
    const topMissing = input.subgroups.map((s, i) => (i === 4 ? { ...s, estimate: null } : s));
    const r = difference({ ...input, subgroups: topMissing });
    expect(r.estimate).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['missing_estimates']);
  });
});
