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
import type { WarningCode } from '../../warnings.js';

/** The kind of dimension a measure is defined on. */
export type DimensionKind = 'any' | 'ordered' | 'non-ordered';

/**
 * The one registry of which dimensions each WHO HEAT measure applies to (the table above): the measures
 * check it, the CLI's "applicable" selection and the analysis's summary measures both filter with it.
 */
export const MEASURE_DIMENSION: Readonly<Record<InequalityMeasureCode, DimensionKind>> = {
  D: 'any',
  R: 'any',
  PAR: 'any',
  PAF: 'any',
  BGV: 'non-ordered',
  BGSD: 'non-ordered',
  COV: 'non-ordered',
  IDISU: 'non-ordered',
  IDISW: 'non-ordered',
  MDBU: 'non-ordered',
  MDBW: 'non-ordered',
  MDMU: 'non-ordered',
  MDMW: 'non-ordered',
  MDRU: 'non-ordered',
  MDRW: 'non-ordered',
  MLD: 'non-ordered',
  TI: 'non-ordered',
  ACI: 'ordered',
  RCI: 'ordered',
  SII: 'ordered',
  RII: 'ordered',
};

/** True when `measure` is defined on an ordered (`ordered` true) or non-ordered dimension. */
export const appliesToDimension = (measure: InequalityMeasureCode, ordered: boolean): boolean => {
  const kind = MEASURE_DIMENSION[measure];
  return kind === 'any' || kind === (ordered ? 'ordered' : 'non-ordered');
};

/** The measures of `from` (in its order) defined on an ordered or non-ordered dimension. */
export const applicableMeasures = (
  ordered: boolean,
  from: readonly InequalityMeasureCode[],
): InequalityMeasureCode[] => from.filter((m) => appliesToDimension(m, ordered));

export interface Requirements {
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
  const na = (code: WarningCode, message: string) => notApplicable(measure, code, message);
  if (n === 0) return na('no_estimates', `${measure} needs subgroup estimates; none were given.`);
  const dimension = MEASURE_DIMENSION[measure];
  if (dimension === 'ordered' && !p.ordered) {
    return na(
      'needs_ordered_dimension',
      `${measure} applies only to ordered dimensions (such as wealth quintiles); this dimension is not ordered.`,
    );
  }
  if (dimension === 'non-ordered' && p.ordered) {
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
