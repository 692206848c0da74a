/**
 * TI — Theil index (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: TI = 1000·Σpⱼrⱼ·ln rⱼ, rⱼ = yⱼ/μ, μ = Σpⱼyⱼ (HEAT 6 reports ×1000; HEAT 3.1 did not).
 * SE = 1000·√(Σ(1 + ln rⱼ − Σₖpₖrₖ(1 + ln rₖ))²·pⱼ²seⱼ²/μ²); interval TI ± z·SE. WHO HEAT 6 and
 * `healthequal` leave the SE unscaled (÷1000 relative to the estimate); here it is on the ×1000 scale.
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality. More sensitive to subgroups far
 * above the average.
 * Applies to: non-ordered dimensions with > 2 subgroups and non-negative estimates. Reference group: no. Needs
 * populations; SEs only for the interval. Estimates of 0 are replaced by 0.000001 (with a warning).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Ahn et al. 2018 (JCO Clin Cancer Inform 2:1–19).
 * Implementation: `WHOequity/healthequal` R/ti.R; `WHOequity/HEAT-Measures` R/calc-ti.R.
 */
import { ENTROPY_MULTIPLIER, entropySetup } from './entropy.js';
import { normalResult } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function theilIndex(input: InequalityInput): InequalityResult {
  const s = entropySetup('TI', input);
  if ('fail' in s) return s.fail;
  const { p, shares, r, mu, warnings } = s.ok;
  // ≥ 0 by Jensen's inequality; max() removes rounding noise around 0.
  const ti = Math.max(
    0,
    ENTROPY_MULTIPLIER * r.reduce((acc, rj, i) => acc + shares[i]! * rj * Math.log(rj), 0),
  );
  let se: number | null = null;
  if (p.seAll) {
    const centre = r.reduce((acc, rj, i) => acc + rj * (1 + Math.log(rj)) * shares[i]!, 0);
    const v = p.groups.reduce(
      (acc, g, i) => acc + (1 + Math.log(r[i]!) - centre) ** 2 * ((shares[i]! ** 2 * g.se! ** 2) / mu ** 2),
      0,
    );
    se = ENTROPY_MULTIPLIER * Math.sqrt(v);
  }
  return normalResult('TI', ti, se, p.z, warnings);
}
