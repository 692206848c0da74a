/**
 * Community shares over a set of areas, with their standard errors from the ACS margins of error.
 * Sum of estimates: MOE = √ΣMOEᵢ²; proportion X/Y with Y fixed: MOE = MOE_X / Y; SE = MOE / 1.645
 * (ACS General Handbook, "Understanding and Using ACS Data", 2018, ch. 8, formulas 1–3; 90% MOEs).
 */
import type { CommunityCount } from './areas.js';

export interface CommunityShare {
  attribute: string;
  group: string;
  estimate: number;
  denominator: number;
  share: number;
  se: number;
}

const ACS_Z = 1.645;

export function communityShares(
  counts: readonly CommunityCount[],
  areas: readonly string[],
): CommunityShare[] {
  const inside = new Set(areas);
  const groups = new Map<string, { attribute: string; group: string; x: number; moe2: number }>();
  const denominators = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (!inside.has(c.area)) continue;
    const key = `${c.attribute}\t${c.group}`;
    const g = groups.get(key) ?? { attribute: c.attribute, group: c.group, x: 0, moe2: 0 };
    g.x += c.estimate;
    g.moe2 += c.moe * c.moe;
    groups.set(key, g);
    const d = denominators.get(c.attribute) ?? new Map<string, number>();
    d.set(c.area, c.denominator);
    denominators.set(c.attribute, d);
  }
  return [...groups.values()].map((g) => {
    const y = [...(denominators.get(g.attribute)?.values() ?? [])].reduce((a, b) => a + b, 0);
    return {
      attribute: g.attribute,
      group: g.group,
      estimate: g.x,
      denominator: y,
      share: y > 0 ? g.x / y : 0,
      se: y > 0 ? Math.sqrt(g.moe2) / y / ACS_Z : 0,
    };
  });
}
