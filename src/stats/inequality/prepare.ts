/**
 * Turns an {@link InequalityInput} into the cleaned, sorted arrays every measure works on, and records the
 * facts the applicability checks need (missing estimates, usable populations and SEs, the reference group).
 *
 * Conventions (WHO HEAT 6, `WHOequity/HEAT-Measures` R/utils.R `HEAT_create_input_list`):
 * - subgroups without a finite estimate are dropped (HEAT 6 still computes non-ordered measures with up to 15%
 *   of subgroups missing; ordered measures need every subgroup — see `applicability.ts`);
 * - ordered dimensions are sorted by `order` (1 = most disadvantaged);
 * - population shares pⱼ = popⱼ/Σpop; μ = Σpⱼyⱼ when every subgroup has a population, else the setting
 *   average (HEAT 6 R/utils.R `get_weighted_mean`, "github 903").
 */
import { zFor } from '../distributions.js';
import type { Warning } from '../../errors.js';
import type { InequalityInput } from './types.js';

export interface Group {
  name: string;
  estimate: number;
  /** null when missing, negative or not finite. */
  se: number | null;
  /** null when missing, negative or not finite. */
  population: number | null;
  order: number | null;
  reference: boolean;
}

export interface Prepared {
  favourable: boolean;
  ordered: boolean;
  scale: number;
  level: number;
  /** Two-sided normal critical value for `level`. */
  z: number;
  /** Number of subgroups given (with or without an estimate). */
  given: number;
  /** Subgroups with a finite estimate (sorted by order on ordered dimensions). */
  groups: Group[];
  /** Names of subgroups given without a usable estimate. */
  missing: string[];
  /** Population shares, aligned with `groups`; null when a population is missing or all are zero. */
  shares: number[] | null;
  /** Population-weighted mean Σpⱼyⱼ (null without shares). */
  weightedMean: number | null;
  /** The setting average as given (null when absent or not finite). */
  settingAverage: number | null;
  /** μ: the weighted mean when every subgroup has a population, else the setting average (HEAT 6). */
  mean: number | null;
  /** True when every group has a usable SE. */
  seAll: boolean;
  /** The reference subgroup (non-ordered dimensions only), or null. */
  reference: Group | null;
  /** Number of subgroups flagged as reference (more than one is an input problem). */
  referenceCount: number;
  /** Lowest and highest `order` among all given subgroups (ordered dimensions), or null. */
  orderRange: { min: number; max: number } | null;
}

const finiteOrNull = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

const nonNegativeOrNull = (x: number | null | undefined): number | null => {
  const v = finiteOrNull(x);
  return v === null || v < 0 ? null : v;
};

export function prepare(input: InequalityInput): Prepared {
  const level = input.level !== undefined && input.level > 0 && input.level < 1 ? input.level : 0.95;
  const missing: string[] = [];
  const groups: Group[] = [];
  for (const s of input.subgroups) {
    const estimate = finiteOrNull(s.estimate);
    if (estimate === null) {
      missing.push(s.name);
      continue;
    }
    groups.push({
      name: s.name,
      estimate,
      se: nonNegativeOrNull(s.se),
      population: nonNegativeOrNull(s.population),
      order: finiteOrNull(s.order),
      reference: s.reference === true,
    });
  }
  if (input.ordered) groups.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));

  const pops = groups.map((g) => g.population);
  const total = pops.reduce<number>((acc, p) => acc + (p ?? 0), 0);
  const shares = pops.every((p) => p !== null) && total > 0 ? pops.map((p) => (p ?? 0) / total) : null;
  const weightedMean = shares ? groups.reduce((acc, g, i) => acc + shares[i]! * g.estimate, 0) : null;
  const settingAverage = finiteOrNull(input.settingAverage);
  const refs = input.ordered ? [] : groups.filter((g) => g.reference);
  const referenceCount = input.ordered ? 0 : input.subgroups.filter((s) => s.reference === true).length;

  const orders = input.subgroups.map((s) => finiteOrNull(s.order)).filter((o): o is number => o !== null);
  const orderRange = orders.length > 0 ? { min: Math.min(...orders), max: Math.max(...orders) } : null;

  return {
    favourable: input.favourable,
    ordered: input.ordered,
    scale: Number.isFinite(input.scale) && input.scale > 0 ? input.scale : 1,
    level,
    z: zFor(level),
    given: input.subgroups.length,
    groups,
    missing,
    shares,
    weightedMean,
    settingAverage,
    mean: weightedMean ?? settingAverage,
    seAll: groups.length > 0 && groups.every((g) => g.se !== null),
    reference: refs.length === 1 ? refs[0]! : null,
    referenceCount,
    orderRange,
  };
}

/** A warning for the subgroups that were left out because they had no estimate (or none). */
export function missingWarning(p: Prepared): Warning[] {
  if (p.missing.length === 0) return [];
  return [
    {
      code: 'missing_estimates',
      message: `${p.missing.length} of ${p.given} subgroups have no estimate and were left out.`,
      subgroups: p.missing,
    },
  ];
}
