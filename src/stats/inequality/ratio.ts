/**
 * R — Ratio (WHO HEAT; simple, relative, unweighted).
 *
 * Formula: R = y_high / y_low, the same two subgroups as D (see `select.ts`). SE by the delta method,
 * SE(R) = √((se_high² + R²·se_low²) / y_low²) (Ahn et al. 2018); the interval is on the log scale,
 * exp(ln R ± z·SE(R)/R), as in HEAT 6 / `healthequal`. Unlike WHO, which reports the log-scale SE
 * (SE(R)/R), `se` here is on the ratio's own scale (SE(R)).
 *
 * Interpretation: 1 means no inequality; the further from 1, the more inequality (a multiplicative measure:
 * 2 and 0.5 are equally far from 1).
 * Applies to: any dimension with ≥ 2 subgroups. Reference group: optional (non-ordered). Needs SEs: only for
 * the interval. Null with a warning when y_low is 0 (the ratio is undefined).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Ahn J, Harper S, Yu M, et al. Variance
 * estimation and confidence intervals for 11 commonly used health disparity measures. JCO Clin Cancer Inform
 * 2018;2:1–19. Implementation: `WHOequity/healthequal` R/r.R; `WHOequity/HEAT-Measures` R/calc-r.R.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare } from './prepare.js';
import { logScaleResult, notApplicable } from './result.js';
import { pairForDifference } from './select.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function ratio(input: InequalityInput): InequalityResult {
  const p = prepare(input);
  const bad = checkApplies('R', p, { minSubgroups: 2, extremesOnly: true });
  if (bad) return bad;
  if (!p.ordered && p.referenceCount === 1 && !p.reference) {
    return notApplicable(
      'R',
      'needs_reference_subgroup',
      'R compares with the reference subgroup, which has no estimate.',
    );
  }
  const { high, low } = pairForDifference(p)!;
  if (low.estimate === 0) {
    return notApplicable(
      'R',
      'division_by_zero',
      `R is undefined because the denominator subgroup (${low.name}) has an estimate of 0.`,
      baseWarnings(p),
    );
  }
  const r = high.estimate / low.estimate;
  const seLog =
    high.se !== null && low.se !== null && r !== 0
      ? Math.sqrt((high.se ** 2 + r ** 2 * low.se ** 2) / low.estimate ** 2) / Math.abs(r)
      : null;
  return logScaleResult('R', r, seLog, p.z, baseWarnings(p));
}
