/**
 * Small numeric helpers shared by the charts: median, mean, moving ranges and the "on the centre line"
 * test. Pure; never return NaN (empty input gives null).
 */

/** Median of the finite values; null when there are none (R's `median`, type 7 middle average). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Moving ranges |x[i] − x[i−1]| between ADJACENT periods that both have a value (a missing period breaks
 * the pair, as `abs(diff(y))` with NA does in qicharts2).
 */
export function movingRanges(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== null && a !== undefined && b !== null && b !== undefined) out.push(Math.abs(b - a));
  }
  return out;
}

/**
 * Which side of the centre line a value is on: 1 above, −1 below, 0 on the line. A value within a relative
 * 1e-9 of the centre counts as on it, so a constant series whose floating-point mean differs from its values
 * in the last bit is still "on the line" (qicharts2 uses exact `sign(y − cl)`; the tolerance only matters at
 * rounding level).
 */
export function side(value: number, centre: number): -1 | 0 | 1 {
  const d = value - centre;
  if (Math.abs(d) <= 1e-9 * Math.max(Math.abs(value), Math.abs(centre))) return 0;
  return d > 0 ? 1 : -1;
}
