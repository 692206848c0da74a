/**
 * RCI — Relative concentration index (WHO HEAT 6; complex, relative, weighted).
 *
 * Formula: RCI = ACI/μ = Σpⱼ(2Xⱼ − 1)yⱼ/μ, μ = Σpⱼyⱼ; SE from the same convenient regression on yⱼ/μ (see
 * `concentration.ts`); interval RCI ± z·SE. Like HEAT 6 (`HEAT-Measures` R/calc-rci.R) and `healthequal`,
 * RCI is on the −1…1 scale, not multiplied by 100.
 *
 * Interpretation: 0 means no inequality; bounded by −1 and 1 for indicators bounded below by 0; positive
 * values mean concentration among the advantaged.
 * Applies to: ordered dimensions with > 2 subgroups, all with estimates. Reference group: no. Needs
 * populations; SEs: no. Null with a warning when μ = 0.
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); O'Donnell et al. 2008 (World Bank), ch. 8.
 * Implementation: `WHOequity/HEAT-Measures` R/calc-rci.R; `WHOequity/healthequal` R/rci.R.
 */
import { concentrationRegression, orderedSetup } from './concentration.js';
import { normalResult, notApplicable } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function relativeConcentrationIndex(input: InequalityInput): InequalityResult {
  const s = orderedSetup('RCI', input);
  if ('fail' in s) return s.fail;
  const { p, ys, pops, warnings } = s.ok;
  const mu = p.weightedMean!;
  if (mu === 0)
    return notApplicable('RCI', 'mean_zero', 'RCI is undefined because the average is 0.', warnings);
  const fit = concentrationRegression(
    ys.map((y) => y / mu),
    pops,
  );
  if (!fit)
    return notApplicable(
      'RCI',
      'regression_failed',
      'RCI could not be fitted (the ranks are degenerate).',
      warnings,
    );
  return normalResult('RCI', fit.index, fit.se, p.z, warnings);
}
