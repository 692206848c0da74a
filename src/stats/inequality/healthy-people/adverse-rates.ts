/**
 * Healthy People disparity measures compare every group with the group that has the *best* rate, on rates of
 * *adverse* events, so that differences are ≥ 0 and ratios ≥ 1 (Talih M, Huang DT. Measuring progress toward
 * target attainment and the elimination of health disparities in Healthy People 2020. Healthy People
 * Statistical Notes no. 27. NCHS; 2016; carried into HP2030, "About Disparities Data", health.gov).
 *
 * For a favourable indicator (higher is better, e.g. percent vaccinated) the rates are re-expressed as
 * adverse events, aⱼ = scale − rⱼ (percent not vaccinated); that needs every estimate within 0…scale.
 * For an adverse indicator aⱼ = rⱼ. The best group is then the one with the lowest aⱼ.
 */
import type { Warning } from '../../../errors.js';
import { prepare, type Prepared } from '../prepare.js';
import { warn } from '../result.js';
import type { InequalityInput } from '../types.js';

export interface AdverseSetup {
  p: Prepared;
  /** Adverse-event rates aligned with p.groups. */
  adverse: number[];
  /** Index of the best group (lowest adverse rate). */
  best: number;
  warnings: Warning[];
}

export const toAdverse = (ys: readonly number[], favourable: boolean, scale: number): number[] =>
  favourable ? ys.map((y) => scale - y) : [...ys];

export const bestIndex = (adverse: readonly number[]): number =>
  adverse.reduce((b, a, i) => (a < adverse[b]! ? i : b), 0);

export function adverseSetup(name: string, input: InequalityInput): { ok: AdverseSetup } | { fail: Warning } {
  const p = prepare(input);
  if (p.groups.length < 2) {
    return {
      fail: warn(
        'too_few_subgroups',
        `${name} needs at least 2 mutually exclusive groups with a rate; there are ${p.groups.length}.`,
      ),
    };
  }
  const ys = p.groups.map((g) => g.estimate);
  if (ys.some((y) => y < 0 || (p.favourable && y > p.scale))) {
    return {
      fail: warn(
        'rates_out_of_range',
        p.favourable
          ? `${name} re-expresses a favourable indicator as adverse events (scale − rate), which needs every rate within 0–${p.scale}.`
          : `${name} needs non-negative rates.`,
      ),
    };
  }
  const adverse = toAdverse(ys, p.favourable, p.scale);
  const warnings: Warning[] =
    p.missing.length > 0
      ? [
          warn('missing_estimates', `${p.missing.length} groups have no rate and were left out.`, {
            subgroups: p.missing,
          }),
        ]
      : [];
  return { ok: { p, adverse, best: bestIndex(adverse), warnings } };
}
