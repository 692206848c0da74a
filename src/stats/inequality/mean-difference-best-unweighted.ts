/**
 * MDBU — Mean difference from best performing subgroup, unweighted (WHO HEAT 6; complex, absolute, unweighted).
 *
 * Formula: MDBU = (1/J)·Σ|y_best − yⱼ|, y_best = the highest estimate (favourable) or the lowest (adverse). HEAT 6 divides by J (HEAT 3.1 summed); the best group is used even when a reference subgroup is set (that is MDRU).
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality: the average shortfall from the best subgroup, in the indicator's units.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations: no; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/mdbu.R; `WHOequity/HEAT-Measures` R/calc-mdbu.R.
 */
import { best, meanAbsoluteDeviation, nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanDifferenceFromBestUnweighted(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('MDBU', input, { population: false, average: 'none' }, (ys, c) =>
    meanAbsoluteDeviation(ys, best(ys, c.favourable), null),
  );
}
