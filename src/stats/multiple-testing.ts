/**
 * Multiple-testing adjustments. Nulls (tests that could not be run) pass through as null and do not count
 * towards m. Both match R `p.adjust` (stats 4.x) methods "BH" and "holm".
 *
 * - Benjamini & Hochberg (1995) JRSS B 57:289: q₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎/j).
 * - Holm (1979) Scand J Stat 6:65: p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎).
 */

const order = (p: readonly (number | null)[]): number[] =>
  p
    .map((v, i) => [v, i] as const)
    .filter((e): e is readonly [number, number] => e[0] !== null && Number.isFinite(e[0]))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((e) => e[1]);

/** Benjamini–Hochberg q-values (false discovery rate), in the input order. */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
  const idx = order(p);
  const m = idx.length;
  const out: (number | null)[] = p.map(() => null);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = idx[r]!;
    const pi = p[i] as number;
    running = Math.min(running, (pi * m) / (r + 1));
    // q ≥ p holds exactly; the max guards against floating-point rounding in p·m/m.
    out[i] = Math.min(1, Math.max(pi, running));
  }
  return out;
}

/** Holm step-down adjusted p-values (family-wise error rate), in the input order. */
export function holm(p: readonly (number | null)[]): (number | null)[] {
  const idx = order(p);
  const m = idx.length;
  const out: (number | null)[] = p.map(() => null);
  let running = 0;
  idx.forEach((i, r) => {
    running = Math.max(running, Math.min(1, (m - r) * (p[i] as number)));
    out[i] = running;
  });
  return out;
}
