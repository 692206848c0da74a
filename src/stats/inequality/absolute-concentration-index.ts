/**
 * ACI — Absolute concentration index (WHO HEAT 6; complex, absolute, weighted).
 *
 * Formula: ACI = Σpⱼ(2Xⱼ − 1)yⱼ, Xⱼ = ridit rank (cumulative mid-point population share, order 1 = most
 * disadvantaged). Computed, with its SE, by HEAT 6's convenient regression (see `concentration.ts`);
 * interval ACI ± z·SE.
 *
 * Interpretation: 0 means no inequality. Positive values mean the indicator is concentrated among the
 * advantaged, negative values among the disadvantaged, whatever the indicator's direction (for an adverse
 * indicator, a negative ACI means the disadvantaged bear more of it). Units: the indicator's.
 * Applies to: ordered dimensions with > 2 subgroups, all with estimates. Reference group: no. Needs
 * populations; SEs: no (the SE comes from the regression).
 *
 * Citation: Schlotheuber & Hosseinpoor 2022 (IJERPH 19:3697); WHO Handbook on health inequality monitoring
 * (2013); O'Donnell O, van Doorslaer E, Wagstaff A, Lindelow M. Analyzing health equity using household survey
 * data. World Bank; 2008. Implementation: `WHOequity/HEAT-Measures` R/calc-aci.R; `WHOequity/healthequal` R/aci.R.
 */
import { concentrationRegression, orderedSetup } from './concentration.js';
import { normalResult, notApplicable } from './result.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function absoluteConcentrationIndex(input: InequalityInput): InequalityResult {
  const s = orderedSetup('ACI', input);
  if ('fail' in s) return s.fail;
  const { p, ys, pops, warnings } = s.ok;
  const fit = concentrationRegression(ys, pops);
  if (!fit)
    return notApplicable(
      'ACI',
      'regression_failed',
      'ACI could not be fitted (the ranks are degenerate).',
      warnings,
    );
  return normalResult('ACI', fit.index, fit.se, p.z, warnings);
}
