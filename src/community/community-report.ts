/** The `equilens community` result: catchment, system comparison, per-unit comparison, inclusivity. */
import type { AreaTable } from './areas.js';
import { patientsByArea, selectCatchment, type Catchment } from './catchment.js';
import { communityShares } from './community-share.js';
import { compareMix, patientGroups, type ComparisonRow } from './compare.js';
import { inclusivityIndex, type InclusivityIndex } from './inclusivity.js';
import type { PatientCount } from './patient-counts.js';

/** A catchment area with its SVI overall percentile rank (RPL_THEMES, 0–1). Area data, not patient data. */
export interface CommunityArea {
  area: string;
  /** The source's name for the area (SVI LOCATION), null when it has none. */
  name: string | null;
  /** SVI overall percentile rank, null when the source has none for the area (−999). */
  svi: number | null;
}

export interface CommunityReport {
  catchment: Catchment;
  comparison: ComparisonRow[];
  inclusivity: (InclusivityIndex & { facet?: string; unit?: string })[];
  /** Each catchment area's SVI, present only when the community source is an SVI file. */
  areas?: CommunityArea[];
}

/** The catchment's areas with their SVI and names, or undefined when the source carries no SVI. */
export function catchmentAreas(community: AreaTable, areas: readonly string[]): CommunityArea[] | undefined {
  if (community.svi.size === 0) return undefined;
  return areas.map((area) => ({
    area,
    name: community.names.get(area) ?? null,
    svi: community.svi.get(area) ?? null,
  }));
}

export function communityReport(
  patients: readonly PatientCount[],
  community: AreaTable,
  opts: { share?: number; areas?: readonly string[] } = {},
): CommunityReport {
  const catchment = selectCatchment(patientsByArea(patients), opts);
  const shares = communityShares(community.counts, catchment.areas);
  const attributes = [...new Set(shares.map((s) => s.attribute))];
  const units = [
    ...new Map(patients.filter((p) => p.facet !== '').map((p) => [`${p.facet}\t${p.unit}`, p])).values(),
  ];
  const comparison: ComparisonRow[] = [];
  const inclusivity: CommunityReport['inclusivity'] = [];
  const add = (facet: string, unit: string) => {
    const groups = patientGroups(patients, catchment.areas, facet, unit);
    const tag = facet === '' ? {} : { facet, unit };
    for (const row of compareMix(groups, shares)) comparison.push({ ...tag, ...row });
    for (const a of attributes) {
      const ix = inclusivityIndex(a, groups, shares);
      if (ix) inclusivity.push({ ...tag, ...ix });
    }
  };
  add('', '');
  for (const u of units) add(u.facet, u.unit);
  const areas = catchmentAreas(community, catchment.areas);
  return { catchment, comparison, inclusivity, ...(areas ? { areas } : {}) };
}
