/**
 * WHO HEAT subgroup-selection and direction rules (`WHOequity/HEAT-Measures` R/utils.R `get_est_se_min_max`,
 * `healthequal` R/d.R, R/parisk.R).
 *
 * D and R compare two subgroups, `high` − `low` (or `high` / `low`):
 * - ordered dimension: the extremes of the order; favourable → most advantaged (highest order) vs most
 *   disadvantaged (order 1); adverse → most disadvantaged vs most advantaged;
 * - non-ordered with a reference subgroup: favourable → reference vs the lowest other subgroup; adverse →
 *   the highest other subgroup vs the reference;
 * - non-ordered without one: the highest vs the lowest estimate, whatever the direction.
 *
 * PAR and PAF compare the setting average with a reference point: the reference subgroup if one is set; else
 * the most-advantaged subgroup (ordered) or the best-performing one (non-ordered: highest for favourable
 * indicators, lowest for adverse).
 */
import type { Group, Prepared } from './prepare.js';

const extreme = (groups: readonly Group[], pick: 'max' | 'min'): Group =>
  groups.reduce((best, g) =>
    (pick === 'max' ? g.estimate > best.estimate : g.estimate < best.estimate) ? g : best,
  );

/** The two subgroups D and R compare; null when fewer than two subgroups have estimates. */
export function pairForDifference(p: Prepared): { high: Group; low: Group } | null {
  const gs = p.groups;
  if (gs.length < 2) return null;
  if (p.ordered) {
    const bottom = gs[0]!;
    const top = gs[gs.length - 1]!;
    return p.favourable ? { high: top, low: bottom } : { high: bottom, low: top };
  }
  const ref = p.reference;
  if (ref) {
    const others = gs.filter((g) => g !== ref);
    return p.favourable
      ? { high: ref, low: extreme(others, 'min') }
      : { high: extreme(others, 'max'), low: ref };
  }
  return { high: extreme(gs, 'max'), low: extreme(gs, 'min') };
}

/** The best-performing subgroup: highest estimate for favourable indicators, lowest for adverse. */
export const bestGroup = (p: Prepared): Group => extreme(p.groups, p.favourable ? 'max' : 'min');

/** The reference point for PAR and PAF. */
export function parReference(p: Prepared): Group {
  if (p.reference) return p.reference;
  if (p.ordered) return p.groups[p.groups.length - 1]!;
  return bestGroup(p);
}
