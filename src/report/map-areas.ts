/** A measure's areas (county groups of one stratum, the unfaceted one) as map areas, from a results file. */
import type { ResultsFile } from '../model/results.js';
import type { MapArea } from './map-chart.js';

export const MAP_LEVELS = ['county'] as const;

export function mapAreas(results: ResultsFile, measureId: string, fdr = 0.05): MapArea[] | null {
  const m = results.measures.find((x) => x.id === measureId);
  const stratum = m?.strata.find((s) => s.stratifier === 'county' && !s.facet);
  if (!stratum) return null;
  return stratum.groups.map((g) => ({
    fips: g.group,
    value: g.suppressed ? null : g.rate,
    suppressed: g.suppressed === true,
    flagged: !g.suppressed && g.qValue !== null && g.qValue !== undefined && g.qValue < fdr,
  }));
}
