/**
 * Simulation intervals for the measures WHO HEAT 6 gives no analytic SE (BGSD, COV, IDISU, IDISW, MDBU, MDBW,
 * MDMU, MDMW, MDRU, MDRW): draw every subgroup estimate from a normal distribution with its SE, truncated to
 * [0, ∞) (or [0, 100] when indicator_scale is 100), recompute the measure, and take the 2.5th and 97.5th
 * percentiles (R `quantile` type 7) — `WHOequity/HEAT-Measures` R/utils.R `do_simulation`, `healthequal`
 * R/bgsd.R.
 *
 * Differences from HEAT, on purpose: 1,000 draws rather than 100, a seeded 32-bit generator (mulberry32, seed
 * 123456) instead of R's Mersenne Twister, and exact truncated-normal draws by inversion instead of rejection.
 * Results are deterministic but agree with HEAT's intervals only approximately (both are Monte Carlo).
 */
import { phi, phiInv } from '../distributions.js';
import type { Prepared } from './prepare.js';

export const SIMULATION_DRAWS = 1000;
export const SIMULATION_SEED = 123456;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw from N(mean, sd²) truncated to [lo, hi], by inversion of the normal CDF. */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number, u: number): number {
  const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
  if (sd <= 0) return clamp(mean);
  const a = phi((lo - mean) / sd);
  const b = hi === Infinity ? 1 : phi((hi - mean) / sd);
  if (!(b > a)) return clamp(mean);
  const q = a + (b - a) * u;
  const x = mean + sd * phiInv(Math.min(Math.max(q, Number.MIN_VALUE), 1 - Number.EPSILON));
  return Number.isFinite(x) ? clamp(x) : clamp(mean);
}

/** R's default quantile (type 7) of sorted values. */
export function quantile7(sorted: readonly number[], prob: number): number {
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The percentile interval of `stat` over simulated estimate vectors (aligned with `p.groups`);
 * null when an SE is missing or no draw gives a finite value.
 */
export function simulatedInterval(
  p: Prepared,
  stat: (estimates: readonly number[]) => number,
  draws: number = SIMULATION_DRAWS,
): { lower: number; upper: number } | null {
  if (!p.seAll) return null;
  const rand = mulberry32(SIMULATION_SEED);
  const hi = p.scale === 100 ? 100 : Infinity;
  const values: number[] = [];
  const ys = new Array<number>(p.groups.length);
  for (let j = 0; j < draws; j++) {
    p.groups.forEach((g, i) => (ys[i] = truncatedNormal(g.estimate, g.se ?? 0, 0, hi, rand())));
    const v = stat(ys);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  const tail = (1 - p.level) / 2;
  return { lower: quantile7(values, tail), upper: quantile7(values, 1 - tail) };
}
