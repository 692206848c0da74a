/**
 * BGSD — Between-group standard deviation (WHO HEAT 6; complex, absolute, weighted).
 *
 * Formula: BGSD = √BGV = √(Σpⱼ(yⱼ − μ)²), pⱼ = population share, μ = Σpⱼyⱼ.
 * Interval: HEAT 6 simulation (see `simulation.ts`); no SE is reported (as in HEAT).
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality, in the indicator's units.
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations; SEs only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality: a review of existing measures
 * and their application. Int J Environ Res Public Health 2022;19(6):3697; Ahn J, Harper S, Yu M, et al. Improved
 * Monte Carlo methods for estimating confidence intervals for eleven commonly used health disparity measures.
 * PLoS One 2019;14(7):e0219542.
 * Implementation: `WHOequity/healthequal` R/bgsd.R; `WHOequity/HEAT-Measures` R/calc-bgsd.R.
 */
import { nonOrderedMeasure } from './non-ordered.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function betweenGroupSd(input: InequalityInput): InequalityResult {
  return nonOrderedMeasure('BGSD', input, { population: true, average: 'weighted' }, (ys, c) =>
    Math.sqrt(ys.reduce((acc, y, i) => acc + c.shares![i]! * (y - c.mean) ** 2, 0)),
  );
}
