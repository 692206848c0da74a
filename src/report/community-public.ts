/**
 * The public edition of the community and payer-mix files (which are written for internal use and hold
 * patient counts): a count of 1 to threshold − 1 patients is withheld, and so is every figure it can be
 * worked back from (a share beside its total, a funnel point beside its size). Complementary rule, as for
 * the results: in every published sum (the groups of an attribute within a unit; the units of a facet, whose
 * pooled share is shown) that has exactly one withheld term, the smallest other non-zero term is withheld
 * too, until none has exactly one. Withheld values are null with `suppressed: true`; zero counts are shown.
 */
import type { ComparisonRowLike, CommunityFileLike, InclusivityLike } from './community-section.js';
import type { PayerMixFileLike, PayerUnitLike } from './payer-mix-section.js';

const small = (n: number | null | undefined, t: number): boolean => typeof n === 'number' && n > 0 && n < t;

/**
 * The keys to withhold: those `primary` says are small (or already withheld, count null), then one more in
 * every relation with exactly one withheld, repeated.
 */
export function withholdSmall(
  counts: ReadonlyMap<string, number | null>,
  relations: readonly (readonly string[])[],
  primary: (key: string, count: number | null) => boolean,
): Set<string> {
  const hidden = new Set([...counts].filter(([k, n]) => n === null || primary(k, n)).map(([k]) => k));
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of relations) {
      if (rel.filter((k) => hidden.has(k)).length !== 1) continue;
      const next = rel
        .filter((k) => !hidden.has(k) && (counts.get(k) ?? 0) > 0)
        .sort((a, b) => counts.get(a)! - counts.get(b)! || (a < b ? -1 : 1))[0];
      if (next !== undefined) {
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}

const group = <T>(items: readonly T[], key: (t: T) => string): string[][] => {
  const out = new Map<string, string[]>();
  items.forEach((t, i) => out.set(key(t), [...(out.get(key(t)) ?? []), String(i)]));
  return [...out.values()];
};

const unitKey = (r: { facet?: string | undefined; unit?: string | undefined }) =>
  `${r.facet ?? ''}\t${r.unit ?? ''}`;

export function publicCommunity(file: CommunityFileLike, threshold: number): CommunityFileLike {
  const rows = file.comparison;
  const counts = new Map(rows.map((r, i) => [String(i), r.patients ?? null]));
  const tooFew = new Set(rows.filter((r) => small(r.patients_total, threshold)).map(unitKey));
  const hidden = withholdSmall(
    counts,
    group(rows, (r) => `${unitKey(r)}\t${r.attribute}`),
    (k, n) => small(n, threshold) || tooFew.has(unitKey(rows[Number(k)]!)),
  );
  const comparison: ComparisonRowLike[] = rows.map((r, i) => {
    const total = small(r.patients_total, threshold) ? null : r.patients_total;
    if (!hidden.has(String(i))) return { ...r, patients_total: total, suppressed: false };
    const none = { patients: null, patients_share: null, difference: null, lower: null, upper: null };
    return { ...r, ...none, patients_total: total, suppressed: true };
  });
  // An index over a unit too small to show says little and is worked from its counts: withheld.
  const inclusivity: InclusivityLike[] = file.inclusivity.map((x) =>
    tooFew.has(unitKey(x)) ? { ...x, index: null, lower: null, upper: null, suppressed: true } : x,
  );
  return { ...file, comparison, inclusivity };
}

function publicUnits(units: readonly PayerUnitLike[], threshold: number): PayerUnitLike[] {
  const counts = new Map(units.map((u, i) => [String(i), u.count ?? null]));
  const rest = (u: PayerUnitLike) =>
    u.patients === null || u.count === null ? null : (u.patients ?? 0) - (u.count ?? 0);
  const hidden = withholdSmall(
    counts,
    group(units, (u) => u.facet),
    (k, n) => {
      const u = units[Number(k)]!;
      return small(n, threshold) || small(rest(u), threshold) || small(u.patients, threshold);
    },
  );
  // A facet left with one withheld unit (no other to withhold) keeps its pooled share back too: with the
  // others' counts and sizes it would give that unit's count.
  const lone = new Set(
    group(units, (u) => u.facet)
      .filter((rel) => rel.filter((k) => hidden.has(k)).length === 1)
      .map((rel) => units[Number(rel[0])]!.facet),
  );
  return units.map((u, i) => {
    const patients = small(u.patients, threshold) ? null : u.patients;
    const pooled = lone.has(u.facet) ? { expected: null, lower_limit: null, upper_limit: null } : {};
    if (!hidden.has(String(i))) return { ...u, ...pooled, patients, suppressed: false };
    const none = { count: null, share: null, p_value: null, q_value: null, flag: null };
    return { ...u, ...none, ...pooled, patients, suppressed: true };
  });
}

export function publicPayerMix(file: PayerMixFileLike, threshold: number): PayerMixFileLike {
  const s = file.system;
  const rest = s.patients === null || s.patients_total === null ? null : s.patients_total - s.patients;
  const off = small(s.patients, threshold) || small(rest, threshold) || small(s.patients_total, threshold);
  const system = off
    ? {
        ...s,
        patients: null,
        patients_total: small(s.patients_total, threshold) ? null : s.patients_total,
        patients_share: null,
        difference: null,
        lower: null,
        upper: null,
        suppressed: true,
      }
    : { ...s, suppressed: false };
  return { ...file, system, units: publicUnits(file.units, threshold) };
}
