/**
 * The concentration-index regression shared by ACI and RCI (WHO HEAT 6, `WHOequity/HEAT-Measures`
 * R/calc-aci.R and R/calc-rci.R, "git 1004/1005"; O'Donnell et al., *Analyzing Health Equity Using Household
 * Survey Data*, World Bank 2008, ch. 8, the "convenient regression"):
 *
 *   2σ²·vⱼ·√popⱼ = β·Xⱼ√popⱼ + α·√popⱼ + εⱼ   (no constant), σ² = Σpⱼ(Xⱼ − ½)²,
 *
 * fitted by ordinary least squares; β is the index (ACI when vⱼ = yⱼ, RCI when vⱼ = yⱼ/μ) and its SE is the
 * usual OLS SE with the residual variance on n − 2 degrees of freedom. β equals Σpⱼ(2Xⱼ − 1)vⱼ exactly.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare, type Prepared } from './prepare.js';
import { inverse2, riditRanks } from './ridit.js';
import type { Warning } from '../../errors.js';
import type { InequalityInput, InequalityMeasureCode, InequalityResult } from './types.js';

export function concentrationRegression(
  values: readonly number[],
  populations: readonly number[],
): { index: number; se: number | null } | null {
  const n = values.length;
  const total = populations.reduce((acc, p) => acc + p, 0);
  const rank = riditRanks(populations);
  const sigma2 = rank.reduce((acc, x, i) => acc + (populations[i]! / total) * (x - 0.5) ** 2, 0);
  const root = populations.map(Math.sqrt);
  const lhs = values.map((v, i) => 2 * sigma2 * v * root[i]!);
  const rhs = rank.map((x, i) => x * root[i]!);
  const sxx = rhs.reduce((acc, x) => acc + x * x, 0);
  const sxi = rhs.reduce((acc, x, i) => acc + x * root[i]!, 0);
  const sii = root.reduce((acc, r) => acc + r * r, 0);
  const inv = inverse2(sxx, sxi, sii);
  if (!inv) return null;
  const xy = rhs.reduce((acc, x, i) => acc + x * lhs[i]!, 0);
  const iy = root.reduce((acc, r, i) => acc + r * lhs[i]!, 0);
  const beta = inv[0] * xy + inv[1] * iy;
  const alpha = inv[1] * xy + inv[2] * iy;
  const rss = lhs.reduce((acc, y, i) => acc + (y - beta * rhs[i]! - alpha * root[i]!) ** 2, 0);
  const se = n > 2 ? Math.sqrt((rss / (n - 2)) * inv[0]) : null;
  return { index: beta, se: se !== null && Number.isFinite(se) ? se : null };
}

export interface OrderedSetup {
  p: Prepared;
  ys: number[];
  pops: number[];
  warnings: Warning[];
}

/** Applicability of the ordered measures (ACI, RCI, SII, RII): ordered, > 2 subgroups, populations. */
export function orderedSetup(
  measure: InequalityMeasureCode,
  input: InequalityInput,
): { ok: OrderedSetup } | { fail: InequalityResult } {
  const p = prepare(input);
  const bad = checkApplies(measure, p, { minSubgroups: 3, population: true });
  if (bad) return { fail: bad };
  return {
    ok: {
      p,
      ys: p.groups.map((g) => g.estimate),
      pops: p.groups.map((g) => g.population!),
      warnings: baseWarnings(p),
    },
  };
}
