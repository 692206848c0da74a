/**
 * Healthy People summary rate ratio (SRR).
 *
 * Formula: SRR = (1/(J − 1))·Σ_{j ≠ best} aⱼ/a_best, on adverse-event rates (see `adverse-rates.ts`): the mean
 * ratio of the other groups' rates to the best group rate (Talih & Huang 2016, HP2020's best-group summary).
 * Interval: seeded simulation percentile interval (see `summary.ts`); no SE.
 *
 * Interpretation: 1 means no disparity; 1.25 means the other groups' adverse rates are on average 25% above
 * the best group's. Applies to: ≥ 2 mutually exclusive groups; not for count objectives. Null with a warning
 * when the best group's adverse rate is 0.
 *
 * Citation: Talih M, Huang DT. Healthy People Statistical Notes no. 27. NCHS; 2016. Keppel K, Pamuk E, Lynch J,
 * et al. Vital Health Stat 2(141). NCHS; 2005.
 */
import type { InequalityInput } from '../types.js';
import { disparitySummary, meanRatioToBest, type DisparityResult } from './summary.js';

export function summaryRateRatio(input: InequalityInput): DisparityResult {
  return disparitySummary('SRR', 'The summary rate ratio', input, meanRatioToBest);
}
