/**
 * Building {@link InequalityResult}s: normal and log-scale intervals, and the "does not apply" result.
 * Nothing here returns NaN or Infinity: a non-finite number becomes null with a warning.
 */
import type { Warning } from '../../errors.js';
import type { WarningCode } from '../../warnings.js';
import type { InequalityMeasureCode, InequalityResult } from './types.js';

export const warn = (code: WarningCode, message: string, extra: Record<string, unknown> = {}): Warning => ({
  code,
  message,
  ...extra,
});

/** All-null result with one warning saying why the measure does not apply. */
export function notApplicable(
  measure: InequalityMeasureCode,
  code: WarningCode,
  message: string,
  warnings: readonly Warning[] = [],
): InequalityResult {
  return {
    measure,
    estimate: null,
    se: null,
    lower: null,
    upper: null,
    warnings: [...warnings, warn(code, message)],
  };
}

const isNum = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** A point estimate without an interval; `why` (when given) says why there is none. */
function pointOnly(
  measure: InequalityMeasureCode,
  estimate: number,
  warnings: readonly Warning[],
  why: Warning | null,
): InequalityResult {
  return {
    measure,
    estimate,
    se: null,
    lower: null,
    upper: null,
    warnings: why ? [...warnings, why] : [...warnings],
  };
}

/** Guard against NaN/Infinity in the estimate. */
function checkedEstimate(
  measure: InequalityMeasureCode,
  estimate: number,
  warnings: readonly Warning[],
): InequalityResult | null {
  if (Number.isFinite(estimate)) return null;
  return notApplicable(
    measure,
    'not_finite',
    `${measure} could not be computed from these estimates (the result is not a finite number).`,
    warnings,
  );
}

export const noSeWarning = (measure: InequalityMeasureCode): Warning =>
  warn(
    'no_standard_errors',
    `Standard errors are missing for some subgroups, so ${measure} has no confidence interval.`,
  );

/** estimate ± z·se; a missing or non-finite se gives a null interval and a warning. */
export function normalResult(
  measure: InequalityMeasureCode,
  estimate: number,
  se: number | null,
  z: number,
  warnings: readonly Warning[] = [],
  seMissingWarning: Warning | null = noSeWarning(measure),
): InequalityResult {
  const bad = checkedEstimate(measure, estimate, warnings);
  if (bad) return bad;
  if (!isNum(se)) return pointOnly(measure, estimate, warnings, seMissingWarning);
  return {
    measure,
    estimate,
    se,
    lower: estimate - z * se,
    upper: estimate + z * se,
    warnings: [...warnings],
  };
}

/**
 * A ratio with a log-scale interval exp(ln est ± z·seLog). The reported `se` is on the ratio's own scale
 * (delta method: est·seLog), not the log scale WHO reports.
 */
export function logScaleResult(
  measure: InequalityMeasureCode,
  estimate: number,
  seLog: number | null,
  z: number,
  warnings: readonly Warning[] = [],
): InequalityResult {
  const bad = checkedEstimate(measure, estimate, warnings);
  if (bad) return bad;
  if (estimate <= 0) {
    const why = warn(
      'ratio_not_positive',
      `${measure} is not positive, so it has no log-scale confidence interval.`,
    );
    return pointOnly(measure, estimate, warnings, why);
  }
  if (!isNum(seLog)) return pointOnly(measure, estimate, warnings, noSeWarning(measure));
  const lower = Math.exp(Math.log(estimate) - z * seLog);
  const upper = Math.exp(Math.log(estimate) + z * seLog);
  const se = estimate * seLog;
  if (![lower, upper, se].every(Number.isFinite)) {
    const why = warn('interval_not_finite', `The ${measure} interval is not a finite number.`);
    return pointOnly(measure, estimate, warnings, why);
  }
  return { measure, estimate, se, lower, upper, warnings: [...warnings] };
}

/** A point estimate with a percentile (simulation) interval and no SE (WHO HEAT 6 convention). */
export function simulatedResult(
  measure: InequalityMeasureCode,
  estimate: number,
  interval: { lower: number; upper: number } | null,
  warnings: readonly Warning[] = [],
): InequalityResult {
  const bad = checkedEstimate(measure, estimate, warnings);
  if (bad) return bad;
  if (!interval) return pointOnly(measure, estimate, warnings, noSeWarning(measure));
  return {
    measure,
    estimate,
    se: null,
    lower: interval.lower,
    upper: interval.upper,
    warnings: [...warnings],
  };
}
