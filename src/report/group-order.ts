/**
 * The order groups are shown in. Groups of an ordinal stratifier (age bands, income bands, quartiles of
 * an index such as SVI) keep their natural order in every chart and table; nominal ones (race, payer, sex)
 * are left in the order the caller chose (charts sort them by rate). The order is read from the labels
 * themselves — numeric bounds such as "0-17", "18-44", "65+", "<18", "85 and over", "$25,000-49,999",
 * "Q1", "Quartile 2", or the words low … high — not from a list of known labels. Declined, Unknown and
 * Missing always come last.
 */
import { isOrdered } from '../analysis/order.js';
import { isStatus } from '../model/status.js';
import { parseAgeBand } from '../stats/age-band.js';

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(?:-|to)\s*${NUMBER}\b`);
const BELOW = new RegExp(String.raw`^(?:<|≤|<=|under|less than|below|up to)\s*(${NUMBER})`);
const ABOVE = new RegExp(
  String.raw`^(?:>|≥|>=|over|more than|above)\s*(${NUMBER})|^(${NUMBER})\s*(?:\+|plus\b|or more\b|or over\b|or older\b|and (?:over|above|older|more)\b)`,
);
const QUANTILE = new RegExp(
  String.raw`^(?:q|(?:quartile|quintile|tertile|decile|quantile)\s*)(\d+)\b|^(\d+)(?:st|nd|rd|th)?\s+(?:quartile|quintile|tertile|decile|quantile)\b`,
);
/** Level words, longest first so "low-moderate" is not read as "low". */
const LEVELS: readonly [RegExp, number][] = [
  [/^(?:very low|lowest)\b/, 0],
  [/^(?:low|lower)[- ](?:to[- ])?(?:medium|moderate|middle)\b/, 2],
  [/^(?:(?:medium|moderate|middle)[- ](?:to[- ])?(?:high|higher)|upper[- ](?:middle|medium))\b/, 4],
  [/^(?:very high|highest)\b/, 6],
  [/^(?:low|lower)\b/, 1],
  [/^(?:medium|moderate|middle|mid|average)\b/, 3],
  [/^(?:high|higher)\b/, 5],
];

/** A label as the patterns read it: lower case, no currency signs, no thousands separators, no "%". */
const normalise = (label: string): string =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/[$£€]/g, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\s*%/g, '')
    .replace(/^(?:ages?|aged)\s+/, '')
    // UCI's "[40-50)": the bracket says which end is included; the lower bound orders it.
    .replace(/^[[(]\s*/, '')
    .trim();

/**
 * Where a label sits on its scale (its lower bound, or its rank for quantiles and level words), or null
 * when it is not a band. A bare number (a ZIP code, a tract) is not a band.
 * @example bandKey('18-44') // 18;  bandKey('<18') // 17.5;  bandKey('65+') // 65;  bandKey('Q2') // 2
 */
export function bandKey(label: string): number | null {
  const s = normalise(label);
  if (/^\d+$/.test(s)) return null;
  const below = BELOW.exec(s);
  // "<18" and "under $25,000" come before the band that starts at 18 (or $25,000).
  if (below) return Number(below[1]) - 0.5;
  const above = ABOVE.exec(s);
  if (above) return Number(above[1] ?? above[2]) + (above[1] ? 0.5 : 0);
  const range = RANGE.exec(s);
  if (range) return Number(range[1]);
  const age = parseAgeBand(s);
  if (age) return age.lo;
  const q = QUANTILE.exec(s);
  if (q) return Number(q[1] ?? q[2]);
  return LEVELS.find(([re]) => re.test(s))?.[1] ?? null;
}

/**
 * True when a stratifier's groups have a natural order: the age band always; any other when at least two
 * of its groups, and all but at most one of those that are not Declined/Unknown/Missing, read as bands.
 */
export function isOrdinal(stratifier: string, labels: readonly string[]): boolean {
  if (isOrdered(stratifier)) return true;
  const groups = labels.filter((l) => !isStatus(l));
  const bands = groups.filter((l) => bandKey(l) !== null).length;
  return bands >= 2 && bands >= groups.length - 1;
}

/**
 * The indices of `labels` in display order: for an ordinal stratifier, bands by their key, then labels
 * that are not bands, then statuses (each kept in its given order among equals); otherwise as given.
 */
export function displayOrder(stratifier: string, labels: readonly string[]): number[] {
  const index = labels.map((_, i) => i);
  if (!isOrdinal(stratifier, labels)) return index;
  const rank = (l: string): [number, number] =>
    isStatus(l) ? [2, 0] : bandKey(l) === null ? [1, 0] : [0, bandKey(l)!];
  return index.sort((a, b) => {
    const [ra, ka] = rank(labels[a]!);
    const [rb, kb] = rank(labels[b]!);
    return ra - rb || ka - kb || a - b;
  });
}

/** `items` in display order (see displayOrder), each with its index in the given array. */
export function inDisplayOrder<T extends { group: string }>(
  stratifier: string,
  items: readonly T[],
): { item: T; index: number }[] {
  return displayOrder(
    stratifier,
    items.map((g) => g.group),
  ).map((index) => ({ item: items[index]!, index }));
}
