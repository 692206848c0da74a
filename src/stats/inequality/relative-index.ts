/**
 * RII — Relative index of inequality (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: RII = p̂(1)/p̂(0), the ratio of the fitted values at the most-advantaged end (ridit rank 1) and the
 * most-disadvantaged end (rank 0) of the same regression as SII (`slope-model.ts`). The interval is on the log
 * scale, exp(ln RII ± z·SE(ln RII)), with SE(ln RII) from the delta method and the HC1 sandwich (HEAT 6).
 * WHO reports SE(ln RII); `se` here is on the ratio's own scale, RII·SE(ln RII).
 *
 * Interpretation: 1 means no inequality; above 1, higher levels among the advantaged; below 1, higher levels
 * among the disadvantaged (a multiplicative measure: 2 and 0.5 are equally far from 1).
 * Applies to: ordered dimensions with > 2 subgroups, all with estimates. Reference group: no. Needs
 * populations; SEs: no. Null with a warning when a fitted end value is not positive (linear fallback only).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Mackenbach JP, Kunst AE. Soc Sci Med
 * 1997;44(6):757–71. Implementation: `WHOequity/HEAT-Measures` R/calc-rii.R; `WHOequity/healthequal` R/rii.R.
 */
import { orderedSetup } from './concentration.js';
import { logScaleResult, notApplicable } from './result.js';
import { linearWarning } from './slope-index.js';
import { fitSlope, quadratic } from './slope-model.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function relativeIndexOfInequality(input: InequalityInput): InequalityResult {
  const s = orderedSetup('RII', input);
  if ('fail' in s) return s.fail;
  const { p, ys, pops, warnings } = s.ok;
  const fit = fitSlope(ys, pops, p.scale);
  if (!fit)
    return notApplicable('RII', 'regression_failed', 'RII could not be fitted to these estimates.', warnings);
  const all = fit.model === 'linear' ? [...warnings, linearWarning('RII')] : warnings;
  const { p0, p1, cov } = fit;
  if (!(p0 > 0) || !(p1 > 0)) {
    return notApplicable(
      'RII',
      'ratio_not_positive',
      'RII is undefined because a fitted end value is not positive.',
      all,
    );
  }
  const g = fit.model === 'logistic' ? [p0 - p1, 1 - p1] : [1 / p1 - 1 / p0, 1 / p1];
  const v = quadratic(cov, g[0]!, g[1]!);
  return logScaleResult('RII', p1 / p0, v >= 0 ? Math.sqrt(v) : null, p.z, all);
}
