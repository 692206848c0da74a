/**
 * The dashboard's selection (analysis → measure → stratifier, optionally one facet such as a department, and
 * a period range) read from GET parameters, so every view is a shareable URL, and the slice of results it
 * shows. A facet is `facet=department:Cardiology`, or as a shorthand `department=Cardiology` (also `site=`,
 * `clinician_group=`); periods are `from=2024Q1&to=2024Q4` (inclusive). Unknown values are ignored.
 */
import type { ResultsFile, StratumResult } from '../model/results.js';

export interface Selection {
  measure: string;
  stratifier: string | undefined;
  /** `name:value`, e.g. `department:Cardiology`. */
  facet: string | undefined;
  /** First and last period shown in trends (inclusive), as the analysis names them. */
  from: string | undefined;
  to: string | undefined;
}

export const FACET_PARAMS = ['department', 'site', 'clinician_group'] as const;

/** The periods the measure's trends cover, in order. */
export function periodsOf(results: ResultsFile, measure: string): string[] {
  const m = results.measures.find((x) => x.id === measure);
  const seen = new Set<string>();
  for (const p of m?.trend ?? []) seen.add(p.period);
  for (const s of m?.strata ?? [])
    for (const g of s.trend?.groups ?? []) for (const p of g.points) seen.add(p.period);
  return [...seen].sort();
}

export const facetKey = (s: StratumResult): string | undefined =>
  s.facet ? `${s.facet.name}:${s.facet.value}` : undefined;

export function select(results: ResultsFile, q: Record<string, string | undefined>): Selection {
  const m = results.measures.find((x) => x.id === q.measure) ?? results.measures[0];
  const strata = m?.strata ?? [];
  const stratifier = strata.some((s) => s.stratifier === q.stratifier) ? q.stratifier : undefined;
  const asked = [q.facet, ...FACET_PARAMS.map((k) => (q[k] ? `${k}:${q[k]}` : undefined))];
  const facet = asked.find((f) => f && strata.some((s) => facetKey(s) === f));
  const periods = m ? periodsOf(results, m.id) : [];
  let from = periods.includes(q.from ?? '') ? q.from : undefined;
  let to = periods.includes(q.to ?? '') ? q.to : undefined;
  if (from && to && from > to) [from, to] = [to, from];
  return { measure: m?.id ?? '', stratifier, facet, from, to };
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

const inRange = (sel: Selection) => (p: { period: string }) =>
  (!sel.from || p.period >= sel.from) && (!sel.to || p.period <= sel.to);

/** The strata with their trends cut to the selected periods. */
function withPeriods(strata: StratumResult[], sel: Selection): StratumResult[] {
  if (!sel.from && !sel.to) return strata;
  const keep = inRange(sel);
  return strata.map((s) =>
    s.trend
      ? {
          ...s,
          trend: {
            ...s.trend,
            groups: s.trend.groups.map((g) => ({ ...g, points: g.points.filter(keep) })),
            gap: s.trend.gap ? { ...s.trend.gap, points: s.trend.gap.points.filter(keep) } : null,
          },
        }
      : s,
  );
}

/** A copy of the results holding only the selected measure, strata and periods (what the report's blocks render). */
export function slice(results: ResultsFile, sel: Selection): { results: ResultsFile; index: number } {
  const m = results.measures.find((x) => x.id === sel.measure);
  if (!m) return { results: { ...results, measures: [] }, index: -1 };
  const only = {
    ...m,
    strata: withPeriods(selectedStrata(results, sel), sel),
    ...(m.trend ? { trend: m.trend.filter(inRange(sel)) } : {}),
  };
  const intersections = sel.stratifier || sel.facet ? [] : results.intersections;
  return { results: { ...results, measures: [only], intersections }, index: 0 };
}
