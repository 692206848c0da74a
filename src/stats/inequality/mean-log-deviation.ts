/**
 * MLD — Mean log deviation (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: MLD = 1000·Σpⱼ(−ln(yⱼ/μ)), μ = Σpⱼyⱼ (HEAT 6 reports ×1000; HEAT 3.1 did not).
 * SE = 1000·√(Σpⱼ²seⱼ²(1 − 1/rⱼ)²/μ²), rⱼ = yⱼ/μ; interval MLD ± z·SE. WHO HEAT 6 and `healthequal` leave
 * the SE unscaled (÷1000 relative to the estimate); here it is on the estimate's ×1000 scale.
 *
 * Interpretation: 0 means no inequality; larger values mean more inequality. More sensitive to subgroups far
 * below the average.
 * Applies to: non-ordered dimensions with > 2 subgroups and non-negative estimates. Reference group: no. Needs
 * populations; SEs only for the interval. Estimates of 0 are replaced by 0.000001 (with a warning).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Ahn et al. 2018 (JCO Clin Cancer Inform 2:1–19).
 * Implementation: `WHOequity/healthequal` R/mld.R; `WHOequity/HEAT-Measures` R/calc-mld.R.
 */
import { ENTROPY_MULTIPLIER, entropySetup } from './entropy.js';
import { normalResult } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function meanLogDeviation(input: InequalityInput): InequalityResult {
  const s = entropySetup('MLD', input);
  if ('fail' in s) return s.fail;
  const { p, shares, r, mu, warnings } = s.ok;
  // ≥ 0 by Jensen's inequality; max() removes rounding noise around 0.
  const mld = Math.max(0, ENTROPY_MULTIPLIER * r.reduce((acc, rj, i) => acc - shares[i]! * Math.log(rj), 0));
  const se = p.seAll
    ? ENTROPY_MULTIPLIER *
      Math.sqrt(
        p.groups.reduce(
          (acc, g, i) => acc + (shares[i]! ** 2 * g.se! ** 2 * (1 - 1 / r[i]!) ** 2) / mu ** 2,
          0,
        ),
      )
    : null;
  return normalResult('MLD', mld, se, p.z, warnings);
}
