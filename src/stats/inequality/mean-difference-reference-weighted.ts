/**
 * MDRW — Mean difference from reference subgroup, weighted (WHO HEAT 6; complex, absolute, weighted).
 *
 * Formula: MDRW = Σpⱼ|y_ref − yⱼ|. New in HEAT 6.
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the population-weighted distance from the reference subgroup.
 * Applies to: non-ordered dimensions with > 2 subgroups and one reference subgroup. Needs populations; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/mdrw.R; `WHOequity/HEAT-Measures` R/calc-mdrw.R.
 */
import { meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanDifferenceFromReferenceWeighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('MDRW', input, { population: true, average: 'none', reference: true }, (ys, c) =>
    meanAbsoluteDeviation(ys, ys[c.refIndex]!, c.shares),
  );
}
