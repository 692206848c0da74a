/**
 * CKD-EPI estimated GFR (mL/min/1.73 m²), from the published formulas. Pure.
 *
 * Each equation is k × min(S/κ,1)^α × max(S/κ,1)^β × c^age × (female factor) [× race factor]:
 * - 2009 creatinine, the single-expression form (Levey AS et al. Ann Intern Med 2009;150:604–612):
 *   141 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.209 × 0.993^age × 1.018 [female] × 1.159 [Black];
 *   κ = 0.7 (female) / 0.9 (male); α = −0.329 (female) / −0.411 (male).
 * - 2021 creatinine, race-free (Inker LA et al. N Engl J Med 2021;385:1737–1749):
 *   142 × min(Scr/κ,1)^α × max(Scr/κ,1)^−1.200 × 0.9938^age × 1.012 [female]; α = −0.241 (F) / −0.302 (M).
 * - 2012 cystatin C (Inker LA et al. N Engl J Med 2012;367:20–29):
 *   133 × min(Scys/0.8,1)^−0.499 × max(Scys/0.8,1)^−1.328 × 0.996^age × 0.932 [female].
 * - 2021 creatinine–cystatin C (Inker 2021): 135 × min(Scr/κ,1)^α × max(Scr/κ,1)^−0.544
 *   × min(Scys/0.8,1)^−0.323 × max(Scys/0.8,1)^−0.778 × 0.9961^age × 0.963 [female]; α = −0.219 (F) / −0.144 (M).
 */
export type Sex = 'female' | 'male';

export interface EgfrInput {
  ageYears: number;
  sex: Sex;
  creatinineMgDl: number;
  cystatinCMgL?: number | null;
}

/** min(x,1)^a × max(x,1)^b — the spline every CKD-EPI equation uses. */
function spline(x: number, a: number, b: number): number {
  return Math.min(x, 1) ** a * Math.max(x, 1) ** b;
}

const kappa = (sex: Sex) => (sex === 'female' ? 0.7 : 0.9);

/** CKD-EPI 2009 creatinine; `black` applies the 1.159 race coefficient. */
export function ckdEpi2009Cr(i: EgfrInput, black: boolean): number {
  const f = i.sex === 'female';
  const alpha = f ? -0.329 : -0.411;
  return (
    141 *
    spline(i.creatinineMgDl / kappa(i.sex), alpha, -1.209) *
    0.993 ** i.ageYears *
    (f ? 1.018 : 1) *
    (black ? 1.159 : 1)
  );
}

/** CKD-EPI 2021 creatinine (race-free). */
export function ckdEpi2021Cr(i: EgfrInput): number {
  const f = i.sex === 'female';
  return (
    142 *
    spline(i.creatinineMgDl / kappa(i.sex), f ? -0.241 : -0.302, -1.2) *
    0.9938 ** i.ageYears *
    (f ? 1.012 : 1)
  );
}

/** CKD-EPI 2012 cystatin C; null without a cystatin C value. */
export function ckdEpi2012Cys(i: EgfrInput): number | null {
  const s = i.cystatinCMgL;
  if (s === null || s === undefined) return null;
  return 133 * spline(s / 0.8, -0.499, -1.328) * 0.996 ** i.ageYears * (i.sex === 'female' ? 0.932 : 1);
}

/** CKD-EPI 2021 creatinine–cystatin C; null without a cystatin C value. */
export function ckdEpi2021CrCys(i: EgfrInput): number | null {
  const s = i.cystatinCMgL;
  if (s === null || s === undefined) return null;
  const f = i.sex === 'female';
  return (
    135 *
    spline(i.creatinineMgDl / kappa(i.sex), f ? -0.219 : -0.144, -0.544) *
    spline(s / 0.8, -0.323, -0.778) *
    0.9961 ** i.ageYears *
    (f ? 0.963 : 1)
  );
}

export type KdigoG = 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5';

/** KDIGO 2012 GFR category (Kidney Int Suppl 2013;3:1–150, table 5): ≥90, 60–89, 45–59, 30–44, 15–29, <15. */
export function kdigoG(egfr: number | null): KdigoG | null {
  if (egfr === null || !Number.isFinite(egfr)) return null;
  if (egfr >= 90) return 'G1';
  if (egfr >= 60) return 'G2';
  if (egfr >= 45) return 'G3a';
  if (egfr >= 30) return 'G3b';
  if (egfr >= 15) return 'G4';
  return 'G5';
}

export const EGFR_EQUATIONS = [
  'ckd_epi_2009_cr_non_black',
  'ckd_epi_2009_cr_black',
  'ckd_epi_2021_cr',
  'ckd_epi_2012_cys',
  'ckd_epi_2021_cr_cys',
] as const;
export type EgfrEquation = (typeof EGFR_EQUATIONS)[number];

/** Every equation for one person, keyed by the public JSON names. */
export function allEgfr(i: EgfrInput): Record<EgfrEquation, number | null> {
  return {
    ckd_epi_2009_cr_non_black: ckdEpi2009Cr(i, false),
    ckd_epi_2009_cr_black: ckdEpi2009Cr(i, true),
    ckd_epi_2021_cr: ckdEpi2021Cr(i),
    ckd_epi_2012_cys: ckdEpi2012Cys(i),
    ckd_epi_2021_cr_cys: ckdEpi2021CrCys(i),
  };
}
