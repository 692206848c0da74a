/**
 * SII — Slope index of inequality (WHO HEAT 6; complex, absolute, weighted).
 *
 * Formula: SII = scale·(p̂(1) − p̂(0)), the difference between the fitted values at the most-advantaged end
 * (ridit rank 1) and the most-disadvantaged end (rank 0) of a regression on the ridit rank — HEAT 6's
 * logistic regression, or weighted least squares when the estimates are not proportions of the scale (see
 * `slope-model.ts`). SE by the delta method with the HC1 sandwich covariance; interval SII ± z·SE. WHO HEAT 6
 * and `healthequal` report the SE on the 0–1 scale next to an estimate on the indicator's scale; here the SE
 * is multiplied by the scale so it matches the estimate. As in HEAT 6, the sign does not depend on the
 * indicator's direction.
 *
 * Interpretation: 0 means no inequality. Positive values mean higher levels among the advantaged (a
 * favourable indicator favouring the advantaged, or an adverse indicator burdening them); negative values
 * mean higher levels among the disadvantaged.
 * Applies to: ordered dimensions with > 2 subgroups, all with estimates. Reference group: no. Needs
 * populations; SEs: no (the SE comes from the regression).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); Mackenbach JP, Kunst AE. Soc Sci Med
 * 1997;44(6):757–71; Low A, Low A. J Public Health 2004;26(2):147–53 (linear fallback).
 * Implementation: `WHOequity/HEAT-Measures` R/calc-sii.R; `WHOequity/healthequal` R/sii.R.
 */
import { orderedSetup } from './concentration.js';
import { normalResult, notApplicable, warn } from './result.js';
import { fitSlope, quadratic } from './slope-model.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function slopeIndexOfInequality(input: InequalityInput): InequalityResult {
  const s = orderedSetup('SII', input);
  if ('fail' in s) return s.fail;
  const { p, ys, pops, warnings } = s.ok;
  const fit = fitSlope(ys, pops, p.scale);
  if (!fit)
    return notApplicable('SII', 'regression_failed', 'SII could not be fitted to these estimates.', warnings);
  const { p0, p1, cov } = fit;
  const g = fit.model === 'logistic' ? [p1 * (1 - p1) - p0 * (1 - p0), p1 * (1 - p1)] : [0, 1];
  const v = quadratic(cov, g[0]!, g[1]!);
  const all = fit.model === 'linear' ? [...warnings, linearWarning('SII')] : warnings;
  return normalResult('SII', p.scale * (p1 - p0), v >= 0 ? p.scale * Math.sqrt(v) : null, p.z, all);
}

export const linearWarning = (measure: 'SII' | 'RII') =>
  warn(
    'linear_model',
    `${measure} used weighted least squares instead of WHO HEAT's logistic regression, because the estimates are not proportions of the indicator scale (or the logistic fit did not converge).`,
  );
