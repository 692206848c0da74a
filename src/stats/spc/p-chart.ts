/**
 * p-chart (proportions) with per-point limits.
 *
 * p̄ = Σ numerators / Σ denominators over the baseline points; σᵢ = √(p̄(1 − p̄)/nᵢ); limits p̄ ± 3σᵢ clipped
 * to [0, 1] (2σ lines likewise). Each point's limits depend on its own denominator, so they widen as the
 * denominator shrinks. A point with a zero or missing denominator has no limits (null).
 * Source: Montgomery DC, Introduction to Statistical Quality Control, §7.2; qicharts2 `qic.p`
 * (R/helper.functions.R). Laney's p′ multiplies σᵢ by σ_z (see `laney.ts`).
 */
import { noLines, sigmaLines, type ChartLines } from './lines.js';

export interface CountSeries {
  numerators: readonly (number | null)[];
  denominators: readonly (number | null)[];
}

const usable = (x: number | null | undefined, n: number | null | undefined): boolean =>
  x !== null && x !== undefined && n !== null && n !== undefined && n > 0;

/** p̄ over the first `base` points with a positive denominator; null when there are none. */
export function pBar(series: CountSeries, base: number): number | null {
  let x = 0;
  let n = 0;
  for (let i = 0; i < Math.min(base, series.denominators.length); i++) {
    const xi = series.numerators[i];
    const ni = series.denominators[i];
    if (usable(xi, ni)) {
      x += xi!;
      n += ni!;
    }
  }
  return n > 0 ? x / n : null;
}

/** Binomial σᵢ = √(p̄(1 − p̄)/nᵢ) per point; null for a zero or missing denominator. */
export function pSigmas(series: CountSeries, centre: number): (number | null)[] {
  return series.denominators.map((n) =>
    n !== null && n !== undefined && n > 0 ? Math.sqrt((centre * (1 - centre)) / n) : null,
  );
}

/** Per-point p-chart lines; `sigmaZ` = 1 gives the p-chart, Laney's σ_z gives p′. */
export function pChartLines(series: CountSeries, base: number, sigmaZ = 1): ChartLines[] {
  const centre = pBar(series, base);
  if (centre === null) return series.denominators.map(() => noLines(null));
  return pSigmas(series, centre).map((s) =>
    s === null ? noLines(centre) : sigmaLines(centre, s * sigmaZ, 0, 1),
  );
}
