import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ckdEpi2009Cr, ckdEpi2012Cys, ckdEpi2021Cr, ckdEpi2021CrCys, kdigoG } from './egfr.js';
import { reclassifyByRace } from './reclassification.js';

describe('CKD-EPI equations', () => {
  it('2009: at Scr = κ the spline is 1, so eGFR = 141 × 0.993^age (× 1.018 female, × 1.159 Black)', () => {
    expect(ckdEpi2009Cr({ ageYears: 40, sex: 'male', creatinineMgDl: 0.9 }, false)).toBeCloseTo(
      141 * 0.993 ** 40,
      10,
    );
    expect(ckdEpi2009Cr({ ageYears: 40, sex: 'female', creatinineMgDl: 0.7 }, true)).toBeCloseTo(
      141 * 0.993 ** 40 * 1.018 * 1.159,
      10,
    );
  });

  it('2009: male 60 y, Scr 1.2 mg/dL by the single-expression formula, worked by hand', () => {
    // 141 × (1.2/0.9)^−1.209 × 0.993^60 = 141 × 0.70626 × 0.65590 = 65.3 (mL/min/1.73 m²)
    const v = ckdEpi2009Cr({ ageYears: 60, sex: 'male', creatinineMgDl: 1.2 }, false);
    expect(v).toBeCloseTo(141 * (1.2 / 0.9) ** -1.209 * 0.993 ** 60, 10);
    expect(v).toBeCloseTo(65.3, 1);
  });

  it('2021: female 50 y, Scr 1.0 — worked by hand', () => {
    // 142 × (1.0/0.7)^−1.200 × 0.9938^50 × 1.012 = 142 × 0.65178 × 0.73282 × 1.012 = 68.6
    const v = ckdEpi2021Cr({ ageYears: 50, sex: 'female', creatinineMgDl: 1.0 });
    expect(v).toBeCloseTo(142 * (1 / 0.7) ** -1.2 * 0.9938 ** 50 * 1.012, 10);
    expect(v).toBeCloseTo(68.6, 1);
  });

  it('2021: below κ the α exponent applies (male, Scr 0.6, 30 y)', () => {
    expect(ckdEpi2021Cr({ ageYears: 30, sex: 'male', creatinineMgDl: 0.6 })).toBeCloseTo(
      142 * (0.6 / 0.9) ** -0.302 * 0.9938 ** 30,
      10,
    );
  });

  it('2012 cystatin C and 2021 creatinine–cystatin C by the stated formulas; null without cystatin', () => {
    const i = { ageYears: 70, sex: 'female' as const, creatinineMgDl: 1.1, cystatinCMgL: 1.4 };
    expect(ckdEpi2012Cys(i)).toBeCloseTo(133 * (1.4 / 0.8) ** -1.328 * 0.996 ** 70 * 0.932, 10);
    expect(ckdEpi2021CrCys(i)).toBeCloseTo(
      135 * (1.1 / 0.7) ** -0.544 * (1.4 / 0.8) ** -0.778 * 0.9961 ** 70 * 0.963,
      10,
    );
    expect(ckdEpi2012Cys({ ...i, cystatinCMgL: null })).toBeNull();
    expect(ckdEpi2021CrCys({ ...i, cystatinCMgL: undefined })).toBeNull();
  });

  it('KDIGO G categories at their boundaries', () => {
    expect([90, 89.9, 60, 59.9, 45, 44.9, 30, 29.9, 15, 14.9].map(kdigoG)).toEqual([
      'G1',
      'G2',
      'G2',
      'G3a',
      'G3a',
      'G3b',
      'G3b',
      'G4',
      'G4',
      'G5',
    ]);
    expect(kdigoG(null)).toBeNull();
  });

  it('property: eGFR falls as creatinine rises; the race coefficient multiplies by exactly 1.159', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 100, noNaN: true }),
        fc.constantFrom('female' as const, 'male' as const),
        fc.double({ min: 0.2, max: 10, noNaN: true }),
        (ageYears, sex, cr) => {
          const a = { ageYears, sex, creatinineMgDl: cr };
          const b = { ...a, creatinineMgDl: cr * 1.1 };
          expect(ckdEpi2021Cr(b)).toBeLessThan(ckdEpi2021Cr(a));
          expect(ckdEpi2009Cr(a, true) / ckdEpi2009Cr(a, false)).toBeCloseTo(1.159, 10);
        },
      ),
    );
  });
});

describe('reclassification by race', () => {
  it('equals a direct count on a fixed lab file', () => {
    // Black male 60 y, Scr 3.5: 2009 as applied = 141 × (3.5/0.9)^−1.209 × 0.993^60 × 1.159 = 20.8 (> 20, G4);
    // 2021 = 142 × (3.5/0.9)^−1.2 × 0.9938^60 = 19.2 (≤ 20, G4) → crosses the waitlist threshold, same stage.
    // Black female 50 y, Scr 1.0: 2009 = 141 × (1/0.7)^−1.209 × 0.993^50 × 1.018 × 1.159 = 76.1 (G2); 2021 = 68.6 (G2).
    // White male 45 y, Scr 1.3: 2009 = 141 × (1.3/0.9)^−1.209 × 0.993^45 = 65.9 (G2); 2021 = 142 × (1.3/0.9)^−1.2 × 0.9938^45 = 69.0 (G2).
    // Black male 55 y, Scr 1.4: 2009 = 141 × (1.4/0.9)^−1.209 × 0.993^55 × 1.159 = 65.1 (G2); 2021 = 59.4 (G3a) → stage change.
    const rows = reclassifyByRace([
      { race: 'Black', black: true, ageYears: 60, sex: 'male', creatinineMgDl: 3.5 },
      { race: 'Black', black: true, ageYears: 50, sex: 'female', creatinineMgDl: 1.0 },
      { race: 'Black', black: true, ageYears: 55, sex: 'male', creatinineMgDl: 1.4 },
      { race: 'White', black: false, ageYears: 45, sex: 'male', creatinineMgDl: 1.3 },
    ]);
    expect(rows).toEqual([
      {
        race: 'Black',
        n: 3,
        stage_changed: 1,
        less_severe_under_2021: 0,
        more_severe_under_2021: 1,
        cross_waitlist_only_2021: 1,
      },
      {
        race: 'White',
        n: 1,
        stage_changed: 0,
        less_severe_under_2021: 0,
        more_severe_under_2021: 0,
        cross_waitlist_only_2021: 0,
      },
    ]);
  });
});
