/**
 * Shared arithmetic for PAR and PAF (`population-attributable-risk.ts`, `population-attributable-fraction.ts`):
 * the reference point, the clamp, and Walter's (1978) standard error of the attributable fraction, as in
 * `WHOequity/healthequal` R/parisk.R and R/paf.R.
 */
import { checkApplies } from './applicability.js';
import type { Prepared, Group } from './prepare.js';
import { notApplicable } from './result.js';
import { parReference } from './select.js';
import type { InequalityMeasureCode, InequalityResult } from './types.js';

export interface Attributable {
  reference: Group;
  mean: number;
  /** y_ref − μ, set to 0 when the reference is worse than the average (favourable: < 0, adverse: > 0). */
  par: number;
  /** Walter's SE of the attributable fraction on the 0–1 scale; null without populations. */
  fractionSe: number | null;
}

export function attributable(
  measure: InequalityMeasureCode,
  p: Prepared,
): { ok: Attributable } | { fail: InequalityResult } {
  const bad = checkApplies(measure, p, { minSubgroups: 2 });
  if (bad) return { fail: bad };
  if (p.mean === null) {
    return {
      fail: notApplicable(
        measure,
        'needs_population',
        `${measure} compares with the setting average: give a population for every subgroup or the setting average.`,
      ),
    };
  }
  if (!p.ordered && p.referenceCount === 1 && !p.reference) {
    return {
      fail: notApplicable(
        measure,
        'needs_reference_subgroup',
        `${measure} uses the reference subgroup, which has no estimate.`,
      ),
    };
  }
  const reference = parReference(p);
  const mean = p.mean;
  const raw = reference.estimate - mean;
  const par = (p.favourable && raw < 0) || (!p.favourable && raw > 0) ? 0 : raw;
  return { ok: { reference, mean, par, fractionSe: walterSe(p, reference, mean) } };
}

/** Walter SD. Calculation of attributable risks from epidemiological data. Int J Epidemiol 1978;7:175–82. */
function walterSe(p: Prepared, ref: Group, mean: number): number | null {
  if (!p.shares || ref.population === null) return null;
  const total = p.groups.reduce((acc, g) => acc + (g.population ?? 0), 0);
  const c = (ref.estimate / p.scale) * ref.population;
  const d = ref.population - c;
  const a = (mean / p.scale) * total - c;
  const b = total - a - ref.population;
  const n = a + b + c + d;
  const v = (c * n * (a * d * (n - c) + b * c ** 2)) / ((a + c) ** 3 * (c + d) ** 3);
  return Number.isFinite(v) && v >= 0 ? Math.sqrt(v) : null;
}
