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
 *
 * Cost: every measure of one input uses the same draws (same seed, same subgroups), so the draw matrix is
 * computed once and shared by the measures of a stratum (a small cache keyed by every number the draws
 * depend on); the truncation bounds' CDF values are computed once per subgroup. Same numbers as drawing
 * afresh for each measure, at a third of the cost for the three simulated measures `analyze` reports.
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

/**
 * A sampler of N(mean, sd²) truncated to [lo, hi], by inversion of the normal CDF: the CDF at the bounds is
 * computed once, each draw maps a uniform u to one value.
 */
export function truncatedNormalSampler(
  mean: number,
  sd: number,
  lo: number,
  hi: number,
): (u: number) => number {
  const clamp = (x: number) => Math.min(hi, Math.max(lo, x));
  if (sd <= 0) return () => clamp(mean);
  const a = phi((lo - mean) / sd);
  const b = hi === Infinity ? 1 : phi((hi - mean) / sd);
  if (!(b > a)) return () => clamp(mean);
  return (u) => {
    const q = a + (b - a) * u;
    const x = mean + sd * phiInv(Math.min(Math.max(q, Number.MIN_VALUE), 1 - Number.EPSILON));
    return Number.isFinite(x) ? clamp(x) : clamp(mean);
  };
}

/** One draw from N(mean, sd²) truncated to [lo, hi], by inversion of the normal CDF. */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number, u: number): number {
  return truncatedNormalSampler(mean, sd, lo, hi)(u);
}

/** R's default quantile (type 7) of sorted values. */
export function quantile7(sorted: ArrayLike<number>, prob: number): number {
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The simulated estimates (draw-major: draw j, subgroup i at j·groups + i). Every measure of one input
 * draws the same numbers (same seed, same subgroups), so the last few matrices are kept and shared: the
 * measures of a stratum simulate once. The key holds every number the draws depend on.
 */
const recent: { key: string; draws: Float64Array }[] = [];

function simulatedEstimates(p: Prepared, draws: number): Float64Array {
  const hi = p.scale === 100 ? 100 : Infinity;
  const key = `${draws}|${hi}|${p.groups.map((g) => `${g.estimate},${g.se ?? 0}`).join(';')}`;
  const hit = recent.find((r) => r.key === key);
  if (hit) return hit.draws;
  const rand = mulberry32(SIMULATION_SEED);
  const samplers = p.groups.map((g) => truncatedNormalSampler(g.estimate, g.se ?? 0, 0, hi));
  const n = samplers.length;
  const out = new Float64Array(draws * n);
  for (let j = 0; j < draws; j++) {
    for (let i = 0; i < n; i++) out[j * n + i] = (samplers[i] as (u: number) => number)(rand());
  }
  recent.unshift({ key, draws: out });
  if (recent.length > 4) recent.pop();
  return out;
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
  const sims = simulatedEstimates(p, draws);
  const n = p.groups.length;
  const values = new Float64Array(draws);
  let m = 0;
  const ys = new Array<number>(n);
  for (let j = 0; j < draws; j++) {
    for (let i = 0; i < n; i++) ys[i] = sims[j * n + i] as number;
    const v = stat(ys);
    if (Number.isFinite(v)) values[m++] = v;
  }
  if (m === 0) return null;
  const sorted = values.subarray(0, m).sort();
  const tail = (1 - p.level) / 2;
  return { lower: quantile7(sorted, tail), upper: quantile7(sorted, 1 - tail) };
}
