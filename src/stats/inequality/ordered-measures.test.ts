import { describe, expect, it } from 'vitest';
import { absoluteConcentrationIndex } from './absolute-concentration-index.js';
import { near, orderedInput } from './__fixtures__/healthequal.js';
import { relativeConcentrationIndex } from './relative-concentration-index.js';
import { relativeIndexOfInequality } from './relative-index.js';
import { slopeIndexOfInequality } from './slope-index.js';

// Expected values: `WHOequity/healthequal` tests/testthat/test-aci.R and test-rci.R (commit c7824b85 /
// c85c3f24), test-sii.R (c44f1ad8), test-rii.R (c85c3f24), on the ordered 5-quintile data in
// __fixtures__/healthequal.ts. healthequal's tolerances are kept.
describe('ordered measures pinned to healthequal', () => {
  it('ACI = 7.3284202, SE 0.29368517 (test-aci.R)', () => {
    const r = absoluteConcentrationIndex(orderedInput());
    expect(near(r.estimate, 7.3284202, 1e-6)).toBe(true);
    expect(near(r.se, 0.29368517, 1e-5)).toBe(true);
    expect(near(r.lower, 7.3284202 - 0.29368517 * 1.959964, 1e-5)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('RCI = 0.17776859, SE 0.0071240491, 95% CI 0.16380545–0.19173172 (test-rci.R)', () => {
    const r = relativeConcentrationIndex(orderedInput());
    expect(near(r.estimate, 0.17776859, 1e-3)).toBe(true);
    expect(near(r.se, 0.0071240491, 1e-3)).toBe(true);
    expect(near(r.lower, 0.16380545, 1e-3)).toBe(true);
    expect(near(r.upper, 0.19173172, 1e-3)).toBe(true);
  });

  it('SII = 44.44502 with CI 40.15109–48.73895; SE 0.02190822 on the 0–1 scale = 2.190822 here (test-sii.R)', () => {
    const r = slopeIndexOfInequality(orderedInput());
    expect(near(r.estimate, 44.44502, 1e-6)).toBe(true);
    // healthequal reports the SE unscaled (0.02190822); we put it on the estimate's scale (× indicator_scale).
    expect(near(r.se, 2.190822, 1e-6)).toBe(true);
    expect(near(r.lower, 40.15109, 1e-6)).toBe(true);
    expect(near(r.upper, 48.73895, 1e-6)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('RII = 3.159506 with log-scale CI 2.719902–3.67016 and SE(ln RII) 0.07644001 (test-rii.R)', () => {
    const r = relativeIndexOfInequality(orderedInput());
    expect(near(r.estimate, 3.159506, 1e-6)).toBe(true);
    expect(near(r.lower, 2.719902, 1e-6)).toBe(true);
    expect(near(r.upper, 3.67016, 1e-6)).toBe(true);
    // healthequal reports SE(ln RII); ours is on the ratio scale: RII · SE(ln RII).
    expect(near(r.se, 3.159506 * 0.07644001, 1e-6)).toBe(true);
  });

  it('SII and RII do not flip with the indicator direction (HEAT 6 calc-sii.R / calc-rii.R)', () => {
    const fav = slopeIndexOfInequality(orderedInput());
    const adv = slopeIndexOfInequality(orderedInput({ favourable: false }));
    expect(adv.estimate).toBe(fav.estimate);
  });

  it('falls back to weighted least squares, with a warning, when estimates exceed the scale', () => {
    // Years of schooling (scale 1): not a proportion. WLS on ridit ranks, weights = population:
    // slope of (2, 4, 6) on ranks (1/6, 1/2, 5/6) with equal populations is 6 (exact), intercept 1.
    const input = {
      subgroups: [2, 4, 6].map((estimate, i) => ({
        name: `L${i + 1}`,
        estimate,
        population: 10,
        order: i + 1,
      })),
      favourable: true,
      ordered: true,
      scale: 1,
    };
    const sii = slopeIndexOfInequality(input);
    expect(sii.estimate).toBeCloseTo(6, 10);
    expect(sii.warnings.map((w) => w.code)).toContain('linear_model');
    // A perfect fit: the HC1 SE is 0.
    expect(sii.se).toBeCloseTo(0, 10);
    const rii = relativeIndexOfInequality(input);
    expect(rii.estimate).toBeCloseTo(7, 10); // (1 + 6) / 1
  });

  it('needs every subgroup of an ordered dimension', () => {
    const input = orderedInput();
    const subgroups = input.subgroups.map((s, i) => (i === 2 ? { ...s, estimate: null } : s));
    for (const fn of [absoluteConcentrationIndex, relativeConcentrationIndex, slopeIndexOfInequality]) {
      const r = fn({ ...input, subgroups });
      expect(r.estimate).toBeNull();
      expect(r.warnings.map((w) => w.code)).toContain('missing_estimates');
    }
  });
});
