/**
 * Shared set-up of the two generalised-entropy measures, MLD and TI (`mean-log-deviation.ts`,
 * `theil-index.ts`): applicability, HEAT's zero replacement and rⱼ = yⱼ/μ.
 *
 * WHO HEAT 6 / `healthequal` replace an estimate of exactly 0 by 0.000001 before taking logs (R/mld.R,
 * R/ti.R); we do the same so the numbers agree with HEAT, and add a warning, because the result then depends
 * on that arbitrary constant.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare, type Prepared } from './prepare.js';
import { notApplicable, warn } from './result.js';
import type { Warning } from '../../errors.js';
import type { InequalityInput, InequalityResult } from './types.js';

export const ZERO_REPLACEMENT = 0.000001;
/** HEAT 6 reports MLD and TI multiplied by 1000. */
export const ENTROPY_MULTIPLIER = 1000;

export interface EntropySetup {
  p: Prepared;
  shares: number[];
  ys: number[];
  mu: number;
  /** rⱼ = yⱼ/μ */
  r: number[];
  warnings: Warning[];
}

export function entropySetup(
  measure: 'MLD' | 'TI',
  input: InequalityInput,
): { ok: EntropySetup } | { fail: InequalityResult } {
  const p = prepare(input);
  const bad = checkApplies(measure, p, { minSubgroups: 3, population: true });
  if (bad) return { fail: bad };
  const warnings = baseWarnings(p);
  if (p.groups.some((g) => g.estimate < 0)) {
    return {
      fail: notApplicable(
        measure,
        'negative_estimates',
        `${measure} needs non-negative estimates (it takes logarithms).`,
        warnings,
      ),
    };
  }
  if (p.groups.every((g) => g.estimate === 0)) {
    return {
      fail: notApplicable(
        measure,
        'all_estimates_zero',
        `${measure} is undefined when every estimate is 0.`,
        warnings,
      ),
    };
  }
  const zeros = p.groups.filter((g) => g.estimate === 0).map((g) => g.name);
  if (zeros.length > 0) {
    warnings.push(
      warn(
        'zero_estimate_replaced',
        `${measure}: ${zeros.length} subgroup estimate(s) of 0 were replaced by 0.000001, as WHO HEAT does; the value depends on that constant.`,
        { subgroups: zeros },
      ),
    );
  }
  const shares = p.shares!;
  const ys = p.groups.map((g) => (g.estimate === 0 ? ZERO_REPLACEMENT : g.estimate));
  const mu = ys.reduce((acc, y, i) => acc + shares[i]! * y, 0);
  return { ok: { p, shares, ys, mu, r: ys.map((y) => y / mu), warnings } };
}
