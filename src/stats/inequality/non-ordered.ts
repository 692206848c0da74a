/**
 * The common frame of the non-ordered complex measures (BGSD, COV, IDISU, IDISW, MDBU, MDBW, MDMU, MDMW, MDRU,
 * MDRW): applicability (non-ordered dimension, > 2 subgroups), the average they compare with, and the HEAT 6
 * simulation interval (`simulation.ts`). Each measure's file supplies only its statistic.
 */
import { baseWarnings, checkApplies } from './applicability.js';
import { prepare, type Prepared } from './prepare.js';
import { notApplicable, simulatedResult } from './result.js';
import { simulatedInterval } from './simulation.js';
import type { InequalityInput, InequalityMeasureCode, InequalityResult } from './types.js';

export interface StatContext {
  /** Population shares (null for unweighted measures given no populations). */
  shares: readonly number[] | null;
  /** The average the measure compares with (see {@link NonOrderedSpec.average}). */
  mean: number;
  /** Index of the reference subgroup (−1 when none). */
  refIndex: number;
  favourable: boolean;
}

export type Stat = (estimates: readonly number[], c: StatContext) => number;

export interface NonOrderedSpec {
  /** Weighted by population: every subgroup needs one. */
  population: boolean;
  /**
   * Which average μ: 'weighted' = Σpⱼyⱼ (needs populations); 'setting' = Σpⱼyⱼ when every subgroup has a
   * population, else the setting average (HEAT 6 `get_weighted_mean`); 'none' = not used.
   */
  average: 'weighted' | 'setting' | 'none';
  /** Divides by μ: null with a warning when μ is 0. */
  relative?: boolean;
  /** Needs a reference subgroup (MDRU, MDRW). */
  reference?: boolean;
}

const weighted = (ys: readonly number[], shares: readonly number[]): number =>
  ys.reduce((acc, y, i) => acc + shares[i]! * y, 0);

export function nonOrderedMeasure(
  measure: InequalityMeasureCode,
  input: InequalityInput,
  spec: NonOrderedSpec,
  stat: Stat,
): InequalityResult {
  const p: Prepared = prepare(input);
  const bad = checkApplies(measure, p, {
    minSubgroups: 3,
    population: spec.population,
    reference: spec.reference,
  });
  if (bad) return bad;
  const fallback = spec.average === 'setting' ? p.settingAverage : null;
  const meanOf = (ys: readonly number[]): number | null =>
    spec.average === 'none' ? 0 : p.shares ? weighted(ys, p.shares) : fallback;
  const ys = p.groups.map((g) => g.estimate);
  const mean = meanOf(ys);
  if (mean === null) {
    return notApplicable(
      measure,
      'needs_population',
      `${measure} compares with the average: give a population for every subgroup${spec.average === 'setting' ? ' or the setting average' : ''}.`,
    );
  }
  if (spec.relative && mean === 0) {
    return notApplicable(
      measure,
      'mean_zero',
      `${measure} is undefined because the average is 0.`,
      baseWarnings(p),
    );
  }
  const refIndex = p.reference ? p.groups.indexOf(p.reference) : -1;
  const ctx = (m: number): StatContext => ({ shares: p.shares, mean: m, refIndex, favourable: p.favourable });
  const estimate = stat(ys, ctx(mean));
  const interval = simulatedInterval(p, (sim) => {
    const m = meanOf(sim);
    return m === null || (spec.relative && m === 0) ? NaN : stat(sim, ctx(m));
  });
  return simulatedResult(measure, estimate, interval, baseWarnings(p));
}

/** Σ|yⱼ − target| (weights = shares when given, else 1/J). */
export function meanAbsoluteDeviation(
  ys: readonly number[],
  target: number,
  shares: readonly number[] | null,
): number {
  return ys.reduce((acc, y, i) => acc + (shares ? shares[i]! : 1 / ys.length) * Math.abs(y - target), 0);
}

/** The best value: highest for favourable indicators, lowest for adverse. */
export const best = (ys: readonly number[], favourable: boolean): number =>
  favourable ? Math.max(...ys) : Math.min(...ys);
