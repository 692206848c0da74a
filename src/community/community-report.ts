/** The `equilens community` result: catchment, system comparison, per-unit comparison, inclusivity. */
import type { AreaTable } from './areas.js';
import { patientsByArea, selectCatchment, type Catchment } from './catchment.js';
import { communityShares } from './community-share.js';
import { compareMix, patientGroups, type ComparisonRow } from './compare.js';
import { inclusivityIndex, type InclusivityIndex } from './inclusivity.js';
import type { PatientCount } from './patient-counts.js';

export interface CommunityReport {
  catchment: Catchment;
  comparison: ComparisonRow[];
  inclusivity: (InclusivityIndex & { facet?: string; unit?: string })[];
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
  return { catchment, comparison, inclusivity };
}
