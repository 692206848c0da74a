/**
 * Public editions of the equity results, derived from the internal ones (pure).
 *
 * Community and payer mix (patient counts; threshold default 11, never below the public minimum): a cell
 * whose count, denominator or complement is 1 … threshold − 1 (the primary rule of src/suppression) has its
 * counts and every figure computed from them withheld (null, `suppressed: true`). Complementary: within one
 * published sum — an attribute's groups in one unit (community); a facet's units, whose pooled share and
 * sizes give their total, as does the system figure (payer mix); a group's units within a facet, which
 * add up to the system's row (community) — a lone suppressed cell takes the next smallest with it. An
 * inclusivity index is withheld when any group of its attribute is (it would solve for the hidden share).
 *
 * Workforce: the rule of src/workforce/suppress.ts applied to the internal rows, which gives the same
 * edition as `equilens workforce --audience public` (workforce.public.json).
 */
import { PUBLIC_MINIMUM, primaryReason } from '../suppression/index.js';
import {
  hiddenGroups,
  publicPayGap,
  publicRates,
  publicRepresentation,
  suppressedCells,
} from '../workforce/suppress.js';
import type { PayGapRow } from '../workforce/pay-gap.js';
import type { RateRow } from '../workforce/rates.js';
import type { RepresentationRow } from '../workforce/representation.js';
import type { CommunityFile, PayerMixFile, WorkforceFile } from './equity-schemas.js';

/** Whether a count of `x` out of `n` may not be shown (1 … t − 1, or its complement). */
const small = (x: number | null, n: number | null, t: number): boolean => {
  const r = primaryReason(x, n, { threshold: t });
  return r !== null && r !== 'no_data';
};

/**
 * Complementary suppression: while some published sum (the rows sharing a key, for each of `sums`) has
 * exactly one suppressed term, add its smallest other shown, non-zero term. Returns the sums still left
 * with exactly one (no other term to take), as `index of the sum function` + tab + key: their margin
 * must be withheld instead.
 */
function complement<T>(
  rows: readonly T[],
  hidden: Set<number>,
  sums: ((r: T) => string | null)[],
  countOf: (r: T) => number,
): Set<string> {
  const groups: [string, number[]][] = [];
  for (const [s, sum] of sums.entries()) {
    const by = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const k = sum(r);
      if (k !== null) by.set(k, [...(by.get(k) ?? []), i]);
    });
    groups.push(...[...by].map(([k, v]): [string, number[]] => [`${s}\t${k}`, v]));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [, members] of groups) {
      if (members.filter((i) => hidden.has(i)).length !== 1) continue;
      const next = members
        .filter((i) => !hidden.has(i) && countOf(rows[i]!) > 0)
        .sort((a, b) => countOf(rows[a]!) - countOf(rows[b]!) || a - b)[0];
      if (next !== undefined) {
        hidden.add(next);
        changed = true;
      }
    }
  }
  return new Set(groups.filter(([, m]) => m.filter((i) => hidden.has(i)).length === 1).map(([k]) => k));
}

type Row = CommunityFile['comparison'][number];
const unitKey = (r: { facet?: string | undefined; unit?: string | undefined }) =>
  `${r.facet ?? ''}\t${r.unit ?? ''}`;

export function publicCommunity(file: CommunityFile, threshold: number): CommunityFile {
  const t = Math.max(threshold, PUBLIC_MINIMUM);
  const rows = file.comparison;
  const hidden = new Set<number>();
  rows.forEach((r, i) => small(r.patients, r.patients_total, t) && hidden.add(i));
  // Sums: an attribute's groups within a unit; a group's units within a facet (they add up to the system).
  const sums = [
    (r: Row) => `${unitKey(r)}\t${r.attribute}`,
    (r: Row) => (r.facet ? `${r.facet}\t${r.attribute}\t${r.group}` : null),
  ];
  let lone = complement(rows, hidden, sums, (r) => r.patients ?? 0);
  // A facet's group with one withheld unit and no other to take: the system's row would give it away.
  for (let more = true; more;) {
    const before = hidden.size;
    for (const key of lone) {
      const [s, , attribute, group] = key.split('\t');
      if (s !== '1') continue;
      const i = rows.findIndex((r) => !r.facet && r.attribute === attribute && r.group === group);
      if (i >= 0) hidden.add(i);
    }
    more = hidden.size > before;
    if (more) lone = complement(rows, hidden, sums, (r) => r.patients ?? 0);
  }
  // A unit's attribute with one withheld group and no other to take: its total would give it away.
  const loneTotal = new Set([...lone].filter((k) => k.startsWith('0\t')).map((k) => k.slice(2)));
  const withheld = new Set([...hidden].map((i) => `${unitKey(rows[i]!)}\t${rows[i]!.attribute}`));
  const smallTotal = (n: number | null) => n !== null && n > 0 && n < t;
  return {
    catchment: file.catchment,
    comparison: rows.map((r, i) => {
      const total = loneTotal.has(`${unitKey(r)}\t${r.attribute}`) ? { patients_total: null } : {};
      if (!hidden.has(i)) return { ...r, ...total, suppressed: false };
      const none = { patients: null, patients_share: null, difference: null, lower: null, upper: null };
      return {
        ...r,
        ...none,
        patients_total:
          smallTotal(r.patients_total) || loneTotal.has(`${unitKey(r)}\t${r.attribute}`)
            ? null
            : r.patients_total,
        suppressed: true,
      };
    }),
    inclusivity: file.inclusivity.map((x) =>
      withheld.has(`${unitKey(x)}\t${x.attribute}`)
        ? { ...x, index: null, lower: null, upper: null, suppressed: true }
        : { ...x, suppressed: false },
    ),
  };
}

export function publicPayerMix(file: PayerMixFile, threshold: number): PayerMixFile {
  const t = Math.max(threshold, PUBLIC_MINIMUM);
  const units = file.units;
  const hidden = new Set<number>();
  units.forEach((u, i) => small(u.count, u.patients, t) && hidden.add(i));
  // A facet left with one withheld unit: its pooled share (and limits) and the system figure give it away.
  const lone = new Set(
    [...complement(units, hidden, [(u) => u.facet], (u) => u.count ?? 0)].map((k) => k.slice(2)),
  );
  const s = file.system;
  const system =
    small(s.patients, s.patients_total, t) || lone.size > 0
      ? {
          ...s,
          patients: null,
          patients_share: null,
          difference: null,
          lower: null,
          upper: null,
          suppressed: true,
        }
      : { ...s, suppressed: false };
  const pooled = { expected: null, lower_limit: null, upper_limit: null };
  return {
    ...file,
    system,
    units: units.map((u, i) => {
      const shown = lone.has(u.facet) ? { ...u, ...pooled } : u;
      if (!hidden.has(i)) return { ...shown, suppressed: false };
      const tiny = u.patients !== null && u.patients > 0 && u.patients < t;
      const none = { count: null, share: null, p_value: null, q_value: null, flag: null };
      const limits = tiny ? { patients: null, lower_limit: null, upper_limit: null } : {};
      return { ...shown, ...none, ...limits, suppressed: true };
    }),
  };
}

/** The public edition of an internal workforce result (what `--audience public` writes). */
export function publicWorkforce(file: WorkforceFile, threshold: number): WorkforceFile {
  const rep = file.representation as unknown as RepresentationRow[];
  const cells = suppressedCells(rep, threshold);
  const hidden = hiddenGroups(rep, cells);
  return {
    ...file,
    audience: 'public',
    threshold,
    employees: file.employees !== null && file.employees >= threshold ? file.employees : null,
    representation: publicRepresentation(rep, cells) as WorkforceFile['representation'],
    rates: publicRates(file.rates as unknown as RateRow[], hidden, threshold) as WorkforceFile['rates'],
    pay_gap: publicPayGap(
      file.pay_gap as unknown as PayGapRow[],
      hidden,
      threshold,
    ) as WorkforceFile['pay_gap'],
  };
}
