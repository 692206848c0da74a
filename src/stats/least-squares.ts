/**
 * Ordinary least squares with classical standard errors and t intervals.
 *
 * β̂ = (XᵀX)⁻¹Xᵀy; s² = RSS / (n − p); se(β̂ⱼ) = √(s² [(XᵀX)⁻¹]ⱼⱼ); limits β̂ⱼ ± t₍ₙ₋ₚ, 1−α/2₎ · se(β̂ⱼ)
 * (e.g. Weisberg, Applied Linear Regression, 4th ed., 2014, §3.4). (XᵀX)⁻¹ by Gauss–Jordan elimination
 * with partial pivoting; a design whose columns are (nearly) collinear returns null, with the reason, rather
 * than arbitrary coefficients.
 */
import { tCdf, tInv } from './distributions.js';

export interface LeastSquaresFit {
  coefficients: number[];
  se: number[];
  lower: number[];
  upper: number[];
  /** Two-sided p-value of each coefficient against 0: 2·(1 − F_t(|β̂ⱼ/se|; n − p)). */
  p: number[];
  /** Residual degrees of freedom n − p. */
  df: number;
  rss: number;
}

export type LeastSquaresResult =
  { ok: true; fit: LeastSquaresFit } | { ok: false; reason: 'too_few_rows' | 'collinear' };

/** Inverse of a symmetric positive-definite p×p matrix; null when singular to working precision. */
export function invert(a: readonly (readonly number[])[]): number[][] | null {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(1e-300, ...a.map((row, i) => Math.abs(row[i] ?? 0)));
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) <= 1e-10 * scale) return null;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const row = m[c]!;
    const d = row[c]!;
    for (let j = 0; j < 2 * p; j++) row[j] = row[j]! / d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      if (f !== 0) for (let j = 0; j < 2 * p; j++) m[r]![j] = m[r]![j]! - f * row[j]!;
    }
  }
  return m.map((row) => row.slice(p));
}

export function leastSquares(
  x: readonly (readonly number[])[],
  y: readonly number[],
  level = 0.95,
): LeastSquaresResult {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n <= p || p === 0) return { ok: false, reason: 'too_few_rows' };
  const xtx = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => x.reduce((s, row) => s + row[i]! * row[j]!, 0)),
  );
  const xty = Array.from({ length: p }, (_, i) => x.reduce((s, row, k) => s + row[i]! * y[k]!, 0));
  const inv = invert(xtx);
  if (!inv) return { ok: false, reason: 'collinear' };
  const b = inv.map((row) => row.reduce((s, v, j) => s + v * xty[j]!, 0));
  const rss = x.reduce((s, row, k) => {
    const e = y[k]! - row.reduce((t, v, j) => t + v * b[j]!, 0);
    return s + e * e;
  }, 0);
  const df = n - p;
  const s2 = rss / df;
  const se = inv.map((row, j) => Math.sqrt(Math.max(0, s2 * row[j]!)));
  const t = tInv(1 - (1 - level) / 2, df);
  return {
    ok: true,
    fit: {
      coefficients: b,
      se,
      lower: b.map((v, j) => v - t * se[j]!),
      upper: b.map((v, j) => v + t * se[j]!),
      p: b.map((v, j) => (se[j]! > 0 ? 2 * (1 - tCdf(Math.abs(v / se[j]!), df)) : v === 0 ? 1 : 0)),
      df,
      rss,
    },
  };
}
