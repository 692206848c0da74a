/**
 * Representation by level: each group's share of the employees at each level (and at all levels), with a
 * Wilson interval, beside the patients' and the community's share when they are given. Employee-year
 * extracts are counted in their last period.
 */
import { wilson } from '../stats/index.js';
import type { Employee } from './employees.js';
import { groupsBy, latestPeriod, WORKFORCE_ATTRIBUTES, type WorkforceAttribute } from './groups.js';

export interface RepresentationRow {
  level: string;
  attribute: WorkforceAttribute;
  group: string;
  employees: number;
  total: number;
  share: number | null;
  lower: number | null;
  upper: number | null;
  patients_share: number | null;
  community_share: number | null;
}

/** attribute → group → share, for the patients or the community. */
export type Shares = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function representation(
  all: readonly Employee[],
  opts: { patients?: Shares; community?: Shares; level?: number } = {},
): RepresentationRow[] {
  const employees = latestPeriod(all);
  const levels = ['all', ...[...new Set(employees.map((e) => e.level))].sort()];
  const rows: RepresentationRow[] = [];
  for (const level of levels) {
    const at = level === 'all' ? employees : employees.filter((e) => e.level === level);
    for (const attribute of WORKFORCE_ATTRIBUTES) {
      for (const [group, members] of groupsBy(at, attribute)) {
        const w = wilson(members.length, at.length, opts.level ?? 0.95);
        rows.push({
          level,
          attribute,
          group,
          employees: members.length,
          total: at.length,
          share: members.length / at.length,
          lower: w?.lower ?? null,
          upper: w?.upper ?? null,
          patients_share: opts.patients?.get(attribute)?.get(group) ?? null,
          community_share: opts.community?.get(attribute)?.get(group) ?? null,
        });
      }
    }
  }
  return rows;
}
