/**
 * Area under the ROC curve (the Mann–Whitney probability P(score₊ > score₋) + ½·P(tie)) with the
 * DeLong variance: structural components V10(xᵢ) = mean over negatives of ψ(xᵢ, yⱼ), V01(yⱼ) = mean over
 * positives; Var(AUC) = S10/m + S01/n with S the sample variances (denominator − 1).
 * Source: DeLong ER, DeLong DM, Clarke-Pearson DL (1988) Biometrics 44:837–845; the interval is
 * AUC ± z·√Var clipped to [0, 1], as pROC `ci.auc(method = "delong")` reports it (Robin X et al. (2011)
 * BMC Bioinformatics 12:77). Two AUCs from independent groups are compared by z = (A₁ − A₂)/√(V₁ + V₂)
 * (DeLong's covariance between independent samples is 0).
 */
import { phi, zFor } from './distributions.js';
import { isLevel } from './types.js';

export interface AucEstimate {
  auc: number;
  variance: number;
  lower: number;
  upper: number;
  method: 'delong';
}

const psi = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);

const sampleVariance = (v: readonly number[]): number => {
  if (v.length < 2) return 0;
  const m = v.reduce((s, a) => s + a, 0) / v.length;
  return v.reduce((s, a) => s + (a - m) ** 2, 0) / (v.length - 1);
};

/** AUC with its DeLong interval; null without at least one positive and one negative. */
export function aucDelong(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
  level = 0.95,
): AucEstimate | null {
  if (!isLevel(level)) return null;
  const pos: number[] = [];
  const neg: number[] = [];
  scores.forEach((s, i) => (labels[i] === 1 ? pos : neg).push(s));
  if (pos.length === 0 || neg.length === 0) return null;
  // O(m log m + n log n) by ranks of the negatives: count below and tied via sorted search.
  const sortedNeg = [...neg].sort((a, b) => a - b);
  const sortedPos = [...pos].sort((a, b) => a - b);
  const countBelow = (arr: number[], v: number): number => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const countAtMost = (arr: number[], v: number): number => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const v10 = pos.map((x) => {
    const below = countBelow(sortedNeg, x);
    const ties = countAtMost(sortedNeg, x) - below;
    return (below + 0.5 * ties) / neg.length;
  });
  const v01 = neg.map((y) => {
    const above = pos.length - countAtMost(sortedPos, y);
    const ties = countAtMost(sortedPos, y) - countBelow(sortedPos, y);
    return (above + 0.5 * ties) / pos.length;
  });
  const auc = v10.reduce((s, a) => s + a, 0) / pos.length;
  const variance = sampleVariance(v10) / pos.length + sampleVariance(v01) / neg.length;
  const half = zFor(level) * Math.sqrt(variance);
  return { auc, variance, lower: Math.max(0, auc - half), upper: Math.min(1, auc + half), method: 'delong' };
}

/** psi is exported for tests that check the O(n log n) counts against the definition. */
export const delongKernel = psi;

/** Two-sided p-value of A₁ = A₂ for two independent samples; null when both variances are 0. */
export function aucDifferenceTest(a: AucEstimate, b: AucEstimate): { z: number; pValue: number } | null {
  const v = a.variance + b.variance;
  if (!(v > 0)) return null;
  const z = (a.auc - b.auc) / Math.sqrt(v);
  return { z, pValue: Math.min(1, 2 * (1 - phi(Math.abs(z)))) };
}
