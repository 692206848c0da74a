/**
 * Hidden-gap discovery: over every combination of 2–3 discovery stratifiers, find subgroups doing
 * significantly worse than everyone else in the measure's denominator.
 *
 * - Candidates: cells whose attribute values are all known (no Declined/Unknown/Missing), with a
 *   denominator ≥ `min_size` and smaller than the whole population.
 * - Test: the group against its complement (overall − group; the aggregates give it exactly) with the
 *   two-sample score test (Fisher exact for small expected counts), two-sided.
 * - FDR: Benjamini–Hochberg over every candidate of every measure (one family); a subgroup is reported when
 *   q ≤ `discovery.fdr` and it does worse than its complement.
 * - Hidden: it must also do worse than the rest of each immediate parent (the combination with one attribute
 *   dropped: Black women on Medicaid vs Black women not on Medicaid, vs Black Medicaid men, vs Medicaid
 *   women who are not Black), each at the unadjusted `discovery.fdr` level. Otherwise fewer attributes explain
 *   the gap, and the stratum or the smaller combination already shows it. This filter only removes findings,
 *   so the false-discovery control of the BH step is kept.
 * - Listed by events to close the gap against everyone else, largest first (the run's order is rank.ts's);
 *   each carries its ranking strength against everyone else at `level`.
 * - Rate measures (kind 'rate': numerator = events) use the two-rate score test and the rate ratio; their
 *   rates and differences are per the measure's multiplier.
 */
import type { Finding } from '../model/results.js';
import { isStatus } from '../model/status.js';
import { benjaminiHochberg, rateRatio, riskRatio } from '../stats/index.js';
import { comparisonPValue, excessEvents, isWorse, rateOf, type Counts } from './compare.js';
import type { Cube } from './cube.js';
import { rateMultiplier, type MeasureInfo } from './measure-info.js';
import { addedStrength, gapStrength, isUnstable } from './rank.js';

export interface DiscoveryOptions {
  combos: readonly (readonly string[])[];
  minSize: number;
  fdr: number;
  /** Confidence level of the ranking strength (rank.ts); default 0.95. */
  level?: number;
}

export interface Candidate {
  measure: MeasureInfo;
  values: Record<string, string>;
  numerator: number;
  denominator: number;
  rest: { numerator: number; denominator: number };
  pValue: number | null;
}

/** Every testable candidate with its p-value (exported for the simulation tests). */
export function discoveryCandidates(
  cube: Cube,
  measures: readonly MeasureInfo[],
  opts: DiscoveryOptions,
): Candidate[] {
  const out: Candidate[] = [];
  for (const measure of measures) {
    const overall = cube.get(measure.id, {});
    if (!overall || overall.denominator === 0) continue;
    for (const combo of opts.combos) {
      for (const c of cube.list(measure.id, combo)) {
        if (combo.some((s) => isStatus(c.values[s]))) continue;
        if (c.denominator < opts.minSize || c.denominator >= overall.denominator) continue;
        const rest = {
          numerator: overall.numerator - c.numerator,
          denominator: overall.denominator - c.denominator,
        };
        out.push({
          measure,
          values: { ...c.values },
          numerator: c.numerator,
          denominator: c.denominator,
          rest,
          pValue: comparisonPValue(c, rest, rateMultiplier(measure)),
        });
      }
    }
  }
  return out;
}

export function discover(
  cube: Cube,
  measures: readonly MeasureInfo[],
  opts: DiscoveryOptions,
): { findings: Finding[]; tested: number } {
  const candidates = discoveryCandidates(cube, measures, opts);
  const q = benjaminiHochberg(candidates.map((c) => c.pValue));
  const findings: Finding[] = [];
  candidates.forEach((c, i) => {
    const qValue = q[i] ?? null;
    const rate = rateOf(c);
    const comparisonRate = rateOf(c.rest);
    if (qValue === null || qValue > opts.fdr || rate === null || comparisonRate === null) return;
    if (!isWorse(rate - comparisonRate, c.measure.direction)) return;
    const parents = Object.entries(c.values).map(([stratifier, group]) => {
      const p = cube.get(c.measure.id, { [stratifier]: group });
      const r = p ? rateOf(p) : null;
      return { stratifier, group, rate: r === null ? null : r * (rateMultiplier(c.measure) ?? 1) };
    });
    if (!addsToParents(cube, c, opts.fdr)) return;
    const multiplier = rateMultiplier(c.measure);
    const m = multiplier ?? 1;
    const ratio = multiplier === undefined ? riskRatio : rateRatio;
    findings.push({
      measure: c.measure.id,
      values: c.values,
      kind: 'discovered',
      rate: rate * m,
      comparisonRate: comparisonRate * m,
      comparison: 'everyone else',
      difference: (rate - comparisonRate) * m,
      ratio: ratio(c.numerator, c.denominator, c.rest.numerator, c.rest.denominator)?.estimate ?? null,
      excessEvents: excessEvents(c, c.rest, c.measure.direction),
      qValue,
      parents,
      denominator: c.denominator,
      referenceRule: 'everyone_else',
      strength: discoveredStrength(cube, c, opts.level ?? 0.95),
      ...(isUnstable(c, { direction: c.measure.direction, rate: multiplier !== undefined })
        ? { unstable: true }
        : {}),
    });
  });
  findings.sort((a, b) => (b.excessEvents ?? 0) - (a.excessEvents ?? 0));
  return { findings, tested: candidates.length };
}

/** Ranking strength: the smaller of the gap against everyone else and what the subgroup adds (rank.ts). */
function discoveredStrength(cube: Cube, c: Candidate, level: number): number | null {
  const opts = { direction: c.measure.direction, rate: rateMultiplier(c.measure) !== undefined, level };
  const vsRest = gapStrength(c, c.rest, opts);
  const overall = cube.get(c.measure.id, {});
  const parents = Object.entries(c.values).map(([s, v]) => cube.get(c.measure.id, { [s]: v }));
  if (vsRest === null || !overall || parents.some((p) => !p)) return vsRest;
  const added = addedStrength(c, parents as Counts[], overall, opts);
  return added === null ? vsRest : Math.min(vsRest, added);
}

/** Is the subgroup worse than the rest of every immediate parent (one attribute dropped)? */
export function addsToParents(cube: Cube, c: Candidate, level: number): boolean {
  const rate = rateOf(c);
  if (rate === null) return false;
  for (const drop of Object.keys(c.values)) {
    const key = { ...c.values };
    delete key[drop];
    const parent = cube.get(c.measure.id, key);
    if (!parent) return false;
    const rest = {
      numerator: parent.numerator - c.numerator,
      denominator: parent.denominator - c.denominator,
    };
    const restRate = rateOf(rest);
    if (restRate === null || !isWorse(rate - restRate, c.measure.direction)) return false;
    const p = comparisonPValue(c, rest, rateMultiplier(c.measure));
    if (p === null || p > level) return false;
  }
  return true;
}
