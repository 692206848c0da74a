/**
 * The catchment: the areas that together supply a chosen share of the system's patients (default 90%, as
 * the Lown Institute Hospitals Index does), taking areas from the most patients down; or a given list.
 */
import type { PatientCount } from './patient-counts.js';

export interface Catchment {
  areas: string[];
  /** The share of the system's patients who live in these areas. */
  share: number;
}

export const DEFAULT_CATCHMENT_SHARE = 0.9;

/** Patients per area for the whole system (facet ''), using the first attribute's exhaustive groups. */
export function patientsByArea(counts: readonly PatientCount[]): Map<string, number> {
  const system = counts.filter((c) => c.facet === '');
  const attribute = system[0]?.attribute;
  const out = new Map<string, number>();
  for (const c of system) if (c.attribute === attribute) out.set(c.area, (out.get(c.area) ?? 0) + c.count);
  return out;
}

export function selectCatchment(
  byArea: ReadonlyMap<string, number>,
  opts: { share?: number; areas?: readonly string[] } = {},
): Catchment {
  const total = [...byArea.values()].reduce((a, b) => a + b, 0);
  const shareOf = (areas: readonly string[]) =>
    total > 0 ? areas.reduce((s, a) => s + (byArea.get(a) ?? 0), 0) / total : 0;
  if (opts.areas) return { areas: [...opts.areas], share: shareOf(opts.areas) };
  const target = opts.share ?? DEFAULT_CATCHMENT_SHARE;
  const sorted = [...byArea.entries()]
    .filter(([a]) => a !== '')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const areas: string[] = [];
  let covered = 0;
  for (const [area, n] of sorted) {
    if (total > 0 && covered / total >= target) break;
    areas.push(area);
    covered += n;
  }
  return { areas, share: total > 0 ? covered / total : 0 };
}
