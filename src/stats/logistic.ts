/**
 * Logistic regression by iteratively reweighted least squares (Newton–Raphson on the log-likelihood),
 * with an optional fixed offset: logit P(y = 1) = offset + X β. Small and dense: used for the logistic
 * recalibration of a risk score (Cox DR (1958) Biometrika 45:562; Van Calster B et al. (2016) J Clin
 * Epidemiol 74:167): intercept with offset logit(p) = calibration intercept ("calibration-in-the-large" on
 * the logit scale), and slope β in logit P = α + β·logit(p) = calibration slope.
 *
 * No maintained npm package offers an offset-aware IRLS fit, so it is written here (one concept, tested
 * against closed forms). Returns null when the fit is undefined (all y equal — the likelihood has no
 * maximum — or the information matrix is singular) or does not converge.
 */
import { invert } from './least-squares.js';

export interface LogisticFit {
  coefficients: number[];
  iterations: number;
}

const expit = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export function logisticFit(
  x: readonly (readonly number[])[],
  y: readonly number[],
  offset?: readonly number[],
  opts: { maxIterations?: number; tolerance?: number } = {},
): LogisticFit | null {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  if (n === 0 || k === 0 || x.length !== n) return null;
  const events = y.reduce((s, v) => s + v, 0);
  if (events === 0 || events === n) return null;
  const maxIt = opts.maxIterations ?? 50;
  const tol = opts.tolerance ?? 1e-10;
  let beta = new Array<number>(k).fill(0);
  for (let it = 1; it <= maxIt; it++) {
    const info = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const score = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      let eta = offset?.[i] ?? 0;
      for (let j = 0; j < k; j++) eta += row[j]! * beta[j]!;
      const p = expit(eta);
      const w = p * (1 - p);
      const r = y[i]! - p;
      for (let a = 0; a < k; a++) {
        score[a]! += row[a]! * r;
        for (let b = 0; b < k; b++) info[a]![b]! += row[a]! * w * row[b]!;
      }
    }
    const inv = invert(info);
    if (!inv) return null;
    const step = inv.map((r) => r.reduce((s, v, j) => s + v * score[j]!, 0));
    beta = beta.map((b, j) => b + step[j]!);
    if (!beta.every(Number.isFinite)) return null;
    if (Math.max(...step.map(Math.abs)) < tol) return { coefficients: beta, iterations: it };
  }
  return null;
}
