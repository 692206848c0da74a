/**
 * Public workforce results. Employees are easy to identify, so the workforce threshold is its own and higher
 * than the patients' (default 20; never below the patients' public minimum of 11). The rule:
 * - primary: a representation cell (a group at a level) or a level's total with 1 to threshold − 1
 *   employees is suppressed;
 * - complementary: every published sum — a level's total over its groups, a group's count at all levels
 *   against its count at each level, an intersection's cells against the race and the sex margins — that
 *   has exactly one suppressed term gets a second one (the smallest other non-zero term, which may be the
 *   total itself), repeated until none has exactly one;
 * - rates and pay gaps of a group suppressed at all levels, or smaller than the threshold, are withheld (all
 *   pay gaps when the reference group is).
 * Suppressed values are null with `suppressed: true`; zero counts are shown.
 */
import type { PayGapRow } from './pay-gap.js';
import type { RateRow } from './rates.js';
import type { RepresentationRow } from './representation.js';

export const WORKFORCE_THRESHOLD = 20;
export const WORKFORCE_MINIMUM = 11;

/** A public row: every number may be withheld (null), and says whether it was. */
export type Public<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] } & {
  suppressed: boolean;
};

const cellKey = (level: string, attribute: string, group: string) => `${level}\t${attribute}\t${group}`;

/** The key of a level's total (for an attribute) among the cells. */
export const TOTAL = '(total)';

/** Every published count: the cells, and each level's total per attribute (itself a sum of cells). */
function counts(rows: readonly RepresentationRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    out.set(cellKey(r.level, r.attribute, r.group), r.employees);
    out.set(cellKey(r.level, r.attribute, TOTAL), r.total);
  }
  return out;
}

/** The published sums, each as the keys of its terms (including the margin it sums to). */
function relations(rows: readonly RepresentationRow[]): string[][] {
  const out = new Map<string, Set<string>>();
  const add = (rel: string, key: string) => out.set(rel, (out.get(rel) ?? new Set()).add(key));
  for (const r of rows) {
    const key = cellKey(r.level, r.attribute, r.group);
    const total = cellKey(r.level, r.attribute, TOTAL);
    add(`total\t${r.level}\t${r.attribute}`, key);
    add(`total\t${r.level}\t${r.attribute}`, total);
    add(`levels\t${r.attribute}\t${r.group}`, key);
    add(`levels\t${r.attribute}\t${TOTAL}`, total);
    if (r.attribute === 'race_ethnicity*sex') {
      const [race, sex] = r.group.split(' × ');
      add(`race\t${r.level}\t${race}`, key);
      add(`sex\t${r.level}\t${sex}`, key);
    }
    if (r.attribute === 'race_ethnicity') add(`race\t${r.level}\t${r.group}`, key);
    if (r.attribute === 'sex') add(`sex\t${r.level}\t${r.group}`, key);
  }
  return [...out.values()].map((set) => [...set]);
}

/** The keys of the counts to suppress (cells and totals), primary and complementary. */
export function suppressedCells(rows: readonly RepresentationRow[], threshold: number): Set<string> {
  const count = counts(rows);
  const hidden = new Set([...count].filter(([, n]) => n > 0 && n < threshold).map(([k]) => k));
  const rels = relations(rows);
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of rels) {
      if (rel.filter((k) => hidden.has(k)).length !== 1) continue;
      const next = rel
        .filter((k) => !hidden.has(k) && (count.get(k) ?? 0) > 0)
        .sort((a, b) => count.get(a)! - count.get(b)! || (a < b ? -1 : 1))[0];
      if (next !== undefined) {
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}

/** The representation rows with the suppressed cells (from `suppressedCells`) withheld. */
export function publicRepresentation(
  rows: readonly RepresentationRow[],
  hidden: ReadonlySet<string>,
): Public<RepresentationRow>[] {
  return rows.map((r) => {
    const total = hidden.has(cellKey(r.level, r.attribute, TOTAL)) ? null : r.total;
    return hidden.has(cellKey(r.level, r.attribute, r.group))
      ? { ...r, total, employees: null, share: null, lower: null, upper: null, suppressed: true }
      : { ...r, total, suppressed: false };
  });
}

/** Groups whose all-levels cell is suppressed (their rates and pay gaps are withheld). */
export function hiddenGroups(rows: readonly RepresentationRow[], hidden: ReadonlySet<string>): Set<string> {
  return new Set(
    rows
      .filter((r) => r.level === 'all' && hidden.has(cellKey('all', r.attribute, r.group)))
      .map((r) => `${r.attribute}\t${r.group}`),
  );
}

/** A rate or pay-gap row is withheld when its group or its reference is hidden, or it is too small. */
function withheld(
  r: { attribute: string; group: string; reference: string | null; employees: number },
  hidden: ReadonlySet<string>,
  threshold: number,
): boolean {
  const off = (group: string | null) => group !== null && hidden.has(`${r.attribute}\t${group}`);
  return off(r.group) || off(r.reference) || r.employees < threshold;
}

export function publicRates(
  rows: readonly RateRow[],
  hidden: ReadonlySet<string>,
  threshold: number,
): Public<RateRow>[] {
  return rows.map((r) => {
    if (!withheld(r, hidden, threshold)) return { ...r, suppressed: false };
    const none = {
      rate: null,
      lower: null,
      upper: null,
      difference: null,
      difference_lower: null,
      difference_upper: null,
    };
    return {
      ...r,
      ...none,
      employees: null,
      events: null,
      p_value: null,
      q_value: null,
      suppressed: true,
    };
  });
}

export function publicPayGap(
  rows: readonly PayGapRow[],
  hidden: ReadonlySet<string>,
  threshold: number,
): Public<PayGapRow>[] {
  return rows.map((r) => {
    if (!withheld(r, hidden, threshold)) return { ...r, suppressed: false };
    const none = {
      p_value: null,
      q_value: null,
      unadjusted: null,
      unadjusted_lower: null,
      unadjusted_upper: null,
      adjusted: null,
      lower: null,
      upper: null,
    };
    return { ...r, ...none, employees: null, suppressed: true };
  });
}
