/**
 * IDISW — Index of disparity, weighted (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: IDISW = 100·Σpⱼ|yⱼ − μ| / μ, μ = Σpⱼyⱼ (the setting average when populations are missing).
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the population-weighted distance from μ, as a percentage of μ.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations; SEs only for the interval. Null with a warning when μ = 0.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/idisw.R; `WHOequity/HEAT-Measures` R/calc-idisw.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function indexOfDisparityWeighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure(
    'IDISW',
    input,
    { population: true, average: 'setting', relative: true },
    (ys, c) => (100 * meanAbsoluteDeviation(ys, c.mean, c.shares)) / c.mean,
  );
}
