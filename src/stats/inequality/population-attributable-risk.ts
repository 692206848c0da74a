/**
 * PAR — Population attributable risk (WHO HEAT; complex, absolute, weighted).
 *
 * Formula: PAR = y_ref − μ, where μ is the population-weighted mean Σpⱼyⱼ (the setting average when populations
 * are missing, HEAT 6 `get_weighted_mean`) and
 * y_ref is the reference subgroup if one is set, else the most-advantaged subgroup (ordered dimensions) or the
 * best-performing subgroup (non-ordered: highest for favourable indicators, lowest for adverse). PAR is set to
 * 0 when the reference is worse than the average (favourable and PAR < 0, adverse and PAR > 0).
 * SE = μ·SE(PAF fraction) with Walter's (1978) SE; interval PAR ± z·SE (as `healthequal`).
 *
 * Interpretation: the improvement in the average that would follow if every subgroup reached the reference
 * level; positive for favourable indicators, negative for adverse ones; 0 means no further improvement.
 * Applies to: any dimension with ≥ 2 subgroups. Reference group: optional. Needs SEs: no (needs populations
 * for the interval).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Walter SD, Int J Epidemiol 1978;7:175–82.
 * Implementation: `WHOequity/healthequal` R/parisk.R; `WHOequity/HEAT-Measures` R/calc-par.R.
 */
import { attributable } from './attributable.js';
import { baseWarnings } from './applicability.js';
import { prepare } from './prepare.js';
import { normalResult, warn } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function populationAttributableRisk(input: InequalityInput): InequalityResult {
  const p = prepare(input);
  const a = attributable('PAR', p);
  if ('fail' in a) return a.fail;
  const { par, mean, fractionSe } = a.ok;
  const se = fractionSe === null ? null : Math.abs(mean) * fractionSe;
  return normalResult(
    'PAR',
    par,
    se,
    p.z,
    baseWarnings(p),
    warn('no_population', 'PAR has no confidence interval: it needs a population for every subgroup.'),
  );
}
