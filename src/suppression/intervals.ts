/**
 * The interval attacker (issue #10 item 2): what a reader can bound, not only solve, from what is shown.
 *
 * What the attacker knows: counts are whole numbers and never negative; for each cell the numerator n, the
 * people without the event m = d − n and the denominator d satisfy d = n + m (so n ≤ d); every margin
 * `total = Σ parts + c` holds for n, for m and for d (c, the groups not in the output, assumed known: the
 * conservative choice); every shown count. A hidden cell's published reason is only "suppressed", so the
 * reason adds nothing. Bounds are tightened over all of these relations to a fixed point (sound interval
 * propagation, also called bound tightening: every bound holds for every table consistent with the output).
 * The LP bounds of tau-Argus / sdcTable are at least as tight; propagation is the affordable audit here and
 * the property tests check it against a brute-force enumeration of every table consistent with the output.
 *
 * A hidden cell is protected when its n, its m and its d each keep an interval at least as wide as the cell
 * requires ({@link narrowCells}).
 */
import { LP_BAND, LP_CHECKS, lpNarrow } from './lp.js';
import type { Cell, Margin } from './table.js';

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

export interface IntervalInput {
  /** Every cell with its true counts (the caller knows them; the attacker only what is not `unknown`). */
  cells: readonly Cell[];
  margins: readonly Margin[];
  /** Hidden or unpublished cells. */
  unknown: ReadonlySet<string>;
  /**
   * Coarsened cells: the range [lo, hi] a reader knows n/d lies in (the published rate rounded to a step,
   * ± half the step). Adds lo·d ≤ n ≤ hi·d, and the same for m = d − n.
   */
  ratio?: ReadonlyMap<string, readonly [number, number]>;
}

export interface IntervalBounds {
  index: Map<string, number>;
  n: Bounds;
  m: Bounds;
  d: Bounds;
}

/**
 * The protection interval of a cell hidden for its own small counts: an attacker's interval for its
 * numerator, for its people without the event and for its denominator must each span at least this many
 * whole numbers beyond the smallest (hi − lo ≥ 3, so at least four values stay possible, e.g. 0–3 events).
 * Other hidden cells keep hi − lo ≥ 1 (never determined exactly).
 */
export const DEFAULT_PROTECTION_WIDTH = 3;

/** Margin visits allowed per margin before propagation stops (bounds stay sound, only less tight). */
const VISITS_PER_MARGIN = 400;

type Kind = 0 | 1 | 2; // n, m, d

/** Bounds of every cell's numerator, non-events and denominator an attacker can derive. */
export function intervalBounds(input: IntervalInput): IntervalBounds {
  const cells = input.cells;
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const size = cells.length;
  const mk = (): Bounds => ({ lo: new Float64Array(size), hi: new Float64Array(size).fill(Infinity) });
  const b: [Bounds, Bounds, Bounds] = [mk(), mk(), mk()];
  const [n, m, d] = b;
  // A table of plain counts (no numerators anywhere): n = 0 and m = d for every cell.
  const plain = cells.every((c) => c.numerator === null);
  const value = (c: Cell, k: Kind): number | null => {
    if (plain) return k === 0 ? 0 : c.denominator;
    if (k === 2) return c.denominator;
    if (c.numerator === null || c.denominator === null) return null;
    return k === 0 ? c.numerator : c.denominator - c.numerator;
  };
  const unknown = new Uint8Array(size);
  cells.forEach((c, i) => {
    if (plain) n.hi[i] = 0;
    if (input.unknown.has(c.id)) {
      unknown[i] = 1;
      return;
    }
    for (const k of [0, 1, 2] as const) {
      const v = value(c, k);
      if (v === null) continue;
      b[k].lo[i] = v;
      b[k].hi[i] = v;
    }
  });

  // Margins as index arrays, with their constants per kind (null: unknown constant, the margin is unusable).
  interface M {
    total: number;
    parts: Int32Array;
    c: [number | null, number | null, number | null];
  }
  const margins: M[] = [];
  const byCell: number[][] = Array.from({ length: size }, () => []);
  for (const mg of input.margins) {
    const total = index.get(mg.total);
    const parts = [...new Set(mg.parts)].map((p) => index.get(p));
    if (total === undefined || parts.some((p) => p === undefined)) continue;
    const ps = Int32Array.from(parts as number[]);
    if (![total, ...ps].some((i) => unknown[i])) continue; // nothing to learn
    const constant = (k: Kind): number | null => {
      const t = value(cells[total]!, k);
      if (t === null) return null;
      let sum = 0;
      for (const p of ps) {
        const v = value(cells[p]!, k);
        if (v === null) return null;
        sum += v;
      }
      return t - sum;
    };
    const mi = margins.length;
    margins.push({ total, parts: ps, c: [constant(0), constant(1), constant(2)] });
    byCell[total]!.push(mi);
    for (const p of ps) byCell[p]!.push(mi);
  }

  const queued = new Uint8Array(margins.length);
  const queue: number[] = [];
  const touched: number[] = [];
  const push = (mi: number): void => {
    if (queued[mi]) return;
    queued[mi] = 1;
    queue.push(mi);
  };
  const tighten = (k: Kind, i: number, lo: number, hi: number): void => {
    if (!unknown[i]) return;
    const l = Math.ceil(lo - 1e-9);
    const h = Math.floor(hi + 1e-9);
    const bk = b[k];
    let changed = false;
    if (l > bk.lo[i]!) {
      bk.lo[i] = l;
      changed = true;
    }
    if (h < bk.hi[i]!) {
      bk.hi[i] = h;
      changed = true;
    }
    if (changed) touched.push(i);
  };
  const ratio: (readonly [number, number] | undefined)[] = cells.map((c) => input.ratio?.get(c.id));
  // d = n + m within one cell; for a coarsened cell also lo·d ≤ n ≤ hi·d and (1 − hi)·d ≤ m ≤ (1 − lo)·d.
  const cell = (i: number): void => {
    const r = ratio[i];
    for (let pass = 0; pass < 2; pass++) {
      tighten(2, i, n.lo[i]! + m.lo[i]!, n.hi[i]! + m.hi[i]!);
      tighten(0, i, d.lo[i]! - m.hi[i]!, d.hi[i]! - m.lo[i]!);
      tighten(1, i, d.lo[i]! - n.hi[i]!, d.hi[i]! - n.lo[i]!);
      if (r) coarse(i, r);
    }
  };
  const coarse = (i: number, [lo, hi]: readonly [number, number]): void => {
    tighten(0, i, Math.max(0, lo) * d.lo[i]!, hi * d.hi[i]!);
    tighten(1, i, Math.max(0, 1 - hi) * d.lo[i]!, (1 - lo) * d.hi[i]!);
    tighten(2, i, n.lo[i]! / hi, lo > 0 ? n.hi[i]! / lo : Infinity);
    tighten(2, i, m.lo[i]! / (1 - lo), hi < 1 ? m.hi[i]! / (1 - hi) : Infinity);
  };
  const margin = (mi: number): void => {
    const mg = margins[mi]!;
    for (const k of [0, 1, 2] as const) {
      const c = mg.c[k];
      if (c === null) continue;
      const bk = b[k];
      let lo = 0;
      let hiFinite = 0;
      let hiInf = 0;
      for (const p of mg.parts) {
        lo += bk.lo[p]!;
        const h = bk.hi[p]!;
        if (h === Infinity) hiInf++;
        else hiFinite += h;
      }
      const hi = hiInf ? Infinity : hiFinite;
      tighten(k, mg.total, c + lo, c + hi);
      const tLo = bk.lo[mg.total]!;
      const tHi = bk.hi[mg.total]!;
      for (const p of mg.parts) {
        if (!unknown[p]) continue;
        const h = bk.hi[p]!;
        const othersHi = h === Infinity ? (hiInf > 1 ? Infinity : hiFinite) : hiInf ? Infinity : hiFinite - h;
        const othersLo = lo - bk.lo[p]!;
        tighten(k, p, tLo - c - othersHi, tHi - c - othersLo);
      }
    }
  };

  for (let i = 0; i < size; i++) if (unknown[i]) cell(i);
  for (let mi = 0; mi < margins.length; mi++) push(mi);
  let budget = VISITS_PER_MARGIN * Math.max(1, margins.length);
  while (queue.length && budget-- > 0) {
    const mi = queue.shift() as number;
    queued[mi] = 0;
    margin(mi);
    while (touched.length) {
      const i = touched.pop() as number;
      cell(i);
      for (const other of byCell[i]!) push(other);
    }
  }
  return { index, n, m, d };
}

/**
 * Cells whose interval is narrower than they require: `widths` maps a hidden cell to the width each of its
 * counts (n, d − n and d; d only for a plain count) must keep (1 = not determined exactly).
 */
export function narrowCells(input: IntervalInput, widths: ReadonlyMap<string, number>, lp = true): string[] {
  if (!widths.size) return [];
  const bounds = intervalBounds(input);
  const { index, n, m, d } = bounds;
  const plain = input.cells.every((c) => c.numerator === null);
  const zero = shownZeros(input, index);
  const out: string[] = [];
  // Cells propagation leaves open: all of them bounded again by linear and integer programming when there
  // are at most LP_CHECKS, else those it leaves only a little wider than required (within LP_BAND).
  const near = new Map<number, [number, boolean, boolean, boolean?]>();
  const wide = new Map<number, [number, boolean, boolean]>();
  for (const [id, w] of widths) {
    const i = index.get(id);
    if (i === undefined) continue;
    const open = (bk: Bounds, extra = 0): boolean => bk.hi[i]! - bk.lo[i]! >= w + extra;
    const zn = plain || zero.n[i] === 1;
    const zm = !plain && zero.m[i] === 1;
    const ok = (extra = 0): boolean =>
      (zn || open(n, extra)) && (zm || open(m, extra)) && (zn || zm || open(d, extra));
    if (!ok()) out.push(id);
    else if (lp) (ok(LP_BAND) ? wide : near).set(i, [w, zn, zm]);
  }
  // A wide cell is checked too, by the LP only (whole-number bounds on all of them cost too much).
  if (near.size + wide.size <= LP_CHECKS) for (const [i, v] of wide) near.set(i, [v[0], v[1], v[2], false]);
  if (out.length || !near.size) return out;
  // The narrowest first, at most LP_CHECKS of them per audit (the LP is the expensive step).
  const slack = (i: number): number =>
    Math.min(n.hi[i]! - n.lo[i]!, m.hi[i]! - m.lo[i]!, d.hi[i]! - d.lo[i]!);
  const check = new Map([...near].sort(([a], [b]) => slack(a) - slack(b) || a - b).slice(0, LP_CHECKS));
  return lpNarrow(input, bounds, check).map((i) => input.cells[i]!.id);
}

/**
 * Counts that a shown zero already gives away: every part of a total shown as 0 events is 0 events (and
 * likewise for people without the event), down every level of the margins. Zeros are shown (CMS: "none of
 * these people" is not a small count), so such a count is exempt from the protection width: hiding more
 * would not take back what the shown zero says.
 */
export function shownZeros(
  input: IntervalInput,
  index: ReadonlyMap<string, number> = new Map(input.cells.map((c, i) => [c.id, i])),
): { n: Uint8Array; m: Uint8Array } {
  const size = input.cells.length;
  const n = new Uint8Array(size);
  const m = new Uint8Array(size);
  if (input.cells.every((c) => c.numerator === null)) return { n, m };
  input.cells.forEach((c, i) => {
    if (input.unknown.has(c.id) || c.numerator === null || c.denominator === null) return;
    if (c.numerator === 0) n[i] = 1;
    if (c.denominator === c.numerator) m[i] = 1;
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const mg of input.margins) {
      const t = index.get(mg.total);
      if (t === undefined) continue;
      for (const z of [n, m]) {
        if (!z[t]) continue;
        for (const id of mg.parts) {
          const p = index.get(id);
          if (p !== undefined && !z[p]) [z[p], changed] = [1, true];
        }
      }
    }
  }
  return { n, m };
}
