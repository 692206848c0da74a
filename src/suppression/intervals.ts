/**
 * The interval attacker (issue #10 item 2): what a reader can bound, not only solve, from what is shown.
 * Counts are whole numbers, never negative, a numerator never exceeds its denominator, every margin
 * `total = Σ parts + c` holds (c, the groups not in the output, assumed known), and a published
 * `small_denominator` reason says 1 ≤ d ≤ threshold − 1. Bounds are propagated through the margins to a
 * fixed point (sound: every bound holds for every table consistent with the output; the LP bounds of
 * tau-Argus are at least as tight). A hidden cell is protected when both its counts keep an interval at
 * least `width` wide.
 */
import type { Cell, Margin } from './table.js';

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

interface Input {
  cells: readonly Cell[];
  margins: readonly Margin[];
  unknown: ReadonlySet<string>;
  /** Hidden cells whose published reason says 1 ≤ d ≤ threshold − 1. */
  smallDenominator: ReadonlySet<string>;
  threshold: number;
}

/** Bounds of every cell's numerator and denominator an attacker can derive. */
export function intervalBounds(input: Input): { index: Map<string, number>; n: Bounds; d: Bounds } {
  const index = new Map(input.cells.map((c, i) => [c.id, i]));
  const size = input.cells.length;
  const mk = (): Bounds => ({ lo: new Float64Array(size), hi: new Float64Array(size).fill(Infinity) });
  const n = mk();
  const d = mk();
  input.cells.forEach((c, i) => {
    if (input.unknown.has(c.id)) {
      if (input.smallDenominator.has(c.id)) {
        d.lo[i] = 1;
        d.hi[i] = input.threshold - 1;
      }
      return;
    }
    for (const [b, v] of [
      [n, c.numerator],
      [d, c.denominator],
    ] as const) {
      if (v === null) continue;
      b.lo[i] = v;
      b.hi[i] = v;
    }
  });
  const margins = input.margins
    .map((m) => ({ total: index.get(m.total), parts: [...new Set(m.parts)].map((p) => index.get(p)) }))
    .filter(
      (m): m is { total: number; parts: number[] } =>
        m.total !== undefined && !m.parts.includes(undefined as never),
    );
  const constant = (m: { total: number; parts: number[] }, k: 'numerator' | 'denominator'): number | null => {
    const t = input.cells[m.total]![k];
    if (t === null) return null;
    let sum = 0;
    for (const p of m.parts) {
      const v = input.cells[p]![k];
      if (v === null) return null;
      sum += v;
    }
    return t - sum;
  };
  const consts = margins.map((m) => ({ n: constant(m, 'numerator'), d: constant(m, 'denominator') }));
  for (let round = 0, changed = true; changed && round < 50; round++) {
    changed = false;
    const tighten = (b: Bounds, i: number, lo: number, hi: number): void => {
      const l = Math.ceil(lo - 1e-9);
      const h = Math.floor(hi + 1e-9);
      if (l > b.lo[i]!) {
        b.lo[i] = l;
        changed = true;
      }
      if (h < b.hi[i]!) {
        b.hi[i] = h;
        changed = true;
      }
    };
    margins.forEach((m, mi) => {
      for (const [b, c] of [
        [n, consts[mi]!.n],
        [d, consts[mi]!.d],
      ] as const) {
        if (c === null) continue;
        let sumLo = 0;
        let sumHi = 0;
        for (const p of m.parts) {
          sumLo += b.lo[p]!;
          sumHi += b.hi[p]!;
        }
        tighten(b, m.total, c + sumLo, c + sumHi);
        for (const p of m.parts) {
          const otherHi = sumHi - b.hi[p]!;
          const otherLo = sumLo - b.lo[p]!;
          const lo = Number.isFinite(otherHi) ? b.lo[m.total]! - c - otherHi : -Infinity;
          tighten(b, p, lo, b.hi[m.total]! - c - otherLo);
        }
      }
    });
    for (let i = 0; i < size; i++) {
      tighten(n, i, n.lo[i]!, d.hi[i]!);
      tighten(d, i, n.lo[i]!, d.hi[i]!);
    }
  }
  return { index, n, d };
}

/** Protected cells whose numerator or denominator interval is narrower than `width`. */
export function narrowCells(input: Input, protect: readonly string[], width: number): string[] {
  const { index, n, d } = intervalBounds(input);
  return protect.filter((id) => {
    const i = index.get(id);
    if (i === undefined) return false;
    const c = input.cells[i]!;
    const nOpen = c.numerator === null || n.hi[i]! - n.lo[i]! >= width;
    const dOpen = c.denominator === null || d.hi[i]! - d.lo[i]! >= width;
    return !(nOpen && dOpen);
  });
}
