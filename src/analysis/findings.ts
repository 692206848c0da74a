/**
 * Findings: the groups leaders should look at (ranked by rank.ts).
 * - stratum: a gap between a group and its stratifier's reference, whichever side the reference is on
 *   (whole system, not facets; race and ethnicity on the 1997 basis only when race_ethnicity, the 2024
 *   basis, is not analysed): a group labelled worse than the reference; or a group labelled better, which
 *   makes the reference the worse-off group (`referenceWorse`: the finding is the reference's gap, its
 *   excess events are the reference's) — one such finding per stratum, against the group the reference
 *   trails most clearly (largest strength). Under the `everyone_else` rule, a group worse than the rest;
 * - intersection: a configured intersectional group labelled worse than the reference combination;
 * - discovered: subgroups found by hidden-gap discovery (discovery.ts).
 * Status groups (Declined/Unknown/Missing) are data-quality matters, never compared and never findings.
 * Each finding carries the rule that chose its comparison and its ranking strength (rank.ts).
 */
import type { Finding, GroupResult, IntersectionResult, MeasureResult } from '../model/results.js';
import { isStatus } from '../model/status.js';
import { excessEvents, type Counts } from './compare.js';
import type { Direction } from './measure-info.js';
import { addedStrength, gapStrength, isUnstable } from './rank.js';

const OMB_1997 = new Set(['race', 'ethnicity']);

const countsOf = (g: GroupResult): Counts | null =>
  g.numerator === null || g.denominator === null
    ? null
    : { numerator: g.numerator, denominator: g.denominator };

const unstable = (c: Counts | null, m: { direction: Direction; kind?: string }): { unstable?: true } =>
  c && isUnstable(c, { direction: m.direction, rate: m.kind === 'rate' }) ? { unstable: true } : {};

const strengthOf = (
  a: Counts | null,
  b: Counts | null,
  m: { direction: Direction; kind?: string },
  level: number,
): number | null =>
  a && b ? gapStrength(a, b, { direction: m.direction, rate: m.kind === 'rate', level }) : null;

export function strataFindings(measures: readonly MeasureResult[], level: number): Finding[] {
  const out: Finding[] = [];
  for (const m of measures) {
    const has2024 = m.strata.some((s) => s.stratifier === 'race_ethnicity');
    for (const s of m.strata) {
      if (s.facet) continue;
      // the 1997-basis race and ethnicity repeat the 2024 combined finding; the strata keep them
      if (has2024 && OMB_1997.has(s.stratifier)) continue;
      const ref = s.groups.find((g) => g.group === s.reference);
      const refCounts = ref ? countsOf(ref) : null;
      const total = s.groups.reduce(
        (t, g) => ({
          numerator: t.numerator + (g.numerator ?? 0),
          denominator: t.denominator + (g.denominator ?? 0),
        }),
        { numerator: 0, denominator: 0 },
      );
      const comparisonOf = (c: Counts | null): Counts | null =>
        s.referenceRule === 'everyone_else'
          ? c && { numerator: total.numerator - c.numerator, denominator: total.denominator - c.denominator }
          : refCounts;
      let refWorse: Finding | null = null;
      for (const g of s.groups) {
        if (isStatus(g.group)) continue;
        const counts = countsOf(g);
        const base = {
          measure: m.id,
          values: { [s.stratifier]: g.group },
          kind: 'stratum' as const,
          rate: g.rate,
          comparisonRate:
            s.referenceRule === 'everyone_else' ? everyoneElseRate(counts, total, m) : (ref?.rate ?? null),
          comparison: s.reference ?? 'everyone else',
          difference: g.difference,
          ratio: g.ratio,
          qValue: g.qValue,
          denominator: g.denominator,
          referenceRule: s.referenceRule,
        };
        if (g.label === 'worse') {
          const isGap = s.trend?.gap?.group === g.group;
          out.push({
            ...base,
            excessEvents: g.excessEvents,
            ...(s.trend && isGap ? { gapDirection: s.trend.gapDirection } : {}),
            ...(s.trend
              ? { periods: s.trend.groups.find((t) => t.group === g.group)?.points.length ?? 0 }
              : {}),
            strength: strengthOf(counts, comparisonOf(counts), m, level),
            ...unstable(counts, m),
          });
        } else if (g.label === 'better' && refCounts && counts) {
          const f: Finding = {
            ...base,
            excessEvents: excessEvents(refCounts, counts, m.direction),
            referenceWorse: true,
            strength: strengthOf(refCounts, counts, m, level),
            ...unstable(refCounts, m),
          };
          // one finding about the reference: its gap to the group it trails most clearly
          const key = (x: Finding): [number, number] => [x.strength ?? -1, x.denominator ?? 0];
          const [a, b] = [key(f), refWorse ? key(refWorse) : [-2, 0]];
          if (a[0] > b[0]! || (a[0] === b[0] && a[1] > b[1]!)) refWorse = f;
        }
      }
      if (refWorse) out.push(refWorse);
    }
  }
  return out;
}

/** The rate of everyone else in the stratum (the measure's multiplier for a count-based rate). */
function everyoneElseRate(c: Counts | null, total: Counts, m: MeasureResult): number | null {
  if (!c) return null;
  const n = total.denominator - c.denominator;
  if (n <= 0) return null;
  return ((total.numerator - c.numerator) / n) * (m.kind === 'rate' ? (m.multiplier ?? 1) : 1);
}

export function intersectionFindings(
  intersections: readonly IntersectionResult[],
  measures: readonly MeasureResult[],
  level: number,
): Finding[] {
  const out: Finding[] = [];
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const ix of intersections) {
    const ref = ix.groups.find((g) => g.label === 'reference');
    const m = byId.get(ix.measure);
    for (const g of ix.groups) {
      if (g.label !== 'worse' || Object.values(g.values).some((v) => isStatus(v))) continue;
      const counts = countsOf(g);
      const parents = ix.stratifiers.map((s) => {
        const p = m?.strata
          .find((x) => x.stratifier === s && !x.facet)
          ?.groups.find((x) => x.group === g.values[s]);
        return p ? countsOf(p) : null;
      });
      const overall =
        m && m.overall.numerator !== null && m.overall.denominator !== null
          ? { numerator: m.overall.numerator, denominator: m.overall.denominator }
          : null;
      const vsRef = m && ref ? strengthOf(counts, countsOf(ref), m, level) : null;
      const added =
        m && counts && overall && parents.every((p) => p !== null)
          ? addedStrength(counts, parents as Counts[], overall, {
              direction: m.direction,
              rate: m.kind === 'rate',
              level,
            })
          : null;
      out.push({
        measure: ix.measure,
        values: g.values,
        kind: 'intersection',
        rate: g.rate,
        comparisonRate: ref?.rate ?? null,
        comparison: ref?.group ?? '',
        difference: g.difference,
        ratio: g.ratio,
        excessEvents: g.excessEvents,
        qValue: g.qValue,
        denominator: g.denominator,
        parents: g.parents,
        referenceRule: 'combination',
        strength: vsRef === null || added === null ? vsRef : Math.min(vsRef, added),
        ...(m ? unstable(counts, m) : {}),
      });
    }
  }
  return out;
}
