/**
 * Axis tick values for a short chart: at most `max` ticks on a nice step (1, 2 or 5 × 10ⁿ, never finer
 * than `minStep`), so labels FONT px high never touch. Vega's `tickCount` is only a hint and gives five or
 * six labels on 100 px.
 */
export function tickValues(lo: number, hi: number, max: number, minStep = 0): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / Math.max(1, max - 1);
  const p = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 5, 10, 20].map((m) => Math.max(m * p, minStep));
  for (const step of steps) {
    const first = Math.ceil(lo / step - 1e-9);
    const last = Math.floor(hi / step + 1e-9);
    if (last - first + 1 <= max)
      // Rounded to the step's decimals, so 0.1 + 0.2 is 0.3 on the axis.
      return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
  }
  return [lo, hi];
}
