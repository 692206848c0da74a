/**
 * Age bands. Two schemes:
 * - `10y`: 0-9, 10-19, …, 80-89, 90+ (the UCI diabetes extract's ten-year brackets, top-coded at 90 to
 *   avoid small cells among the very old).
 * - `standard`: 0-17, 18-44, 45-64, 65-74, 75+ (the child / working-age / Medicare-age split used in AHRQ
 *   National Healthcare Quality and Disparities reports).
 * - `5y`: 0-4, 5-9, …, 80-84, 85+ (the bands of the 2000 US standard population, for age standardisation).
 * Ages that are absent are Missing; negative, non-finite or implausible (> 130) ages are Unknown.
 */
import { MISSING, UNKNOWN } from '../status.js';

export type AgeScheme = '10y' | 'standard' | '5y';

interface Band {
  lo: number;
  /** Exclusive upper bound; Infinity for the open top band. */
  hi: number;
  label: string;
}

const tenYear: Band[] = [
  ...Array.from({ length: 9 }, (_, i) => ({ lo: i * 10, hi: i * 10 + 10, label: `${i * 10}-${i * 10 + 9}` })),
  { lo: 90, hi: Infinity, label: '90+' },
];
const fiveYear: Band[] = [
  ...Array.from({ length: 17 }, (_, i) => ({ lo: i * 5, hi: i * 5 + 5, label: `${i * 5}-${i * 5 + 4}` })),
  { lo: 85, hi: Infinity, label: '85+' },
];
const standard: Band[] = [
  { lo: 0, hi: 18, label: '0-17' },
  { lo: 18, hi: 45, label: '18-44' },
  { lo: 45, hi: 65, label: '45-64' },
  { lo: 65, hi: 75, label: '65-74' },
  { lo: 75, hi: Infinity, label: '75+' },
];

export const AGE_SCHEMES: Readonly<Record<AgeScheme, readonly Band[]>> = {
  '10y': tenYear,
  standard,
  '5y': fiveYear,
};

/** Labels of a scheme in order (youngest first). */
export const ageBandLabels = (scheme: AgeScheme = '10y'): string[] => AGE_SCHEMES[scheme].map((b) => b.label);

const MAX_AGE = 130;

/**
 * The band of an age in completed years.
 * @example ageBand(47) // '40-49';  ageBand(47, 'standard') // '45-64';  ageBand(null) // 'Missing'
 */
export function ageBand(ageYears: number | null | undefined, scheme: AgeScheme = '10y'): string {
  if (ageYears === null || ageYears === undefined) return MISSING;
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > MAX_AGE) return UNKNOWN;
  const age = Math.floor(ageYears);
  return AGE_SCHEMES[scheme].find((b) => age >= b.lo && age < b.hi)?.label ?? UNKNOWN;
}

/**
 * Read an age range such as UCI's `[40-50)` (or `40-49`, `40 to 49`, `90+`, `[90-100)`, or a single age)
 * into a band of `scheme`. A range that straddles two bands of the scheme is Unknown (it cannot be placed
 * without imputation); text that is not an age is Unknown; empty is Missing.
 * @example parseAgeBand('[40-50)') // '40-49';  parseAgeBand('[90-100)') // '90+'
 */
export function parseAgeBand(text: string | null | undefined, scheme: AgeScheme = '10y'): string {
  if (text === null || text === undefined || text.trim() === '') return MISSING;
  const t = text.trim();
  const single = /^(\d{1,3}(?:\.\d+)?)$/.exec(t);
  if (single) return ageBand(Number(single[1]), scheme);
  const plus = /^(\d{1,3})\s*\+$/.exec(t);
  if (plus) return bandFor(Number(plus[1]), Infinity, scheme);
  const range = /^([[(])?\s*(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*([\])])?$/.exec(t);
  if (!range) return UNKNOWN;
  const lo = Number(range[2]) + (range[1] === '(' ? 1 : 0);
  // `[40-50)` excludes 50; `40-49` and `[40-49]` include 49: hi is exclusive either way.
  const hi = Number(range[3]) + (range[4] === ')' ? 0 : 1);
  if (hi <= lo) return UNKNOWN;
  return bandFor(lo, hi, scheme);
}

/** The band wholly containing [lo, hi), or Unknown. */
function bandFor(lo: number, hi: number, scheme: AgeScheme): string {
  if (lo > MAX_AGE) return UNKNOWN;
  const band = AGE_SCHEMES[scheme].find((b) => lo >= b.lo && (hi <= b.hi || b.hi === Infinity));
  return band?.label ?? UNKNOWN;
}

/**
 * Age in completed years on a date (no clock: the caller passes the date, e.g. the event date).
 * Dates are ISO `YYYY-MM-DD` strings or Date objects (read in UTC). Null when either is absent or invalid.
 * @example ageAt('1980-06-15', '2024-06-14') // 43
 */
export function ageAt(
  birthDate: string | Date | null | undefined,
  onDate: string | Date | null | undefined,
): number | null {
  const parts = (d: string | Date | null | undefined): [number, number, number] | null => {
    if (d === null || d === undefined) return null;
    const date = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d;
    if (Number.isNaN(date.getTime())) return null;
    return [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  };
  const b = parts(birthDate);
  const o = parts(onDate);
  if (!b || !o) return null;
  const beforeBirthday = o[1] < b[1] || (o[1] === b[1] && o[2] < b[2]);
  return o[0] - b[0] - (beforeBirthday ? 1 : 0);
}
