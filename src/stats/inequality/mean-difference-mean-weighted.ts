/**
 * MDMW — Mean difference from mean, weighted (WHO HEAT 6; complex, absolute, weighted).
 *
 * Formula: MDMW = Σpⱼ|yⱼ − μ|, μ = Σpⱼyⱼ (the setting average when populations are missing).
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the population-weighted distance from μ.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/mdmw.R; `WHOequity/HEAT-Measures` R/calc-mdmw.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanDifferenceFromMeanWeighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('MDMW', input, { population: true, average: 'setting' }, (ys, c) =>
    meanAbsoluteDeviation(ys, c.mean, c.shares),
  );
}
