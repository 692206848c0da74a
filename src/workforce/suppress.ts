/**
 * Public workforce results. Employees are easy to identify, so the workforce threshold is its own and higher
 * than the patients' (default 20; never below the patients' public minimum of 11). The rule:
 * - primary: a representation cell (a group at a level) or a level's total with 1 to threshold − 1
 *   employees is suppressed;
 * - complementary: every published sum — a level's total over its groups, a group's count at all levels
 *   against its count at each level, an intersection's cells against the race and the sex margins — that
 *   has exactly one suppressed term gets a second one (the smallest other non-zero term, which may be the
 *   total itself), repeated until none has exactly one;
 * - rates: a group suppressed at all levels, or of 1 to threshold − 1 employees (or employee-years), has
 *   its rate rows withheld whole, with complementary withholding over the groups' sizes (an attribute's
 *   groups add up to all employees, which the other attributes' groups also give; an intersection's cells
 *   add up to their race and sex groups);
 * - events: an event count (hires, promotions, exits) of 1 to threshold − 1, or its complement (employees
 *   without the event) of 1 to threshold − 1, is withheld with its rate, interval and comparison, and
 *   complementary withholding runs in every sum of events the same way (per event); a difference from a
 *   withheld reference is withheld too (it would give the reference's rate back);
 * - pay gaps of a withheld group, against a withheld reference, or of fewer paid employees than the
 *   threshold are withheld.
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

/**
 * Complementary withholding: the `primary` keys, then, in every sum (the keys of its terms) with exactly one
 * withheld term, the smallest other non-zero term (ties by key), repeated until none has exactly one.
 */
export function complementary(
  count: ReadonlyMap<string, number>,
  sums: readonly (readonly string[])[],
  primary: Iterable<string>,
): Set<string> {
  const hidden = new Set(primary);
  const size = (k: string) => count.get(k) ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const sum of sums) {
      if (sum.filter((k) => hidden.has(k)).length !== 1) continue;
      const next = sum
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

/** Whether a count of employees may not be published: 1 to threshold − 1 (zero is shown). */
export const tooSmall = (n: number, threshold: number): boolean => n > 0 && n < threshold;

/** The keys of the counts to suppress (cells and totals), primary and complementary. */
export function suppressedCells(rows: readonly RepresentationRow[], threshold: number): Set<string> {
  const count = counts(rows);
  const primary = [...count].filter(([, n]) => tooSmall(n, threshold)).map(([k]) => k);
  return complementary(count, relations(rows), primary);
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

const RACE = 'race_ethnicity';
const CROSS = 'race_ethnicity*sex';

/**
 * The published sums of a count over the rate rows' groups, each as the keys of its terms: an attribute's
 * groups add up to the margin `total` (not printed, but given by any other attribute whose groups are all
 * shown, so it is a term that can be withheld too), and an intersection's cells add up to their race row
 * and to their sex row.
 */
function groupSums(
  rows: readonly { attribute: string; group: string }[],
  key: (attribute: string, group: string) => string,
  total: string,
): string[][] {
  const out = new Map<string, Set<string>>();
  const add = (sum: string, k: string) => out.set(sum, (out.get(sum) ?? new Set()).add(k));
  for (const r of rows) {
    add(r.attribute, key(r.attribute, r.group));
    add(r.attribute, total);
    if (r.attribute !== CROSS) continue;
    const [race = '', sex = ''] = r.group.split(' × ');
    add(`race\t${race}`, key(CROSS, r.group));
    add(`race\t${race}`, key(RACE, race));
    add(`sex\t${sex}`, key(CROSS, r.group));
    add(`sex\t${sex}`, key('sex', sex));
  }
  return [...out.values()].map((set) => [...set]);
}

const groupKey = (attribute: string, group: string) => `${attribute}\t${group}`;

/**
 * The groups whose size is withheld in the rates (and pay gaps): those `hidden` (suppressed at all levels),
 * those of 1 to threshold − 1 employees (or employee-years), and complementary ones over the sizes' sums.
 */
function hiddenSizes(rows: readonly RateRow[], hidden: ReadonlySet<string>, threshold: number): Set<string> {
  const size = new Map(rows.map((r) => [groupKey(r.attribute, r.group), r.employees]));
  // All employees (or employee-years): one event's race groups.
  const all = rows.filter((r) => r.event === rows[0]?.event && r.attribute === RACE);
  size.set(
    TOTAL,
    all.reduce((s, r) => s + r.employees, 0),
  );
  const small = [...size].filter(([k, n]) => k !== TOTAL && tooSmall(n, threshold)).map(([k]) => k);
  const primary = [...hidden, ...small];
  return complementary(size, groupSums(rows, groupKey, TOTAL), primary);
}

/**
 * The rate rows whose event count is withheld (as `event \t attribute \t group`): a withheld group, an event
 * count of 1 to threshold − 1 or its complement (employees without the event) of 1 to threshold − 1, and
 * complementary ones in every sum of events (per event, as `groupSums`).
 */
function hiddenEvents(rows: readonly RateRow[], sizes: ReadonlySet<string>, threshold: number): Set<string> {
  const count = new Map<string, number>();
  const sums: string[][] = [];
  const primary: string[] = [];
  for (const event of new Set(rows.map((r) => r.event))) {
    const at = rows.filter((r) => r.event === event);
    const key = (attribute: string, group: string) => `${event}\t${attribute}\t${group}`;
    for (const r of at) {
      count.set(key(r.attribute, r.group), r.events);
      const off = tooSmall(r.events, threshold) || tooSmall(r.employees - r.events, threshold);
      if (off || sizes.has(groupKey(r.attribute, r.group))) primary.push(key(r.attribute, r.group));
    }
    const total = `${event}\t${TOTAL}`;
    count.set(
      total,
      at.filter((r) => r.attribute === RACE).reduce((s, r) => s + r.events, 0),
    );
    sums.push(...groupSums(at, key, total));
  }
  return complementary(count, sums, primary);
}

const NO_COMPARISON = {
  difference: null,
  difference_lower: null,
  difference_upper: null,
  p_value: null,
  q_value: null,
};

/**
 * Public rates: a withheld group's row is withheld whole; a withheld event count takes its rate, interval
 * and comparison with it; a difference from a withheld reference (it gives the reference's rate back) is
 * withheld too.
 */
export function publicRates(
  rows: readonly RateRow[],
  sizes: ReadonlySet<string>,
  threshold: number,
): Public<RateRow>[] {
  const events = hiddenEvents(rows, sizes, threshold);
  const off = (r: RateRow, group: string | null) =>
    group !== null && events.has(`${r.event}\t${r.attribute}\t${group}`);
  return rows.map((r) => {
    if (sizes.has(groupKey(r.attribute, r.group)))
      return {
        ...r,
        ...NO_COMPARISON,
        employees: null,
        events: null,
        rate: null,
        lower: null,
        upper: null,
        suppressed: true,
      };
    if (off(r, r.group))
      return { ...r, ...NO_COMPARISON, events: null, rate: null, lower: null, upper: null, suppressed: true };
    return off(r, r.reference) ? { ...r, ...NO_COMPARISON, suppressed: false } : { ...r, suppressed: false };
  });
}

/** Public pay gaps: withheld for a withheld group or reference, or fewer paid employees than the threshold. */
export function publicPayGap(
  rows: readonly PayGapRow[],
  sizes: ReadonlySet<string>,
  threshold: number,
): Public<PayGapRow>[] {
  return rows.map((r) => {
    const off = (g: string) => sizes.has(groupKey(r.attribute, g));
    if (!off(r.group) && !off(r.reference) && !tooSmall(r.employees, threshold))
      return { ...r, suppressed: false };
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

export interface WorkforceRows {
  representation: RepresentationRow[];
  rates: RateRow[];
  pay_gap: PayGapRow[];
}

export interface PublicWorkforceRows {
  representation: Public<RepresentationRow>[];
  rates: Public<RateRow>[];
  pay_gap: Public<PayGapRow>[];
}

/** The public edition of the workforce results (the whole rule above): what workforce.public.json holds. */
export function publicWorkforceRows(rows: WorkforceRows, threshold: number): PublicWorkforceRows {
  const cells = suppressedCells(rows.representation, threshold);
  const sizes = hiddenSizes(rows.rates, hiddenGroups(rows.representation, cells), threshold);
  return {
    representation: publicRepresentation(rows.representation, cells),
    rates: publicRates(rows.rates, sizes, threshold),
    pay_gap: publicPayGap(rows.pay_gap, sizes, threshold),
  };
}
