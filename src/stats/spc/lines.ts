/**
 * The lines of a control chart at one point: centre, 3-sigma limits and 2-sigma lines (for the
 * "two of three beyond 2σ" rule). Every field is null when it cannot be computed, never NaN.
 */
export interface ChartLines {
  centre: number | null;
  lower: number | null;
  upper: number | null;
  lower2: number | null;
  upper2: number | null;
}

export const noLines = (centre: number | null = null): ChartLines => ({
  centre,
  lower: null,
  upper: null,
  lower2: null,
  upper2: null,
});

/** Lines centre ± 3σ and ± 2σ, optionally clipped to [min, max] (p-charts clip to [0, 1]). */
export function sigmaLines(centre: number, sigma: number, min = -Infinity, max = Infinity): ChartLines {
  const clip = (v: number) => Math.min(max, Math.max(min, v));
  if (!Number.isFinite(sigma)) return noLines(centre);
  return {
    centre,
    lower: clip(centre - 3 * sigma),
    upper: clip(centre + 3 * sigma),
    lower2: clip(centre - 2 * sigma),
    upper2: clip(centre + 2 * sigma),
  };
}
