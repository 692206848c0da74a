/**
 * IDISU — Index of disparity, unweighted (WHO HEAT 6; complex, relative, unweighted).
 *
 * Formula: IDISU = 100·(1/J)·Σ|yⱼ − μ| / μ, μ = Σpⱼyⱼ (the setting average when populations are missing) (the deviations are unweighted, the average is not).
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the average distance from μ, as a percentage of μ.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations or the setting average; SEs only for the interval. Null with a warning when μ = 0.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/idisu.R; `WHOequity/HEAT-Measures` R/calc-idisu.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function indexOfDisparityUnweighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure(
    'IDISU',
    input,
    { population: false, average: 'setting', relative: true },
    (ys, c) => (100 * meanAbsoluteDeviation(ys, c.mean, null)) / c.mean,
  );
}
