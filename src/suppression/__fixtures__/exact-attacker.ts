/**
 * Test helper: the exact attacker on small tables, written independently of intervals.ts. For one kind of
 * count (numerators, or people without the event d − n) it knows every relation `total = Σ parts + c`
 * (c from the true table), every shown value, and that counts are whole and non-negative. It finds, by a
 * complete branch-and-bound search over whole-number tables, the true smallest and largest value of each
 * hidden count. (The relations hold for n and for d, so for m = d − n too; with no other link between n and
 * m, the tables consistent with the output are every consistent n-table with every consistent m-table:
 * d is pinned exactly when both are.)
 *
 * The search stops widening a cell's range once it reaches `enough`, so the cost stays small.
 */
import type { Relation } from './attacker.js';

interface Row {
  vars: number[]; // +1 total, −1 parts, over variable indices
  coef: number[];
  rhs: number; // Σ coef·x = rhs
}

export function exactRanges(
  relations: readonly Relation[],
  truth: ReadonlyMap<string, number>,
  shown: ReadonlySet<string>,
  enough: number,
): Map<string, { lo: number; hi: number }> {
  const ids = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]))].filter((id) => !shown.has(id));
  const col = new Map(ids.map((id, i) => [id, i]));
  const rows: Row[] = [];
  for (const r of relations) {
    const terms = new Map<number, number>();
    let rhs = 0;
    const add = (id: string, c: number): void => {
      const j = col.get(id);
      if (j === undefined) rhs -= c * (truth.get(id) ?? 0);
      else terms.set(j, (terms.get(j) ?? 0) + c);
    };
    // total − Σ parts = c, with c from the truth.
    const c = (truth.get(r.total) ?? 0) - r.parts.reduce((a, p) => a + (truth.get(p) ?? 0), 0);
    rhs += c;
    add(r.total, 1);
    for (const p of r.parts) add(p, -1);
    const vars = [...terms].filter(([, k]) => k !== 0);
    if (vars.length) rows.push({ vars: vars.map(([j]) => j), coef: vars.map(([, k]) => k), rhs });
  }
  const cap = Math.max(1, ...[...truth.values()].map((v) => Math.abs(v))) * 4;

  /** Tighten [lo, hi] over the rows; false when empty. */
  const propagate = (lo: number[], hi: number[]): boolean => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const row of rows) {
        // Σ coef·x = rhs → for each x_j: coef_j·x_j = rhs − Σ_{others}.
        let minRest = 0;
        let maxRest = 0;
        for (let t = 0; t < row.vars.length; t++) {
          const j = row.vars[t]!;
          const k = row.coef[t]!;
          minRest += k > 0 ? k * lo[j]! : k * hi[j]!;
          maxRest += k > 0 ? k * hi[j]! : k * lo[j]!;
        }
        for (let t = 0; t < row.vars.length; t++) {
          const j = row.vars[t]!;
          const k = row.coef[t]!;
          const own = [k > 0 ? k * lo[j]! : k * hi[j]!, k > 0 ? k * hi[j]! : k * lo[j]!];
          const a = row.rhs - (maxRest - own[1]!);
          const b = row.rhs - (minRest - own[0]!);
          // k·x ∈ [a, b]
          const l = k > 0 ? Math.ceil(a / k) : Math.ceil(b / k);
          const h = k > 0 ? Math.floor(b / k) : Math.floor(a / k);
          if (l > lo[j]!) [lo[j], changed] = [l, true];
          if (h < hi[j]!) [hi[j], changed] = [h, true];
          if (lo[j]! > hi[j]!) return false;
        }
      }
    }
    return true;
  };

  /** Is there a whole-number table within [lo, hi]? (complete: splits ranges in halves) */
  const feasible = (lo0: number[], hi0: number[]): boolean => {
    const lo = [...lo0];
    const hi = [...hi0];
    if (!propagate(lo, hi)) return false;
    let j = -1;
    for (let i = 0; i < ids.length; i++) if (hi[i]! > lo[i]! && (j < 0 || hi[i]! - lo[i]! < hi[j]! - lo[j]!)) j = i;
    if (j < 0) return rows.every((r) => r.vars.reduce((a, v, t) => a + r.coef[t]! * lo[v]!, 0) === r.rhs);
    const mid = Math.floor((lo[j]! + hi[j]!) / 2);
    const leftHi = [...hi];
    leftHi[j] = mid;
    if (feasible(lo, leftHi)) return true;
    const rightLo = [...lo];
    rightLo[j] = mid + 1;
    return feasible(rightLo, hi);
  };

  const baseLo = ids.map(() => 0);
  const baseHi = ids.map(() => cap);
  const out = new Map<string, { lo: number; hi: number }>();
  ids.forEach((id, j) => {
    const v = truth.get(id) ?? 0;
    let lo = v;
    let hi = v;
    const can = (x: number): boolean => {
      if (x < 0 || x > cap) return false;
      const l = [...baseLo];
      const h = [...baseHi];
      l[j] = x;
      h[j] = x;
      return feasible(l, h);
    };
    // Widen one step at a time on either side (a whole-number solution set of one variable need not be an
    // interval, but the range from the smallest to the largest is what an attacker bounds).
    for (let step = 1; hi - lo < enough && step <= enough; step++) {
      if (can(v + step)) hi = v + step;
      if (hi - lo >= enough) break;
      if (can(v - step)) lo = v - step;
    }
    out.set(id, { lo, hi });
  });
  return out;
}
