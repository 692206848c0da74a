/**
 * The regression behind SII and RII (WHO HEAT 6, `WHOequity/HEAT-Measures` R/calc-sii.R, R/calc-rii.R;
 * `healthequal` R/sii.R, R/rii.R).
 *
 * HEAT 6 fits a logistic regression of events on the ridit rank X (0 = most disadvantaged end, 1 = most
 * advantaged end): eventsⱼ = round(yⱼ/scale · ⌈popⱼ⌉) out of ⌈popⱼ⌉ trials, `glm(cbind(y, n − y) ~ rank,
 * weights = pop, family = binomial)` — note the prior weights `pop` on top of the binomial totals, so each
 * row carries weight pop²; we keep that to reproduce HEAT's numbers. p̂(0), p̂(1) are the fitted values at
 * the ends; the SE comes from the HC1 sandwich covariance and the delta method (`marginaleffects::
 * avg_comparisons(..., vcov = "HC1")`). R's `round` rounds half to even, as here.
 *
 * Fallback (our choice, documented): when an estimate is outside [0, scale] (not a proportion of the scale,
 * where HEAT returns NA) or the logistic fit does not converge (e.g. all estimates 0), we fit weighted least
 * squares of yⱼ/scale on the ridit rank with weights popⱼ (`healthequal` `linear = TRUE`, Low & Low 2004),
 * with the same HC1 sandwich, and say so in a warning.
 */
import { inverse2, riditRanks } from './ridit.js';

export interface SlopeFit {
  model: 'logistic' | 'linear';
  /** Fitted value at rank 0 and rank 1, on the 0–1 (proportion of scale) scale. */
  p0: number;
  p1: number;
  /** HC1 covariance of (intercept, slope). */
  cov: [number, number, number];
}

/** Round half to even, like R's `round`. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const expit = (eta: number): number => 1 / (1 + Math.exp(-eta));

/** Fit the logistic model; null when it does not apply or does not converge. */
export function fitLogistic(ys: readonly number[], pops: readonly number[], scale: number): SlopeFit | null {
  const n = pops.map(Math.ceil);
  const events = ys.map((y, i) => roundHalfEven((y / scale) * n[i]!));
  if (events.some((e, i) => e < 0 || e > n[i]!)) return null;
  const x = riditRanks(n);
  const prior = n.map((ni) => ni * ni);
  const prop = events.map((e, i) => (n[i]! > 0 ? e / n[i]! : 0));
  const totalW = prior.reduce((a, w) => a + w, 0);
  const pbar = prop.reduce((a, q, i) => a + prior[i]! * q, 0) / totalW;
  if (!(pbar > 0 && pbar < 1)) return null;
  let b0 = Math.log(pbar / (1 - pbar));
  let b1 = 0;
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    x.forEach((xi, i) => {
      const mu = expit(b0 + b1 * xi);
      const w = prior[i]! * mu * (1 - mu);
      const r = prior[i]! * (prop[i]! - mu);
      g0 += r;
      g1 += r * xi;
      h00 += w;
      h01 += w * xi;
      h11 += w * xi * xi;
    });
    const inv = inverse2(h00, h01, h11);
    if (!inv) return null;
    const d0 = inv[0] * g0 + inv[1] * g1;
    const d1 = inv[1] * g0 + inv[2] * g1;
    b0 += d0;
    b1 += d1;
    if (!Number.isFinite(b0) || !Number.isFinite(b1) || Math.abs(b1) > 50) return null;
    if (Math.abs(d0) + Math.abs(d1) < 1e-12 * (1 + Math.abs(b0) + Math.abs(b1))) {
      converged = true;
      break;
    }
  }
  if (!converged) return null;
  const mus = x.map((xi) => expit(b0 + b1 * xi));
  const weights = mus.map((mu, i) => prior[i]! * mu * (1 - mu));
  const scores = mus.map((mu, i) => prior[i]! * (prop[i]! - mu));
  const cov = sandwich(x, weights, scores);
  if (!cov) return null;
  return { model: 'logistic', p0: expit(b0), p1: expit(b0 + b1), cov };
}

/** Weighted least squares of y/scale on the ridit rank, weights = population. */
export function fitLinear(ys: readonly number[], pops: readonly number[], scale: number): SlopeFit | null {
  const x = riditRanks(pops);
  const v = ys.map((y) => y / scale);
  const sw = pops.reduce((a, w) => a + w, 0);
  const swx = pops.reduce((a, w, i) => a + w * x[i]!, 0);
  const swxx = pops.reduce((a, w, i) => a + w * x[i]! ** 2, 0);
  const inv = inverse2(sw, swx, swxx);
  if (!inv) return null;
  const swy = pops.reduce((a, w, i) => a + w * v[i]!, 0);
  const swxy = pops.reduce((a, w, i) => a + w * x[i]! * v[i]!, 0);
  const b0 = inv[0] * swy + inv[1] * swxy;
  const b1 = inv[1] * swy + inv[2] * swxy;
  const scores = v.map((vi, i) => pops[i]! * (vi - b0 - b1 * x[i]!));
  const cov = sandwich(x, pops, scores);
  if (!cov) return null;
  return { model: 'linear', p0: b0, p1: b0 + b1, cov };
}

/** HC1 sandwich n/(n − 2)·B·M·B with B = (X'WX)⁻¹ and M = Σ sᵢ²xᵢxᵢ' for X = [1, rank]. */
function sandwich(
  x: readonly number[],
  weights: readonly number[],
  scores: readonly number[],
): [number, number, number] | null {
  const n = x.length;
  if (n <= 2) return null;
  const b = inverse2(
    weights.reduce((a, w) => a + w, 0),
    weights.reduce((a, w, i) => a + w * x[i]!, 0),
    weights.reduce((a, w, i) => a + w * x[i]! ** 2, 0),
  );
  if (!b) return null;
  const m00 = scores.reduce((a, s) => a + s * s, 0);
  const m01 = scores.reduce((a, s, i) => a + s * s * x[i]!, 0);
  const m11 = scores.reduce((a, s, i) => a + s * s * x[i]! ** 2, 0);
  // B·M
  const a00 = b[0] * m00 + b[1] * m01;
  const a01 = b[0] * m01 + b[1] * m11;
  const a10 = b[1] * m00 + b[2] * m01;
  const a11 = b[1] * m01 + b[2] * m11;
  const k = n / (n - 2);
  return [k * (a00 * b[0] + a01 * b[1]), k * (a00 * b[1] + a01 * b[2]), k * (a10 * b[1] + a11 * b[2])];
}

/** Logistic first, the linear fallback otherwise (see the header). */
export function fitSlope(ys: readonly number[], pops: readonly number[], scale: number): SlopeFit | null {
  return fitLogistic(ys, pops, scale) ?? fitLinear(ys, pops, scale);
}

/** Var(g'β) for a gradient g = (g0, g1). */
export const quadratic = (cov: readonly [number, number, number], g0: number, g1: number): number =>
  g0 * g0 * cov[0] + 2 * g0 * g1 * cov[1] + g1 * g1 * cov[2];
