/**
 * Anhøj rules for non-random variation in a run chart (or any chart with a centre line).
 *
 * Only "useful" observations count: points exactly on the centre line and missing points are dropped, so
 * they neither break nor extend a run. With n useful points:
 * - unusually long run: the longest run of points on one side is longer than round(log2 n) + 3
 *   (Schilling 2012);
 * - unusually few crossings: the number of crossings (= runs − 1) is fewer than the 5% quantile of the
 *   Binomial(n − 1, 0.5) distribution (Chen 2010).
 * Source: Anhøj J, Olesen AV (2014) Run charts revisited: a simulation study of run chart rules for detection
 * of non-random variation in health care processes. PLoS ONE 9(11):e113825; qicharts2 `runs.analysis`
 * (R/helper.functions.R, anhoej/qicharts2), whose formulas this follows line by line.
 * For n = 0 (no useful points) there is nothing to test: limits for n = 1 are reported, no signal.
 */
import { binomInv } from '../distributions.js';
import { median, side } from './centre.js';
import type { AnhojResult } from './types.js';

/** Upper limit of the expected longest run for n useful observations: round(log2 n) + 3. */
export const longestRunLimit = (n: number): number => Math.round(Math.log2(Math.max(n, 1))) + 3;

/** Lower limit of the expected number of crossings: qbinom(0.05, n − 1, 0.5). */
export const crossingsLimit = (n: number): number => (n <= 1 ? 0 : binomInv(0.05, n - 1, 0.5));

/** The runs of a series: each run lists the indexes (into `values`) of its useful points. */
export function runsOf(values: readonly (number | null)[], centre: number): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  let currentSide = 0;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const s = side(v, centre);
    if (s === 0) return;
    if (s !== currentSide && current.length > 0) {
      runs.push(current);
      current = [];
    }
    currentSide = s;
    current.push(i);
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Runs analysis of a series against `centre` (default: the median of the non-missing values). */
export function anhoj(values: readonly (number | null)[], centre?: number): AnhojResult {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const cl = centre ?? median(present);
  const runs = cl === null ? [] : runsOf(values, cl);
  const n = runs.reduce((sum, r) => sum + r.length, 0);
  const longestRun = runs.reduce((max, r) => Math.max(max, r.length), 0);
  const crossings = Math.max(runs.length - 1, 0);
  const longestRunMax = longestRunLimit(n);
  const crossingsMin = crossingsLimit(n);
  const signal = n > 0 && (longestRun > longestRunMax || crossings < crossingsMin);
  return { longestRun, longestRunMax, crossings, crossingsMin, signal };
}

/**
 * Per-point Anhøj signals for one phase: `long_run` on the points of every run longer than the limit;
 * `few_crossings` on every useful point of the phase when it has too few crossings (the rule is a property
 * of the whole phase, so all of its points carry it).
 */
export function anhojSignals(
  values: readonly (number | null)[],
  centre: number,
): { result: AnhojResult; signals: Set<string>[] } {
  const result = anhoj(values, centre);
  const signals = values.map(() => new Set<string>());
  const runs = runsOf(values, centre);
  for (const run of runs) {
    if (run.length > result.longestRunMax) for (const i of run) signals[i]!.add('long_run');
  }
  if (result.crossings < result.crossingsMin) {
    for (const run of runs) for (const i of run) signals[i]!.add('few_crossings');
  }
  return { result, signals };
}
