/**
 * MDMU — Mean difference from mean, unweighted (WHO HEAT 6; complex, absolute, unweighted).
 *
 * Formula: MDMU = (1/J)·Σ|yⱼ − μ|, μ = Σpⱼyⱼ (the setting average when populations are missing). HEAT 6 divides by J (HEAT 3.1 summed).
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the average distance from μ, in the indicator's units.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations or the setting average; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/mdmu.R; `WHOequity/HEAT-Measures` R/calc-mdmu.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanDifferenceFromMeanUnweighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('MDMU', input, { population: false, average: 'setting' }, (ys, c) =>
    meanAbsoluteDeviation(ys, c.mean, null),
  );
}
