/**
 * The public edition of the community and payer-mix files (which are written for internal use and hold
 * patient counts) — the one rule, used by the report and by the server (src/server/equity-public.ts).
 * The threshold is never below the public minimum (11). Primary: a count of 1 to threshold − 1 patients,
 * or whose denominator or complement (the rest of its total) is 1 to threshold − 1, is withheld, with every
 * figure it can be worked back from (a share beside its total, a funnel point beside its size).
 * Complementary, as for the results: in every published sum that has exactly one withheld term, the
 * smallest other non-zero term is withheld too, until none has exactly one. The sums, each with its margin
 * as a term (a withheld margin is not printed, nor what gives it back):
 * - community: an attribute's groups in a unit against the unit's total; a group's units within a facet
 *   against the system's row; a facet's unit totals against the system's total;
 * - payer mix: a facet's unit counts against the system's count (which the pooled share gives too), and
 *   its unit sizes against the system's total.
 * An inclusivity index is withheld when any group or the total of its unit's attribute is (it would solve
 * for the withheld share). Withheld values are null with `suppressed: true`; zero counts are shown.
 */
import { PUBLIC_MINIMUM } from '../suppression/index.js';
import type { ComparisonRowLike, CommunityFileLike, InclusivityLike } from './community-section.js';
import type { PayerMixFileLike, PayerUnitLike } from './payer-mix-section.js';

type N = number | null | undefined;
const small = (n: N, t: number): boolean => typeof n === 'number' && n > 0 && n < t;
/** A count that may not be shown: itself, its denominator or its complement 1 … t − 1. */
const offCount = (x: N, n: N, t: number): boolean =>
  small(x, t) || small(n, t) || (typeof x === 'number' && typeof n === 'number' && small(n - x, t));

/** Complementary withholding from the `start` keys (see the file's comment). */
function withhold(
  counts: ReadonlyMap<string, number | null>,
  relations: readonly (readonly string[])[],
  start: Iterable<string>,
): Set<string> {
  const hidden = new Set(start);
  const size = (k: string) => counts.get(k) ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of relations) {
      if (rel.filter((k) => hidden.has(k)).length !== 1) continue;
      const next = rel
        .filter((k) => !hidden.has(k) && size(k) > 0)
        .sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1))[0];
      if (next !== undefined) {
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * The keys to withhold: those `primary` says are small (or already withheld, count null), then one more in
 * every relation with exactly one withheld, repeated.
 */
export function withholdSmall(
  counts: ReadonlyMap<string, number | null>,
  relations: readonly (readonly string[])[],
  primary: (key: string, count: number | null) => boolean,
): Set<string> {
  return withhold(
    counts,
    relations,
    [...counts].filter(([k, n]) => n === null || primary(k, n)).map(([k]) => k),
  );
}

/** `withhold`, then again while `link` names keys that a withheld one takes with it. */
function withholdLinked(
  counts: ReadonlyMap<string, number | null>,
  relations: readonly (readonly string[])[],
  start: Iterable<string>,
  link: (hidden: ReadonlySet<string>) => string[],
): Set<string> {
  let hidden = withhold(counts, relations, start);
  for (let more = link(hidden); more.some((k) => !hidden.has(k)); more = link(hidden))
    hidden = withhold(counts, relations, [...hidden, ...more]);
  return hidden;
}

/** Relations: the keys of the items sharing `by` (null: none), each with `margin` of that key when given. */
function sums<T>(items: readonly T[], by: (t: T) => string | null, margin: (t: T) => string | null) {
  const out = new Map<string, Set<string>>();
  items.forEach((t, i) => {
    const k = by(t);
    if (k === null) return;
    const set = out.get(k) ?? new Set<string>();
    set.add(String(i));
    const m = margin(t);
    if (m !== null) set.add(m);
    out.set(k, set);
  });
  return [...out.values()].map((s) => [...s]);
}

const unitKey = (r: { facet?: string | undefined; unit?: string | undefined }) =>
  `${r.facet ?? ''}\t${r.unit ?? ''}`;
/** A unit's total, as a key: rows of one unit with the same total share it (it is printed in each). */
const totalKey = (r: ComparisonRowLike) => `T\t${unitKey(r)}\t${r.patients_total ?? ''}`;

function communityHidden(rows: readonly ComparisonRowLike[], t: number): Set<string> {
  const counts = new Map<string, number | null>(rows.map((r, i) => [String(i), r.patients ?? null]));
  for (const r of rows) counts.set(totalKey(r), r.patients_total ?? null);
  const system = new Map(rows.filter((r) => !r.facet).map((r) => [`${r.attribute}\t${r.group}`, r]));
  const systemRow = (r: ComparisonRowLike) => {
    const s = system.get(`${r.attribute}\t${r.group}`);
    return s ? String(rows.indexOf(s)) : null;
  };
  const systemTotal = (r: ComparisonRowLike) => {
    const s = system.get(`${r.attribute}\t${r.group}`);
    return s ? totalKey(s) : null;
  };
  const facetOnly = (k: (r: ComparisonRowLike) => string) => (r: ComparisonRowLike) =>
    r.facet ? k(r) : null;
  const relations = [
    ...sums(rows, (r) => `${unitKey(r)}\t${r.attribute}`, totalKey),
    ...sums(
      rows,
      facetOnly((r) => `${r.facet}\t${r.attribute}\t${r.group}`),
      systemRow,
    ),
    // A facet's unit totals (one per unit and attribute) against the system's total.
    ...sums(
      rows,
      facetOnly((r) => `${r.facet}\t${r.attribute}`),
      systemTotal,
    ).map((rel) => [
      ...new Set(rel.map((k) => (k.startsWith('T\t') ? k : totalKey(rows[Number(k)] as ComparisonRowLike)))),
    ]),
  ];
  const start = [...counts]
    .filter(([k, n]) => {
      if (n === null) return true;
      const r = rows[Number(k)];
      return r ? offCount(r.patients, r.patients_total, t) : small(n, t);
    })
    .map(([k]) => k);
  // A withheld total takes its rows with it: their shares would give it back.
  const link = (hidden: ReadonlySet<string>) =>
    rows.flatMap((r, i) => (hidden.has(totalKey(r)) ? [String(i)] : []));
  return withholdLinked(counts, relations, start, link);
}

export function publicCommunity(file: CommunityFileLike, threshold: number): CommunityFileLike {
  const t = Math.max(threshold, PUBLIC_MINIMUM);
  const rows = file.comparison;
  const hidden = communityHidden(rows, t);
  const off = new Set(
    rows
      .filter((r, i) => hidden.has(String(i)) || hidden.has(totalKey(r)))
      .map((r) => `${unitKey(r)}\t${r.attribute}`),
  );
  const comparison: ComparisonRowLike[] = rows.map((r, i) => {
    const total = hidden.has(totalKey(r)) ? null : r.patients_total;
    if (!hidden.has(String(i))) return { ...r, patients_total: total, suppressed: false };
    const none = { patients: null, patients_share: null, difference: null, lower: null, upper: null };
    return { ...r, ...none, patients_total: total, suppressed: true };
  });
  const inclusivity: InclusivityLike[] = file.inclusivity.map((x) =>
    off.has(`${unitKey(x)}\t${x.attribute}`)
      ? { ...x, index: null, lower: null, upper: null, suppressed: true }
      : { ...x, suppressed: false },
  );
  return { ...file, comparison, inclusivity };
}

/** The payer mix's withheld keys: `c<i>` a unit's count, `n<i>` its size, `M` the system's count, `N` its total. */
function payerHidden(file: PayerMixFileLike, t: number): Set<string> {
  const { system: s, units } = file;
  // Without a system figure the margins still stand: the pooled shares give each facet's count back.
  const sum = (f: (u: PayerUnitLike) => N) => units.reduce((a, u) => a + (f(u) ?? 0), 0);
  const counts = new Map<string, number | null>([
    ['M', s.patients ?? sum((u) => u.count)],
    ['N', s.patients_total ?? sum((u) => u.patients)],
  ]);
  units.forEach((u, i) => counts.set(`c${i}`, u.count ?? null).set(`n${i}`, u.patients));
  const relations = [
    ...sums(
      units,
      (u) => u.facet,
      () => 'M',
    ).map((rel) => rel.map((k) => (k === 'M' ? k : `c${k}`))),
    ...sums(
      units,
      (u) => u.facet,
      () => 'N',
    ).map((rel) => rel.map((k) => (k === 'N' ? k : `n${k}`))),
  ];
  const start = [
    ...units.flatMap((u, i) => [
      ...(u.count === null || offCount(u.count, u.patients, t) ? [`c${i}`] : []),
      ...(u.patients === null || small(u.patients, t) ? [`n${i}`] : []),
    ]),
    ...(offCount(s.patients, s.patients_total, t) ? ['M'] : []),
    ...(small(s.patients_total, t) ? ['N'] : []),
  ];
  // A withheld size takes its unit's count with it (the share would give the size back), the system's
  // total its count (the share would give it back).
  const link = (hidden: ReadonlySet<string>) => [
    ...units.flatMap((_, i) => (hidden.has(`n${i}`) ? [`c${i}`] : [])),
    ...(hidden.has('N') ? ['M'] : []),
  ];
  return withholdLinked(counts, relations, start, link);
}

export function publicPayerMix(file: PayerMixFileLike, threshold: number): PayerMixFileLike {
  const t = Math.max(threshold, PUBLIC_MINIMUM);
  const hidden = payerHidden(file, t);
  const s = file.system;
  const system = hidden.has('M')
    ? {
        ...s,
        patients: null,
        patients_total: hidden.has('N') ? null : s.patients_total,
        patients_share: null,
        difference: null,
        lower: null,
        upper: null,
        suppressed: true,
      }
    : { ...s, suppressed: false };
  // A withheld system count: the pooled shares (with the units' sizes) would give it back.
  const pooled = hidden.has('M') ? { expected: null, lower_limit: null, upper_limit: null } : {};
  const units = file.units.map((u, i): PayerUnitLike => {
    const size = hidden.has(`n${i}`) ? { patients: null, lower_limit: null, upper_limit: null } : {};
    if (!hidden.has(`c${i}`)) return { ...u, ...pooled, ...size, suppressed: false };
    const none = { count: null, share: null, p_value: null, q_value: null, flag: null };
    return { ...u, ...none, ...pooled, ...size, suppressed: true };
  });
  return { ...file, system, units };
}
