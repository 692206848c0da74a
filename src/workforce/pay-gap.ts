/**
 * The pay gap by group, unadjusted and adjusted. Pay is modelled on the log scale by ordinary least squares
 * (`leastSquares`): log(pay) = α + Σ βg·[group g] (+ level, job family, tenure in years and FTE when
 * adjusted), the reference group (largest known) absorbed in α. A group's gap is exp(βg) − 1: its pay
 * relative to the reference (−0.05 = paid 5% less), with the t interval of βg transformed the same way.
 * Unadjusted, exp(βg) − 1 is the ratio of the two groups' geometric mean pay minus 1. Employees with an
 * unknown group, no pay, or (adjusted) no tenure or FTE are left out; the last period of an employee-year
 * extract is used, so each employee counts once.
 */
import { benjaminiHochberg, leastSquares } from '../stats/index.js';
import type { Employee } from './employees.js';
import {
  comparable,
  groupOf,
  groupsBy,
  latestPeriod,
  referenceGroup,
  WORKFORCE_ATTRIBUTES,
  type WorkforceAttribute,
} from './groups.js';

export interface PayGapRow {
  attribute: WorkforceAttribute;
  group: string;
  reference: string;
  employees: number;
  unadjusted: number | null;
  unadjusted_lower: number | null;
  unadjusted_upper: number | null;
  adjusted: number | null;
  lower: number | null;
  upper: number | null;
  /** Two-sided t-test p-value of the adjusted coefficient; q: Benjamini–Hochberg across all pay-gap rows. */
  p_value: number | null;
  q_value: number | null;
  /** Why a figure is null: too_few_rows or collinear (e.g. a group found at one level only). */
  reason: string | null;
}

export const PAY_GAP_METHOD =
  'OLS of log(pay) on group indicators (unadjusted), plus level and job-family indicators, tenure and FTE ' +
  '(adjusted); gap = exp(coefficient) − 1 against the largest group, with a t interval.';

/** Indicator columns for the values of `key` other than the first (sorted), dropping absent ones. */
function dummies(rows: readonly Employee[], key: (e: Employee) => string): ((e: Employee) => number)[] {
  const values = [...new Set(rows.map(key))].sort().slice(1);
  return values.map((v) => (e: Employee) => (key(e) === v ? 1 : 0));
}

type Column = (e: Employee) => number;

function fit(rows: readonly Employee[], groupCols: Column[], controls: Column[], level: number) {
  const x = rows.map((e) => [1, ...groupCols.map((c) => c(e)), ...controls.map((c) => c(e))]);
  return leastSquares(
    x,
    rows.map((e) => Math.log(e.pay!)),
    level,
  );
}

const gap = (v: number | undefined) => (v === undefined ? null : Math.exp(v) - 1);

function payGapFor(
  employees: readonly Employee[],
  attribute: WorkforceAttribute,
  level: number,
): PayGapRow[] {
  const paid = employees.filter((e) => e.pay !== null && e.pay > 0);
  const groups = groupsBy(paid, attribute);
  const reference = referenceGroup(groups);
  if (reference === undefined) return [];
  const compared = [...groups.keys()].filter((g) => g !== reference && comparable(g));
  const key = (e: Employee) => groupOf(e, attribute);
  const inModel = paid.filter((e) => comparable(key(e)));
  const groupCols = compared.map((g) => (e: Employee) => (key(e) === g ? 1 : 0));
  const unadjusted = fit(inModel, groupCols, [], level);
  const complete = inModel.filter((e) => e.tenure_years !== null && e.fte !== null);
  const varies = (c: Column) => new Set(complete.map(c)).size > 1;
  const controls: Column[] = [
    ...dummies(complete, (e) => e.level),
    ...dummies(complete, (e) => e.job_family),
    ...[(e: Employee) => e.tenure_years!, (e: Employee) => e.fte!].filter(varies),
  ];
  const adjusted = fit(complete, groupCols, controls, level);
  return compared.map((group, i) => {
    const u = unadjusted.ok ? unadjusted.fit : undefined;
    const a = adjusted.ok ? adjusted.fit : undefined;
    return {
      attribute,
      group,
      reference,
      employees: groups.get(group)!.length,
      unadjusted: gap(u?.coefficients[i + 1]),
      unadjusted_lower: gap(u?.lower[i + 1]),
      unadjusted_upper: gap(u?.upper[i + 1]),
      adjusted: gap(a?.coefficients[i + 1]),
      lower: gap(a?.lower[i + 1]),
      upper: gap(a?.upper[i + 1]),
      p_value: a?.p[i + 1] ?? null,
      q_value: null,
      reason: !unadjusted.ok ? unadjusted.reason : !adjusted.ok ? adjusted.reason : null,
    };
  });
}

export function payGap(all: readonly Employee[], level = 0.95): PayGapRow[] {
  const employees = latestPeriod(all);
  const rows = WORKFORCE_ATTRIBUTES.flatMap((a) => payGapFor(employees, a, level));
  const q = benjaminiHochberg(rows.map((r) => r.p_value));
  return rows.map((r, i) => ({ ...r, q_value: q[i] ?? null }));
}
