/**
 * Test helper: an interval attacker written independently of intervals.ts. It knows every relation
 * (`total = Σ parts + c`, c from the true table) for numerators, denominators and the people without the
 * event (d − n), that counts are whole and non-negative, that d = n + (d − n), and every shown value (the
 * published reason is only "suppressed", so it tells nothing), and for a group published coarsened that
 * its n/d lies within [lo, hi] (its rounded rate ± half the step). It tightens each hidden cell's [lo, hi]
 * until nothing changes and returns each hidden cell's ranges.
 */
import type { Relation } from './attacker.js';

type Pair = [number | null, number | null];
export interface Ranges {
  n: [number, number];
  m: [number, number];
  d: [number, number];
}

export function intervalRanges(
  relations: readonly Relation[],
  truth: ReadonlyMap<string, Pair>,
  shown: ReadonlyMap<string, Pair>,
  /** Denominators read elsewhere (another measure over the same people), for cells hidden here. */
  knownD: ReadonlyMap<string, number> = new Map(),
  /** Groups published coarsened: the range their n/d is known to lie in. */
  rates: ReadonlyMap<string, readonly [number, number]> = new Map(),
): Map<string, Ranges> {
  const ids = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]))];
  const K = ['n', 'm', 'd'] as const;
  type K = (typeof K)[number];
  const of = (p: Pair | undefined, k: K): number | null => {
    if (!p || p[0] === null || p[1] === null) return null;
    return k === 'n' ? p[0] : k === 'd' ? p[1] : p[1] - p[0];
  };
  const box = new Map<string, Record<K, [number, number]>>();
  for (const id of ids) {
    const s = shown.get(id);
    const r = {} as Record<K, [number, number]>;
    for (const k of K) {
      const v = of(s, k);
      r[k] = v === null ? [0, Infinity] : [v, v];
    }
    const d = knownD.get(id);
    if (d !== undefined && of(s, 'd') === null) r.d = [d, d];
    box.set(id, r);
  }
  for (let changed = true, rounds = 0; changed && rounds < 5000; rounds++) {
    changed = false;
    const set = (id: string, k: K, lo: number, hi: number) => {
      const b = box.get(id)![k];
      if (Math.ceil(lo) > b[0]) [b[0], changed] = [Math.ceil(lo), true];
      if (Math.floor(hi) < b[1]) [b[1], changed] = [Math.floor(hi), true];
    };
    for (const r of relations) {
      for (const k of K) {
        const c = (of(truth.get(r.total), k) ?? 0) - r.parts.reduce((a, p) => a + (of(truth.get(p), k) ?? 0), 0);
        const lo = (id: string) => box.get(id)![k][0];
        const hi = (id: string) => box.get(id)![k][1];
        set(r.total, k, c + r.parts.reduce((a, p) => a + lo(p), 0), c + r.parts.reduce((a, p) => a + hi(p), 0));
        for (const p of r.parts) {
          const others = r.parts.filter((q) => q !== p);
          const othersHi = others.reduce((a, q) => a + hi(q), 0);
          const othersLo = others.reduce((a, q) => a + lo(q), 0);
          set(p, k, othersHi === Infinity ? 0 : lo(r.total) - c - othersHi, hi(r.total) - c - othersLo);
        }
      }
    }
    for (const id of ids) {
      const b = box.get(id)!;
      set(id, 'd', b.n[0] + b.m[0], b.n[1] + b.m[1]);
      set(id, 'n', b.d[0] - b.m[1], b.d[1] - b.m[0]);
      set(id, 'm', b.d[0] - b.n[1], b.d[1] - b.n[0]);
      const q = rates.get(id);
      if (!q) continue;
      // lo ≤ n/d ≤ hi, so lo·d ≤ n ≤ hi·d and (1 − hi)·d ≤ d − n ≤ (1 − lo)·d (a little slack for floats).
      const [lo, hi] = [q[0] - 1e-9, q[1] + 1e-9];
      set(id, 'n', Math.max(0, lo) * b.d[0], hi * b.d[1]);
      set(id, 'm', Math.max(0, 1 - hi) * b.d[0], (1 - lo) * b.d[1]);
      set(id, 'd', b.n[0] / hi, lo > 0 ? b.n[1] / lo : Infinity);
      set(id, 'd', b.m[0] / (1 - lo), hi < 1 ? b.m[1] / (1 - hi) : Infinity);
    }
  }
  const out = new Map<string, Ranges>();
  for (const id of ids) if (of(shown.get(id), 'd') === null) out.set(id, box.get(id)!);
  return out;
}

/**
 * Counts a shown zero gives away (the policy shows zeros): parts, at any depth, of a total shown with 0
 * events (`n`) or 0 people without the event (`m`). Such a count needs no protection width.
 */
export function zerosGivenAway(
  relations: readonly Relation[],
  shown: ReadonlyMap<string, Pair>,
): { n: Set<string>; m: Set<string> } {
  const n = new Set<string>();
  const m = new Set<string>();
  for (const [id, [a, b]] of shown) {
    if (a === 0) n.add(id);
    if (a !== null && b !== null && a === b) m.add(id);
  }
  for (const z of [n, m]) {
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of relations)
        if (z.has(r.total)) for (const p of r.parts) if (!z.has(p)) [grew] = [true, z.add(p)];
    }
  }
  return { n, m };
}
