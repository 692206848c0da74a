/**
 * When a measure applies (WHO HEAT 6 validation tests, `WHOequity/HEAT-Measures` R/validation-tests.R and the
 * `HEAT_summary_measures_types` table; `healthequal` argument checks). A failing check gives an all-null result
 * with a warning saying why — never an error.
 *
 * - D, R, PAR, PAF: any dimension with at least 2 subgroups.
 * - BGV, BGSD, COV, IDISU, IDISW, MDBU, MDBW, MDMU, MDMW, MDRU, MDRW, MLD, TI: non-ordered, more than 2.
 * - ACI, RCI, SII, RII: ordered, more than 2, every subgroup with an estimate.
 * - Non-ordered measures still run when up to 15% of subgroups lack an estimate (HEAT 6 `test_under85_pct`).
 */
import type { InequalityMeasureCode, InequalityResult } from './types.js';
import { missingWarning, type Prepared } from './prepare.js';
import { notApplicable } from './result.js';

export interface Requirements {
  dimension: 'any' | 'ordered' | 'non-ordered';
  /** Minimum number of subgroups with an estimate. */
  minSubgroups: number;
  /** Needs a population for every subgroup (weighted measures). */
  population?: boolean;
  /** Needs exactly one reference subgroup (MDRU, MDRW). */
  reference?: boolean;
  /** On ordered dimensions: only the two extremes must have estimates (D, R). */
  extremesOnly?: boolean;
}

/** The largest share of subgroups that may lack an estimate on a non-ordered dimension (HEAT 6). */
export const MAX_MISSING_SHARE = 0.15;

/** null when the measure applies, else the all-null result that says why. */
export function checkApplies(
  measure: InequalityMeasureCode,
  p: Prepared,
  req: Requirements,
): InequalityResult | null {
  const n = p.groups.length;
  const na = (code: string, message: string) => notApplicable(measure, code, message);
  if (n === 0) return na('no_estimates', `${measure} needs subgroup estimates; none were given.`);
  if (req.dimension === 'ordered' && !p.ordered) {
    return na(
      'needs_ordered_dimension',
      `${measure} applies only to ordered dimensions (such as wealth quintiles); this dimension is not ordered.`,
    );
  }
  if (req.dimension === 'non-ordered' && p.ordered) {
    return na(
      'needs_non_ordered_dimension',
      `${measure} applies only to non-ordered dimensions (such as region); this dimension is ordered — use ACI, RCI, SII or RII.`,
    );
  }
  if (n < req.minSubgroups) {
    return na(
      'too_few_subgroups',
      `${measure} needs at least ${req.minSubgroups} subgroups with an estimate; this dimension has ${n}.`,
    );
  }
  if (p.ordered) {
    const orders = p.groups.map((g) => g.order);
    if (orders.some((o) => o === null) || new Set(orders).size !== orders.length) {
      return na(
        'invalid_subgroup_order',
        `${measure} needs a distinct subgroup order (1 = most disadvantaged) for every subgroup of an ordered dimension.`,
      );
    }
    if (p.missing.length > 0) {
      const first = p.groups[0]!.order;
      const last = p.groups[n - 1]!.order;
      const extremesPresent =
        p.orderRange !== null && first === p.orderRange.min && last === p.orderRange.max;
      if (!req.extremesOnly || !extremesPresent) {
        return na(
          'missing_estimates',
          req.extremesOnly
            ? `${measure} compares the two extreme subgroups of an ordered dimension, and one of them has no estimate.`
            : `${measure} needs an estimate for every subgroup of an ordered dimension; ${p.missing.length} are missing.`,
        );
      }
    }
  } else if (p.missing.length / p.given > MAX_MISSING_SHARE) {
    return na(
      'missing_estimates',
      `${measure} is not computed because ${p.missing.length} of ${p.given} subgroups (more than 15%) have no estimate.`,
    );
  }
  if (req.population && p.shares === null) {
    return na(
      'needs_population',
      `${measure} is weighted by population: give a population (not all zero) for every subgroup.`,
    );
  }
  if (req.reference) {
    if (p.referenceCount > 1) {
      return na(
        'several_reference_subgroups',
        `${measure} needs exactly one reference subgroup; ${p.referenceCount} are marked.`,
      );
    }
    if (p.reference === null) {
      return na(
        'needs_reference_subgroup',
        p.referenceCount === 1
          ? `${measure} needs the reference subgroup's estimate, which is missing.`
          : `${measure} needs a reference subgroup (reference_subgroup = 1 on one non-ordered subgroup).`,
      );
    }
  }
  return null;
}

/** Warnings every applicable measure carries (subgroups left out). */
export const baseWarnings = missingWarning;
