/** Test support: an independent least-squares solver to check `leastSquares` against. */

/** Independent solution by modified Gram–Schmidt QR: R β = Qᵀy, then back-substitution. */
export function qrSolve(x: number[][], y: number[]): number[] {
  const p = x[0]!.length;
  const cols = Array.from({ length: p }, (_, j) => x.map((r) => r[j]!));
  const r = Array.from({ length: p }, () => Array<number>(p).fill(0));
  const q: number[][] = [];
  for (let j = 0; j < p; j++) {
    let v = [...cols[j]!];
    for (let i = 0; i < j; i++) {
      r[i]![j] = q[i]!.reduce((s, qi, k) => s + qi * v[k]!, 0);
      v = v.map((vk, k) => vk - r[i]![j]! * q[i]![k]!);
    }
    r[j]![j] = Math.hypot(...v);
    q.push(v.map((vk) => vk / r[j]![j]!));
  }
  const qty = q.map((qi) => qi.reduce((s, v, k) => s + v * y[k]!, 0));
  const b = Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) s -= r[i]![j]! * b[j]!;
    b[i] = s / r[i]![i]!;
  }
  return b;
}
