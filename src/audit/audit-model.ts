/**
 * `audit-model` (issue #15 item 1): a risk score audited by group — the confusion rates at each threshold
 * with Wilson intervals, their differences (Newcombe) and ratios (Katz log) against a reference group with a
 * two-proportion test of the same rate, Benjamini–Hochberg false-discovery control, and calibration and
 * discrimination by group. Pure: rows in, the audit out.
 */
import { comboLabel } from '../analysis/intersections.js';
import { DECLINED, isStatus, MISSING, UNKNOWN } from '../model/status.js';
import {
  aucDifferenceTest,
  benjaminiHochberg,
  newcombeDifference,
  riskRatio,
  twoProportionTest,
  wilson,
} from '../stats/index.js';
import { calibrationOf, ECE_BIN_RULE, type CalibrationValues } from './calibration.js';
import {
  confusionAt,
  RATE_DIRECTION,
  COMPARISON_KEYS,
  RATE_NAMES,
  rateParts,
  type Confusion,
  type RateName,
} from './confusion.js';
import { AUDIT_GUIDANCE } from './guidance.js';
import { suppressAudit } from './suppress.js';

export interface AuditRow {
  score: number;
  label: 0 | 1;
  attributes: Readonly<Record<string, string | null | undefined>>;
}

export type AuditReferenceRule = 'largest' | 'best' | { group: string };

export interface AuditOptions {
  /** Fixed thresholds; or `top` (the N highest scores) or `topPct` (the top P percent). */
  thresholds?: readonly number[];
  top?: number;
  topPct?: number;
  stratifiers: readonly string[];
  intersections?: readonly (readonly string[])[];
  /** Per stratifier (or intersection name `a*b`), with `default`; "largest" when absent. */
  reference?: Readonly<Record<string, AuditReferenceRule>>;
  level?: number;
  audience?: 'internal' | 'public';
  /** Small-cell threshold for a public audience (at least the public minimum, 11). */
  suppressionThreshold?: number;
}

export type GroupRow = Record<string, string | number | boolean | null | Record<string, string>>;
export type CalibrationRow = GroupRow;

export interface AuditResult {
  method: Record<string, string>;
  guidance: typeof AUDIT_GUIDANCE;
  thresholds: { threshold: number; rule: string }[];
  groups: GroupRow[];
  calibration: CalibrationRow[];
  reliability: {
    stratifier: string;
    group: string;
    bin: number;
    n: number;
    mean_predicted: number;
    observed: number;
  }[];
  warnings: { code: string; message: string }[];
}

export const AUDIT_METHOD = {
  flag_rule: AUDIT_GUIDANCE.flag_rule,
  rate_interval: 'Wilson score interval (no continuity correction)',
  difference: 'group − reference, Newcombe hybrid score interval (method 10)',
  ratio: 'group / reference, Katz log interval',
  test: 'two-sided test of the same rate in group and reference: Pearson χ² score test, Fisher exact when an expected count is below 5',
  multiple_testing:
    'Benjamini–Hochberg false discovery rate across every group × rate comparison of a stratifier at a threshold (q values)',
  reference:
    'per stratifier: the largest known group (default), a named group, or the best group for each rate (among groups of ≥ 30 in its denominator); Declined, Unknown and Missing are never the reference',
  calibration_intercept: 'α in logit P(y) = α + logit(score), fitted by IRLS',
  calibration_slope: 'β in logit P(y) = α + β·logit(score), fitted by IRLS',
  ece_bins: ECE_BIN_RULE,
  auc: 'Mann–Whitney AUC with DeLong variance; difference vs reference by z test for independent groups, BH across the groups of a stratifier',
};

/** Normalise a stored or file value: empty → Missing; declined/unknown (any case) → the status label. */
export function groupLabel(v: string | null | undefined): string {
  const s = (v ?? '').trim();
  if (s === '') return MISSING;
  if (/^declined$/i.test(s)) return DECLINED;
  if (/^unknown$/i.test(s)) return UNKNOWN;
  if (/^missing$/i.test(s)) return MISSING;
  return s;
}

interface Stratum {
  stratifier: string;
  group: string;
  rows: AuditRow[];
  known: boolean;
}

function strata(rows: readonly AuditRow[], opts: AuditOptions): Stratum[] {
  const out: Stratum[] = [{ stratifier: 'overall', group: 'overall', rows: [...rows], known: false }];
  const sets = [...opts.stratifiers.map((s) => [s]), ...(opts.intersections ?? []).map((i) => [...i])];
  for (const set of sets) {
    const name = set.join('*');
    const by = new Map<string, Stratum>();
    for (const r of rows) {
      const values = Object.fromEntries(set.map((s) => [s, groupLabel(r.attributes[s])]));
      const group = comboLabel(set, values);
      let st = by.get(group);
      if (!st) {
        st = { stratifier: name, group, rows: [], known: set.every((s) => !isStatus(values[s])) };
        by.set(group, st);
      }
      st.rows.push(r);
    }
    const sorted = [...by.values()].sort(
      (a, b) => Number(b.known) - Number(a.known) || a.group.localeCompare(b.group),
    );
    out.push(...sorted);
  }
  return out;
}

function resolveThresholds(
  rows: readonly AuditRow[],
  opts: AuditOptions,
): { threshold: number; rule: string }[] {
  const desc = () => rows.map((r) => r.score).sort((a, b) => b - a);
  if (opts.top !== undefined || opts.topPct !== undefined) {
    const n =
      opts.top !== undefined ? Math.floor(opts.top) : Math.ceil(((opts.topPct ?? 0) / 100) * rows.length);
    const scores = desc();
    const k = Math.min(Math.max(n, 1), scores.length);
    const rule =
      opts.top !== undefined
        ? `the top ${n} scores (score ≥ the ${k}th highest; ties at it are flagged too)`
        : `the top ${opts.topPct}% of scores (${n} rows; score ≥ the ${k}th highest; ties at it are flagged too)`;
    return scores.length ? [{ threshold: scores[k - 1]!, rule }] : [];
  }
  return (opts.thresholds ?? []).map((t) => ({ threshold: t, rule: `score ≥ ${t}` }));
}

const ruleFor = (opts: AuditOptions, stratifier: string): AuditReferenceRule =>
  opts.reference?.[stratifier] ?? opts.reference?.default ?? 'largest';

/** The reference group of a stratifier for one rate (null: none eligible). */
function referenceFor(
  candidates: readonly { group: string; known: boolean; c: Confusion }[],
  rule: AuditReferenceRule,
  rate: RateName | 'auc',
  aucOf?: (g: string) => number | null,
): string | null {
  const eligible = candidates.filter((g) => g.known && g.c.n > 0);
  const largest = () =>
    [...eligible].sort((a, b) => b.c.n - a.c.n || a.group.localeCompare(b.group))[0]?.group ?? null;
  if (typeof rule === 'object') return eligible.some((g) => g.group === rule.group) ? rule.group : largest();
  if (rule === 'best') {
    const value = (g: (typeof eligible)[number]): number | null => {
      if (rate === 'auc') return aucOf?.(g.group) ?? null;
      const p = rateParts(g.c, rate);
      return p.denominator > 0 ? p.numerator / p.denominator : null;
    };
    const direction = rate === 'auc' ? 'higher_is_better' : RATE_DIRECTION[rate];
    if (!direction) return largest();
    const denom = (g: (typeof eligible)[number]) =>
      rate === 'auc' ? g.c.n : rateParts(g.c, rate).denominator;
    const withValue = eligible.filter((g) => value(g) !== null);
    const big = withValue.filter((g) => denom(g) >= 30);
    const pool = big.length ? big : withValue;
    const sign = direction === 'lower_is_better' ? 1 : -1;
    return (
      [...pool].sort(
        (a, b) => sign * (value(a)! - value(b)!) || b.c.n - a.c.n || a.group.localeCompare(b.group),
      )[0]?.group ?? null
    );
  }
  return largest();
}

function rateFields(c: Confusion, level: number, row: GroupRow, reasons: Record<string, string>): void {
  for (const name of RATE_NAMES) {
    const p = rateParts(c, name);
    if (p.denominator === 0) {
      row[name] = row[`${name}_lower`] = row[`${name}_upper`] = null;
      reasons[name] = p.emptyReason;
      continue;
    }
    const w = wilson(p.numerator, p.denominator, level)!;
    row[name] = p.numerator / p.denominator;
    row[`${name}_lower`] = w.lower;
    row[`${name}_upper`] = w.upper;
  }
}

function comparisonFields(
  c: Confusion,
  refs: Record<RateName, { group: string | null; c: Confusion | null }>,
  self: { group: string; known: boolean },
  level: number,
  row: GroupRow,
  reasons: Record<string, string>,
  pValues: { row: GroupRow; key: string; p: number | null }[],
): void {
  for (const name of RATE_NAMES) {
    for (const k of COMPARISON_KEYS) row[`${name}_${k}`] = null;
    const ref = refs[name];
    row[`${name}_reference`] = ref.group;
    const why = (r: string) => {
      reasons[`${name}_difference`] = r;
    };
    if (!self.known) {
      why('Declined, Unknown and Missing are described, never compared');
      continue;
    }
    if (!ref.group || !ref.c) {
      why('no eligible reference group');
      continue;
    }
    if (ref.group === self.group) {
      why('this is the reference group');
      continue;
    }
    const a = rateParts(c, name);
    const b = rateParts(ref.c, name);
    if (a.denominator === 0 || b.denominator === 0) {
      why(a.denominator === 0 ? a.emptyReason : `reference group: ${b.emptyReason}`);
      continue;
    }
    const d = newcombeDifference(a.numerator, a.denominator, b.numerator, b.denominator, level);
    if (d) {
      row[`${name}_difference`] = d.estimate;
      row[`${name}_difference_lower`] = d.lower;
      row[`${name}_difference_upper`] = d.upper;
    }
    const r = riskRatio(a.numerator, a.denominator, b.numerator, b.denominator, level);
    if (r) {
      row[`${name}_ratio`] = r.estimate;
      row[`${name}_ratio_lower`] = r.lower;
      row[`${name}_ratio_upper`] = r.upper;
    } else reasons[`${name}_ratio`] = 'a numerator is 0: the ratio or its log interval is undefined';
    const t = twoProportionTest(a.numerator, a.denominator, b.numerator, b.denominator);
    if (t) {
      row[`${name}_p_value`] = t.pValue;
      row[`${name}_test`] = t.method === 'fisher' ? 'fisher_exact' : 'score_chi_square';
    }
    pValues.push({ row, key: `${name}_q_value`, p: t?.pValue ?? null });
  }
}

export function auditModel(rows: readonly AuditRow[], opts: AuditOptions): AuditResult {
  const level = opts.level ?? 0.95;
  const warnings: AuditResult['warnings'] = [];
  const thresholds = resolveThresholds(rows, opts);
  if (!thresholds.length)
    warnings.push({
      code: 'no_threshold',
      message: 'No threshold was given, so only calibration is reported.',
    });
  const all = strata(rows, opts);
  const groups: GroupRow[] = [];
  for (const { threshold } of thresholds) {
    const cs = all.map((s) => ({ ...s, c: confusionAt(s.rows, threshold) }));
    for (const stratifier of [...new Set(cs.map((s) => s.stratifier))]) {
      const members = cs.filter((s) => s.stratifier === stratifier);
      const rule = ruleFor(opts, stratifier);
      const refs = Object.fromEntries(
        RATE_NAMES.map((name) => {
          const g = stratifier === 'overall' ? null : referenceFor(members, rule, name);
          return [name, { group: g, c: members.find((m) => m.group === g)?.c ?? null }];
        }),
      ) as Record<RateName, { group: string | null; c: Confusion | null }>;
      const pValues: { row: GroupRow; key: string; p: number | null }[] = [];
      for (const s of members) {
        const reasons: Record<string, string> = {};
        const row: GroupRow = { stratifier, group: s.group, threshold, ...s.c };
        rateFields(s.c, level, row, reasons);
        row.reference_rule = typeof rule === 'object' ? 'named' : rule;
        if (stratifier !== 'overall') comparisonFields(s.c, refs, s, level, row, reasons, pValues);
        row.null_reasons = reasons;
        groups.push(row);
      }
      const q = benjaminiHochberg(pValues.map((v) => v.p));
      pValues.forEach((v, i) => (v.row[v.key] = q[i] ?? null));
    }
  }
  const calibration: CalibrationRow[] = [];
  const reliability: AuditResult['reliability'] = [];
  const cals = all.map((s) => ({ ...s, cal: calibrationOf(s.rows, level) }));
  for (const stratifier of [...new Set(cals.map((s) => s.stratifier))]) {
    const members = cals.filter((s) => s.stratifier === stratifier);
    const candidates = members.map((m) => ({
      group: m.group,
      known: m.known,
      c: { n: m.rows.length, tp: 0, fp: 0, tn: 0, fn: 0 },
    }));
    const aucOf = (g: string) => members.find((m) => m.group === g)?.cal.auc ?? null;
    const refGroup =
      stratifier === 'overall' ? null : referenceFor(candidates, ruleFor(opts, stratifier), 'auc', aucOf);
    const ref: CalibrationValues | undefined = members.find((m) => m.group === refGroup)?.cal;
    const tests: { row: CalibrationRow; p: number | null }[] = [];
    for (const m of members) {
      const { aucEstimate, bins, null_reasons, ...values } = m.cal;
      const reasons = { ...null_reasons };
      const row: CalibrationRow = {
        stratifier,
        group: m.group,
        ...values,
        auc_reference: refGroup,
        auc_difference: null,
        auc_z: null,
        auc_p_value: null,
        auc_q_value: null,
      };
      if (stratifier !== 'overall') {
        if (!m.known) reasons.auc_difference = 'Declined, Unknown and Missing are described, never compared';
        else if (!ref || refGroup === m.group)
          reasons.auc_difference =
            refGroup === m.group ? 'this is the reference group' : 'no eligible reference group';
        else if (!aucEstimate || !ref.aucEstimate) reasons.auc_difference = 'an AUC is undefined';
        else {
          row.auc_difference = aucEstimate.auc - ref.aucEstimate.auc;
          const t = aucDifferenceTest(aucEstimate, ref.aucEstimate);
          row.auc_z = t?.z ?? null;
          row.auc_p_value = t?.pValue ?? null;
          tests.push({ row, p: t?.pValue ?? null });
        }
      }
      row.null_reasons = reasons;
      calibration.push(row);
      for (const b of bins) reliability.push({ stratifier, group: m.group, ...b });
    }
    const q = benjaminiHochberg(tests.map((t) => t.p));
    tests.forEach((t, i) => (t.row.auc_q_value = q[i] ?? null));
  }
  const result: AuditResult = {
    method: { ...AUDIT_METHOD, confidence_level: String(level) },
    guidance: AUDIT_GUIDANCE,
    thresholds,
    groups,
    calibration,
    reliability,
    warnings,
  };
  return opts.audience === 'public' ? suppressAudit(result, opts.suppressionThreshold) : result;
}
