/**
 * PAF — Population attributable fraction (WHO HEAT; complex, relative, weighted).
 *
 * Formula: PAF = 100·PAR/μ with PAR and μ as in `population-attributable-risk.ts` (same reference point and
 * clamp). SE: Walter's (1978) SE of the attributable fraction, multiplied by 100. WHO HEAT 6 and `healthequal`
 * report that SE on the 0–1 scale next to a percentage estimate (and build the interval from it); here SE and
 * interval are both on the estimate's (percentage) scale.
 *
 * Interpretation: the percentage improvement in the average if every subgroup reached the reference level;
 * 0 means no further improvement.
 * Applies to: any dimension with ≥ 2 subgroups. Reference group: optional. Needs SEs: no (needs populations
 * for the interval). Null with a warning when μ is 0.
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Walter SD, Int J Epidemiol 1978;7:175–82.
 * Implementation: `WHOequity/healthequal` R/paf.R; `WHOequity/HEAT-Measures` R/calc-paf.R.
 */
import { attributable } from './attributable.js';
import { baseWarnings } from './applicability.js';
import { prepare } from './prepare.js';
import { normalResult, notApplicable, warn } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function populationAttributableFraction(input: InequalityInput): InequalityResult {
  const p = prepare(input);
  const a = attributable('PAF', p);
  if ('fail' in a) return a.fail;
  const { par, mean, fractionSe } = a.ok;
  if (mean === 0) {
    return notApplicable(
      'PAF',
      'mean_zero',
      'PAF is undefined because the setting average is 0.',
      baseWarnings(p),
    );
  }
  return normalResult(
    'PAF',
    (100 * par) / mean,
    fractionSe === null ? null : 100 * fractionSe,
    p.z,
    baseWarnings(p),
    warn('no_population', 'PAF has no confidence interval: it needs a population for every subgroup.'),
  );
}
