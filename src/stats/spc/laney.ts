/**
 * Laney p′ chart: a p-chart whose limits also include between-period variation, for large denominators
 * where the binomial σᵢ is too small and nearly every point falls outside ordinary p-chart limits.
 *
 * zᵢ = (pᵢ − p̄)/σᵢ over the baseline; σ_z = mean moving range of z / 1.128 (moving ranges only between
 * adjacent periods that both have a z); limits p̄ ± 3·σᵢ·σ_z clipped to [0, 1].
 * Source: Laney DB (2002) Improved control charts for attributes. Quality Engineering 14(4):531–537;
 * qicharts2 `qic.pp` (R/helper.functions.R) — without its optional moving-range screening.
 * σ_z is the "prime ratio": ≈ 1 when the binomial model fits, > 1 with overdispersion.
 */
import { mean, movingRanges } from './centre.js';
import { pBar, pSigmas, type CountSeries } from './p-chart.js';

/** d2 for moving ranges of two: E|X₁ − X₂| = 1.128σ. */
export const D2 = 1.128;

/** Laney's σ_z over the first `base` points; null when fewer than two adjacent z-scores exist. */
export function laneySigmaZ(series: CountSeries, base: number): number | null {
  const centre = pBar(series, base);
  if (centre === null) return null;
  const sigmas = pSigmas(series, centre);
  const z = series.numerators.slice(0, base).map((x, i) => {
    const s = sigmas[i];
    const n = series.denominators[i];
    if (x === null || s === null || s === undefined || s === 0 || !n) return null;
    return (x / n - centre) / s;
  });
  const mr = mean(movingRanges(z));
  return mr === null ? null : mr / D2;
}
