/**
 * COV — Coefficient of variation (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: COV = 100·BGSD/μ, μ = Σpⱼyⱼ.
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality, as a percentage of the average.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations; SEs only for the interval. Null with a warning when μ = 0.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/covar.R; `WHOequity/HEAT-Measures` R/calc-cov.R.
 */
import { nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function coefficientOfVariation(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure(
    'COV',
    input,
    { population: true, average: 'weighted', relative: true },
    (ys, c) =>
      (100 * Math.sqrt(ys.reduce((acc, y, i) => acc + c.shares![i]! * (y - c.mean) ** 2, 0))) / c.mean,
  );
}
