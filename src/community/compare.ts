/**
 * Patient mix against community mix. For each attribute and group: the patients' share (Wilson interval),
 * the community share (ACS standard error) and their difference with a MOVER interval
 * (Newcombe 1998 Stat Med 17:873 method 10; Zou & Donner 2008 Stat Med 27:1693):
 *   lower = d − √((p − lₚ)² + (z·seᶜ)²),  upper = d + √((uₚ − p)² + (z·seᶜ)²).
 * Patients counted are those living in the catchment areas.
 */
import { wilson } from '../stats/index.js';
import { zFor } from '../stats/distributions.js';
import type { CommunityShare } from './community-share.js';
import type { PatientCount } from './patient-counts.js';

export interface ComparisonRow {
  facet?: string;
  unit?: string;
  attribute: string;
  group: string;
  patients: number;
  patients_total: number;
  patients_share: number | null;
  community_share: number;
  difference: number | null;
  lower: number | null;
  upper: number | null;
}

export interface PatientGroupCounts {
  attribute: string;
  group: string;
  x: number;
  n: number;
}

/** Patients by attribute and group in the areas, for one facet/unit. */
export function patientGroups(
  counts: readonly PatientCount[],
  areas: readonly string[],
  facet = '',
  unit = '',
): PatientGroupCounts[] {
  const inside = new Set(areas);
  const x = new Map<string, PatientGroupCounts>();
  const n = new Map<string, number>();
  for (const c of counts) {
    if (c.facet !== facet || c.unit !== unit || !inside.has(c.area)) continue;
    const key = `${c.attribute}\t${c.group}`;
    const g = x.get(key) ?? { attribute: c.attribute, group: c.group, x: 0, n: 0 };
    g.x += c.count;
    x.set(key, g);
    n.set(c.attribute, (n.get(c.attribute) ?? 0) + c.count);
  }
  return [...x.values()].map((g) => ({ ...g, n: n.get(g.attribute) ?? 0 }));
}

export function compareMix(
  patients: readonly PatientGroupCounts[],
  community: readonly CommunityShare[],
  level = 0.95,
): ComparisonRow[] {
  const z = zFor(level);
  const rows: ComparisonRow[] = [];
  for (const c of community) {
    const p = patients.find((g) => g.attribute === c.attribute && g.group === c.group);
    const n = patients.find((g) => g.attribute === c.attribute)?.n ?? 0;
    if (n === 0) continue;
    const x = p?.x ?? 0;
    const w = wilson(x, n, level)!;
    const share = x / n;
    const d = share - c.share;
    const cz = z * c.se;
    rows.push({
      attribute: c.attribute,
      group: c.group,
      patients: x,
      patients_total: n,
      patients_share: share,
      community_share: c.share,
      difference: d,
      lower: d - Math.hypot(share - w.lower, cz),
      upper: d + Math.hypot(w.upper - share, cz),
    });
  }
  return rows;
}
