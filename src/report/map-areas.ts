/** A measure's areas (the groups of its unfaceted county, tract or ZIP stratum) as map areas, from a results file. */
import type { ResultsFile } from '../model/results.js';
import type { MapArea } from './map-chart.js';

export const MAP_LEVELS = ['county', 'tract', 'zip'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export function mapAreas(
  results: ResultsFile,
  measureId: string,
  fdr = 0.05,
  level: MapLevel = 'county',
): MapArea[] | null {
  const m = results.measures.find((x) => x.id === measureId);
  const stratum = m?.strata.find((s) => s.stratifier === level && !s.facet);
  if (!stratum) return null;
  return stratum.groups.map((g) => ({
    fips: g.group,
    value: g.suppressed ? null : g.rate,
    suppressed: g.suppressed === true,
    flagged: !g.suppressed && g.qValue !== null && g.qValue !== undefined && g.qValue < fdr,
  }));
}
