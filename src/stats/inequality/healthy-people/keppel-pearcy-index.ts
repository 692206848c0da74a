/**
 * Keppel–Pearcy index of disparity (ID), the Healthy People 2010 measure.
 *
 * Formula: ID = 100·[(1/(J − 1))·Σ_{j ≠ best}|aⱼ − a_best|] / a_best = 100·(SRR − 1), on adverse-event rates
 * (see `adverse-rates.ts`) with the best group rate as the reference. Interval: seeded simulation percentile
 * interval (see `summary.ts`); no SE.
 *
 * Interpretation: the average percentage by which the other groups' adverse rates exceed the best group's;
 * 0 means no disparity. Not interchangeable with WHO HEAT's IDISU/IDISW, which compare with the average μ
 * rather than the best group. Applies to: ≥ 2 mutually exclusive groups. Null with a warning when the best
 * group's adverse rate is 0.
 *
 * Citation: Pearcy JN, Keppel KG. A summary measure of health disparity. Public Health Rep 2002;117(3):273–80;
 * Keppel KG, Pearcy JN, Klein RJ. Measuring progress in Healthy People 2010. Healthy People Statistical Notes
 * no. 25. NCHS; 2004.
 */
import type { InequalityInput } from '../types.js';
import { disparitySummary, type DisparityResult } from './summary.js';

export function keppelPearcyIndexOfDisparity(input: InequalityInput): DisparityResult {
  return disparitySummary(
    'ID',
    'The index of disparity',
    input,
    (a, best) =>
      (100 * a.reduce((acc, x, j) => (j === best ? acc : acc + Math.abs(x - a[best]!)), 0)) /
      (a.length - 1) /
      a[best]!,
  );
}
