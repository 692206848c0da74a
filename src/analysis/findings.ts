/**
 * Findings: the groups leaders should look at, ranked by events to close the gap (largest first).
 * - stratum: a group labelled worse than its stratifier's reference (whole system, not facets; race and
 *   ethnicity on the 1997 basis only when race_ethnicity, the 2024 basis, is not analysed);
 * - intersection: a configured intersectional group labelled worse than the reference combination;
 * - discovered: subgroups found by hidden-gap discovery (discovery.ts).
 * Status groups (Declined/Unknown/Missing) are data-quality matters, not findings.
 */
import type { Finding, IntersectionResult, MeasureResult } from '../model/results.js';
import { isStatus } from '../model/status.js';

const OMB_1997 = new Set(['race', 'ethnicity']);

export function strataFindings(measures: readonly MeasureResult[]): Finding[] {
  const out: Finding[] = [];
  for (const m of measures) {
    const has2024 = m.strata.some((s) => s.stratifier === 'race_ethnicity');
    for (const s of m.strata) {
      if (s.facet) continue;
      // the 1997-basis race and ethnicity repeat the 2024 combined finding; the strata keep them
      if (has2024 && OMB_1997.has(s.stratifier)) continue;
      const ref = s.groups.find((g) => g.group === s.reference);
      for (const g of s.groups) {
        if (g.label !== 'worse' || isStatus(g.group)) continue;
        const isGap = s.trend?.gap?.group === g.group;
        out.push({
          measure: m.id,
          values: { [s.stratifier]: g.group },
          kind: 'stratum',
          rate: g.rate,
          comparisonRate: ref?.rate ?? null,
          comparison: s.reference ?? '',
          difference: g.difference,
          ratio: g.ratio,
          excessEvents: g.excessEvents,
          qValue: g.qValue,
          denominator: g.denominator,
          ...(s.trend && isGap ? { gapDirection: s.trend.gapDirection } : {}),
          ...(s.trend
            ? { periods: s.trend.groups.find((t) => t.group === g.group)?.points.length ?? 0 }
            : {}),
        });
      }
    }
  }
  return out;
}

export function intersectionFindings(intersections: readonly IntersectionResult[]): Finding[] {
  const out: Finding[] = [];
  for (const ix of intersections) {
    const ref = ix.groups.find((g) => g.label === 'reference');
    for (const g of ix.groups) {
      if (g.label !== 'worse' || Object.values(g.values).some((v) => isStatus(v))) continue;
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
      });
    }
  }
  return out;
}

export const rankFindings = (findings: Finding[]): Finding[] =>
  [...findings].sort((a, b) => (b.excessEvents ?? 0) - (a.excessEvents ?? 0));
