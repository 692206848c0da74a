/**
 * MDRU — Mean difference from reference subgroup, unweighted (WHO HEAT 6; complex, absolute, unweighted).
 *
 * Formula: MDRU = (1/J)·Σ|y_ref − yⱼ| over all J subgroups (the reference contributes 0). New in HEAT 6.
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the average distance from the reference subgroup.
 * Applies to: non-ordered dimensions with > 2 subgroups and one reference subgroup. Needs populations: no; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/mdru.R; `WHOequity/HEAT-Measures` R/calc-mdru.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanDifferenceFromReferenceUnweighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('MDRU', input, { population: false, average: 'none', reference: true }, (ys, c) =>
    meanAbsoluteDeviation(ys, ys[c.refIndex]!, null),
  );
}
