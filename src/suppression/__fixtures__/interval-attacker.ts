/**
 * Test helper: an interval attacker written independently of intervals.ts. It knows every relation
 * (`total = Σ parts + c`, c from the true table), that counts are whole and non-negative, that n ≤ d, and
 * that a cell published as `small_denominator` has 1 ≤ d ≤ threshold − 1. It tightens each hidden cell's
 * [lo, hi] until nothing changes and returns the cells whose numerator or denominator is pinned.
 */
import type { Relation } from './attacker.js';

type Pair = [number | null, number | null];

export function intervalAttack(
  relations: readonly Relation[],
  truth: ReadonlyMap<string, Pair>,
  shown: ReadonlyMap<string, Pair>,
  smallDenominator: ReadonlySet<string>,
  threshold: number,
): Set<string> {
  const ids = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]))];
  const box = new Map<string, { lo: [number, number]; hi: [number, number] }>();
  for (const id of ids) {
    const s = shown.get(id);
    if (s && s[0] !== null && s[1] !== null) box.set(id, { lo: [s[0], s[1]], hi: [s[0], s[1]] });
    else if (smallDenominator.has(id)) box.set(id, { lo: [0, 1], hi: [threshold - 1, threshold - 1] });
    else box.set(id, { lo: [0, 0], hi: [Infinity, Infinity] });
  }
  const value = (id: string, k: 0 | 1): number => truth.get(id)?.[k] ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    const set = (id: string, k: 0 | 1, lo: number, hi: number) => {
      const b = box.get(id)!;
      if (Math.ceil(lo) > b.lo[k]) [b.lo[k], changed] = [Math.ceil(lo), true];
      if (Math.floor(hi) < b.hi[k]) [b.hi[k], changed] = [Math.floor(hi), true];
    };
    for (const r of relations) {
      for (const k of [0, 1] as const) {
        const c = value(r.total, k) - r.parts.reduce((a, p) => a + value(p, k), 0);
        const lo = (id: string) => box.get(id)!.lo[k];
        const hi = (id: string) => box.get(id)!.hi[k];
        set(r.total, k, c + r.parts.reduce((a, p) => a + lo(p), 0), c + r.parts.reduce((a, p) => a + hi(p), 0));
        for (const p of r.parts) {
          const others = r.parts.filter((q) => q !== p);
          const othersHi = others.reduce((a, q) => a + hi(q), 0);
          set(p, k, othersHi === Infinity ? 0 : lo(r.total) - c - othersHi, hi(r.total) - c - others.reduce((a, q) => a + lo(q), 0));
        }
      }
    }
    for (const id of ids) {
      const b = box.get(id)!;
      set(id, 0, b.lo[0], b.hi[1]);
      set(id, 1, b.lo[0], b.hi[1]);
    }
  }
  const pinned = new Set<string>();
  for (const id of ids) {
    if (shown.get(id)?.[1] != null) continue;
    const b = box.get(id)!;
    if (b.lo[0] === b.hi[0] || b.lo[1] === b.hi[1]) pinned.add(id);
  }
  return pinned;
}
