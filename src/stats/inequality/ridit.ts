/**
 * Ridit (cumulative mid-point) ranks of ordered subgroups: Xⱼ = (Σ_{k<j} popₖ + popⱼ/2) / Σpop, with subgroups
 * sorted from the most disadvantaged (order 1, rank near 0) to the most advantaged (rank near 1).
 * `WHOequity/HEAT-Measures` R/utils.R `midPointProp`.
 */
export function riditRanks(populations: readonly number[]): number[] {
  const total = populations.reduce((acc, p) => acc + p, 0);
  let cum = 0;
  return populations.map((p) => {
    const mid = (cum + p / 2) / total;
    cum += p;
    return mid;
  });
}

/** Solve the 2×2 system [[a, b], [b, d]]·x = r; null when singular. Returns the inverse too. */
export function inverse2(a: number, b: number, d: number): [number, number, number] | null {
  const det = a * d - b * b;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-300) return null;
  return [d / det, -b / det, a / det];
}
