/**
 * D — Difference (WHO HEAT; simple, absolute, unweighted).
 *
 * Formula: D = y_high − y_low, the two subgroups chosen by WHO's rules (see `select.ts`): ordered → the
 * extremes (favourable: most advantaged − most disadvantaged; adverse: the reverse); non-ordered with a
 * reference → favourable: reference − lowest other, adverse: highest other − reference; otherwise
 * highest − lowest. SE = √(se_high² + se_low²); interval D ± z·SE.
 *
 * Interpretation: 0 means no inequality; the larger |D|, the more inequality, in the indicator's own units.
 * Applies to: any dimension with ≥ 2 subgroups (ordered: both extremes need estimates). Reference group:
 * optional (non-ordered). Needs SEs: only for the interval.
 *
 * Citation: Schlotheuber A, Hosseinpoor AR. Summary measures of health inequality. Int J Environ Res Public
 * Health 2022;19(6):3697. Implementation: `WHOequity/HEAT-Measures` R/calc-d.R, R/utils.R; `WHOequity/healthequal`
 * R/d.R.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare } from './prepare.js';
import { normalResult, notApplicable } from './result.js';
import { pairForDifference } from './select.js';
import type { InequalityInput, InequalityResult } from './types.js';

export function difference(input: InequalityInput): InequalityResult {
  const p = prepare(input);
  const bad = checkApplies('D', p, { minSubgroups: 2, extremesOnly: true });
  if (bad) return bad;
  if (!p.ordered && p.referenceCount === 1 && !p.reference) {
    return notApplicable(
      'D',
      'needs_reference_subgroup',
      'D compares with the reference subgroup, which has no estimate.',
    );
  }
  const pair = pairForDifference(p)!;
  const { high, low } = pair;
  const se = high.se !== null && low.se !== null ? Math.sqrt(high.se ** 2 + low.se ** 2) : null;
  return normalResult('D', high.estimate - low.estimate, se, p.z, baseWarnings(p));
}
