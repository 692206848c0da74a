/**
 * Age-band labels → numeric ranges, so data bands can be matched to a standard's bands however they are
 * written: "0-4", "00-04", "0 - 4 years", "0–4", "<1", "0", "Under 1", "85+", "85 and over", "85-plus".
 */

export interface AgeRange {
  /** Inclusive lower age in whole years. */
  lo: number;
  /** Inclusive upper age; Infinity for an open band such as 85+. */
  hi: number;
}

/** Parse an age-band label; null when it is not recognisable. */
export function parseAgeBand(label: string): AgeRange | null {
  const s = label
    .trim()
    .toLowerCase()
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/\b(years?|yrs?|y)\b\.?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let m = /^(?:<|under |less than )\s*(\d+)$/.exec(s);
  if (m) return { lo: 0, hi: Number(m[1]) - 1 };
  m = /^(\d+)\s*(?:\+|-?\s*plus| and (?:over|older|above)|\s*or (?:over|older))$/.exec(s);
  if (m) return { lo: Number(m[1]), hi: Infinity };
  m = /^(\d+)\s*(?:-|to)\s*(\d+)$/.exec(s);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    return hi >= lo ? { lo, hi } : null;
  }
  m = /^(\d+)$/.exec(s);
  if (m) return { lo: Number(m[1]), hi: Number(m[1]) };
  return null;
}

/** A canonical label: "0-4", "0", "85+". */
export function formatAgeBand(r: AgeRange): string {
  if (r.hi === Infinity) return `${r.lo}+`;
  return r.lo === r.hi ? `${r.lo}` : `${r.lo}-${r.hi}`;
}
