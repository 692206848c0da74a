/**
 * The dashboard's selection (analysis → measure → stratifier, optionally one facet such as a department)
 * read from GET parameters, so every view is a shareable URL, and the slice of results it shows.
 */
import type { ResultsFile, StratumResult } from '../model/results.js';

export interface Selection {
  measure: string;
  stratifier: string | undefined;
  /** `name:value`, e.g. `department:Cardiology`. */
  facet: string | undefined;
}

export const facetKey = (s: StratumResult): string | undefined =>
  s.facet ? `${s.facet.name}:${s.facet.value}` : undefined;

export function select(results: ResultsFile, q: Record<string, string | undefined>): Selection {
  const m = results.measures.find((x) => x.id === q.measure) ?? results.measures[0];
  const strata = m?.strata ?? [];
  const stratifier = strata.some((s) => s.stratifier === q.stratifier) ? q.stratifier : undefined;
  const facet = strata.some((s) => facetKey(s) === q.facet) ? q.facet : undefined;
  return { measure: m?.id ?? '', stratifier, facet };
}

/** The strata the selection shows; a chosen facet's strata are shown as if they were the whole. */
export function selectedStrata(results: ResultsFile, sel: Selection): StratumResult[] {
  const m = results.measures.find((x) => x.id === sel.measure);
  if (!m) return [];
  return m.strata
    .filter((s) => (sel.facet ? facetKey(s) === sel.facet : !s.facet))
    .filter((s) => !sel.stratifier || s.stratifier === sel.stratifier)
    .map((s) => {
      if (!sel.facet) return s;
      const { facet: _facet, ...rest } = s;
      return rest;
    });
}

/** A copy of the results holding only the selected measure and strata (what the report's blocks render). */
export function slice(results: ResultsFile, sel: Selection): { results: ResultsFile; index: number } {
  const m = results.measures.find((x) => x.id === sel.measure);
  if (!m) return { results: { ...results, measures: [] }, index: -1 };
  const only = { ...m, strata: selectedStrata(results, sel) };
  const intersections = sel.stratifier || sel.facet ? [] : results.intersections;
  return { results: { ...results, measures: [only], intersections }, index: 0 };
}
