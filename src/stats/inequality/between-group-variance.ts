/**
 * BGV — Between-group variance (WHO HEAT; complex, absolute, weighted).
 *
 * Formula: BGV = Σpⱼ(yⱼ − μ)², pⱼ = population share, μ = Σpⱼyⱼ.
 * SE = √(4·Σpⱼ²seⱼ²(yⱼ − μ)² + 2·[(Σpⱼ²seⱼ²)² − Σpⱼ⁴seⱼ⁴ + Σpⱼ²(1 − pⱼ)²seⱼ⁴]); interval BGV ± z·SE.
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality (squared units of the indicator,
 * so it is hard to read on its own — BGSD is its square root).
 * Applies to: non-ordered dimensions with > 2 subgroups. Reference group: no. Needs populations; SEs only for
 * the interval.
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Ahn J, Harper S, Yu M, et al. JCO Clin Cancer
 * Inform 2018;2:1–19. Implementation: `WHOequity/healthequal` R/bgv.R; `WHOequity/HEAT-Measures` R/calc-bgv.R.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare } from './prepare.js';
import { normalResult } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function betweenGroupVariance(input: InequalityInput): InequalityResult {
  const p = prepare(input);
  const bad = checkApplies('BGV', p, { minSubgroups: 3, population: true });
  if (bad) return bad;
  const w = p.shares!;
  const mu = p.weightedMean!;
  const ys = p.groups.map((g) => g.estimate);
  const bgv = Math.max(
    0,
    ys.reduce((acc, y, i) => acc + w[i]! * (y - mu) ** 2, 0),
  );
  let se: number | null = null;
  if (p.seAll) {
    const s = p.groups.map((g) => g.se!);
    const sum = (f: (i: number) => number) => s.reduce((acc, _, i) => acc + f(i), 0);
    const se2 = sum((i) => w[i]! ** 2 * s[i]! ** 2 * (ys[i]! - mu) ** 2);
    const s2 = sum((i) => w[i]! ** 2 * s[i]! ** 2);
    const s4 = sum((i) => w[i]! ** 4 * s[i]! ** 4);
    const se4 = sum((i) => w[i]! ** 2 * (1 - w[i]!) ** 2 * s[i]! ** 4);
    const v = 4 * se2 + 2 * (s2 ** 2 - s4 + se4);
    se = v >= 0 ? Math.sqrt(v) : null;
  }
  return normalResult('BGV', bgv, se, p.z, baseWarnings(p));
}
