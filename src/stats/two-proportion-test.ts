/**
 * Two-sided test of p1 = p2 for two independent proportions.
 *
 * - Score test (Pearson χ² on the 2×2 table, no continuity correction): χ² = (p1 − p2)² / (p̄(1 − p̄)(1/n1 + 1/n2)),
 *   p = P(χ²₁ > χ²). Same as R `prop.test(correct = FALSE)` / `chisq.test(correct = FALSE)`.
 * - Fisher's exact test when any expected count is below 5 (Cochran's rule): the two-sided p-value sums the
 *   hypergeometric probabilities of all tables no more likely than the observed one, with R's relative
 *   tolerance 1e-7 (R `fisher.test`, stats 4.x).
 */
import { chisqCdf, hyperPmf } from './distributions.js';

export interface TestResult {
  pValue: number;
  method: 'score' | 'fisher';
}

const clamp01 = (p: number): number => Math.min(1, Math.max(0, p));

/** Fisher's exact two-sided p-value for the 2×2 table [[x1, n1−x1], [x2, n2−x2]]. */
export function fisherExact(x1: number, n1: number, x2: number, n2: number): number {
  const N = n1 + n2;
  const K = x1 + x2;
  const lo = Math.max(0, n1 + K - N);
  const hi = Math.min(n1, K);
  if (lo === hi) return 1; // only one table has these margins
  const observed = hyperPmf(x1, N, K, n1);
  let p = 0;
  for (let k = lo; k <= hi; k++) {
    const pk = hyperPmf(k, N, K, n1);
    if (pk <= observed * (1 + 1e-7)) p += pk;
  }
  return clamp01(p);
}

/** Two-sided p-value for p1 = p2; null when a denominator is 0 or the counts are impossible. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TestResult | null {
  const ok = (x: number, n: number) =>
    Number.isInteger(x) && Number.isInteger(n) && n > 0 && x >= 0 && x <= n;
  if (!ok(x1, n1) || !ok(x2, n2)) return null;
  const N = n1 + n2;
  const K = x1 + x2;
  const expected = [(n1 * K) / N, (n1 * (N - K)) / N, (n2 * K) / N, (n2 * (N - K)) / N];
  if (expected.some((e) => e < 5)) return { pValue: fisherExact(x1, n1, x2, n2), method: 'fisher' };
  const p = K / N;
  const chi2 = (x1 / n1 - x2 / n2) ** 2 / (p * (1 - p) * (1 / n1 + 1 / n2));
  return { pValue: clamp01(1 - chisqCdf(chi2, 1)), method: 'score' };
}
