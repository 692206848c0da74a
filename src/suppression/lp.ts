/**
 * Linear-programming bounds (issue #10 item 2, the limit of interval propagation): for a hidden cell that
 * propagation leaves narrow, the smallest and largest n, m = d − n and d over every real-valued table
 * consistent with what is published — the protection-interval bounds of tau-Argus / sdcTable. Any
 * whole-number table an attacker could find is one of them, so the bounds hold (ceil/floor of the LP
 * optimum); on linked three-way tables they are tighter than propagation, which sees one relation at a time.
 *
 * Each LP is local: the unknown cells within {@link HOPS} relations of the target (at most
 * {@link MAX_CELLS}), every relation touching them with the cells outside replaced by their propagated
 * bounds (a relaxation, so still sound), the propagated bounds of every variable, d = n + m, and a
 * coarsened cell's rounded rate (lo·d ≤ n ≤ hi·d). Solved with YALPS (a small simplex).
 *
 * When the LP leaves the width, the same local model is solved again in whole numbers (YALPS branch and
 * bound, at most {@link ILP_ITERATIONS} iterations): a range open in real numbers can be closed in whole
 * numbers (parity-like gaps on three-way tables), and the attacker counts whole people. Still a
 * relaxation of the attacker's whole-number tables (the cells outside are bounds), so the integer bounds
 * hold; a bound branch and bound does not prove within its guard counts as too narrow, and the audit
 * hides another complement.
 */
import { solve, type Constraint } from 'yalps';
import type { IntervalBounds, IntervalInput } from './intervals.js';

/** Relations walked out from the target (breadth first, until {@link MAX_CELLS}). */
export const HOPS = 8;
/** Unknown cells in one local LP at most (the nearest first). */
export const MAX_CELLS = 40;
/** Propagated ranges at most this much wider than the required width get an LP check. */
export const LP_BAND = 6;
/** Cells bounded by LP in one audit at most, the narrowest first (keeps the demo's audit affordable). */
export const LP_CHECKS = 60;
/**
 * Branch-and-bound iterations per integer bound (YALPS `maxIterations`, deterministic). A bound not proven
 * within it counts as too narrow: the audit hides another complement instead of trusting the LP.
 */
export const ILP_ITERATIONS = 60;

type Kind = 0 | 1 | 2; // n, m, d (= n + m)
const EPS = 1e-6;

interface Local {
  cells: number[];
  /** Each constraint: coefficients over (cell, kind) variables and its range. */
  rows: { terms: [number, Kind, number][]; lo: number; hi: number }[];
}

/** Margins as index arrays (built once per audit). */
export interface LpMargins {
  list: { total: number; parts: number[]; c: (number | null)[] }[];
  byCell: number[][];
}

export function lpMargins(input: IntervalInput, index: ReadonlyMap<string, number>): LpMargins {
  const value = (i: number, k: Kind): number | null => {
    const c = input.cells[i]!;
    if (k === 2) return c.denominator;
    if (c.numerator === null || c.denominator === null) return null;
    return k === 0 ? c.numerator : c.denominator - c.numerator;
  };
  const list: LpMargins['list'] = [];
  const byCell: number[][] = input.cells.map(() => []);
  for (const mg of input.margins) {
    const total = index.get(mg.total);
    const parts = [...new Set(mg.parts)].map((p) => index.get(p));
    if (total === undefined || parts.some((p) => p === undefined)) continue;
    const ps = parts as number[];
    const c = ([0, 1, 2] as const).map((k) => {
      const t = value(total, k);
      if (t === null) return null;
      let sum = 0;
      for (const p of ps) {
        const v = value(p, k);
        if (v === null) return null;
        sum += v;
      }
      return t - sum;
    });
    const mi = list.length;
    list.push({ total, parts: ps, c });
    for (const i of [total, ...ps]) byCell[i]!.push(mi);
  }
  return { list, byCell };
}

/** The unknown cells near `target`, and the relations among them (outside cells as bounds). */
function localModel(
  target: number,
  unknown: Uint8Array,
  b: IntervalBounds,
  ms: LpMargins,
  ratio: ReadonlyMap<number, readonly [number, number]>,
): Local {
  const kinds = [b.n, b.m, b.d];
  const inSet = new Map<number, number>([[target, 0]]);
  let layer = [target];
  for (let hop = 0; hop < HOPS && inSet.size < MAX_CELLS; hop++) {
    const next: number[] = [];
    for (const i of layer)
      for (const mi of ms.byCell[i]!)
        for (const j of [ms.list[mi]!.total, ...ms.list[mi]!.parts]) {
          if (!unknown[j] || inSet.has(j) || inSet.size >= MAX_CELLS) continue;
          inSet.set(j, hop + 1);
          next.push(j);
        }
    layer = next;
  }
  const rows: Local['rows'] = [];
  const seen = new Set<number>();
  for (const i of inSet.keys()) {
    for (const mi of ms.byCell[i]!) {
      if (seen.has(mi)) continue;
      seen.add(mi);
      const mg = ms.list[mi]!;
      for (const k of [0, 1, 2] as const) {
        const c = mg.c[k];
        if (c === null || c === undefined) continue;
        // Σ parts − total = −c; known cells move to the right, unknown cells outside become bounds.
        const terms: [number, Kind, number][] = [];
        let lo = -c;
        let hi = -c;
        const add = (j: number, coef: number): void => {
          if (inSet.has(j)) return void terms.push([j, k, coef]);
          const bk = kinds[k]!;
          const [l, h] = unknown[j] ? [bk.lo[j]!, bk.hi[j]!] : [bk.lo[j]!, bk.lo[j]!];
          // coef·x with x ∈ [l, h] moves to the right: rhs − coef·x.
          if (coef > 0) [lo, hi] = [lo - coef * h, hi - coef * l];
          else [lo, hi] = [lo - coef * l, hi - coef * h];
        };
        for (const p of mg.parts) add(p, 1);
        add(mg.total, -1);
        if (terms.length) rows.push({ terms, lo, hi });
      }
    }
  }
  for (const i of inSet.keys()) {
    const r = ratio.get(i);
    if (!r) continue;
    // n − lo·d ≥ 0 and hi·d − n ≥ 0, with d = n + m.
    rows.push({
      terms: [
        [i, 0, 1 - r[0]],
        [i, 1, -r[0]],
      ],
      lo: -EPS,
      hi: Infinity,
    });
    rows.push({
      terms: [
        [i, 0, r[1] - 1],
        [i, 1, r[1]],
      ],
      lo: -EPS,
      hi: Infinity,
    });
  }
  return { cells: [...inSet.keys()], rows };
}

/**
 * min and max of the target's kind `k` over the local model: in real numbers (`integer` false; the
 * propagated bounds when the LP fails), or, given `width`, in whole numbers (branch and bound; the
 * smallest only down to largest − width; null when it stops at {@link ILP_ITERATIONS} without proving
 * both, so the caller protects the cell rather than trust it). `integral.ok` is left true when every real
 * optimum found is a whole-number table (then it is the whole-number optimum as well).
 */
function extremes(
  local: Local,
  target: number,
  k: Kind,
  b: IntervalBounds,
  width?: number,
  integral?: { ok: boolean },
): [number, number] | null {
  const integer = width !== undefined;
  const kinds = [b.n, b.m, b.d];
  const constraints = new Map<string, Constraint>();
  const columns = new Map<string, Map<string, number>>();
  const col = (i: number, kind: 0 | 1): Map<string, number> => {
    const key = `${i}:${kind}`;
    let c = columns.get(key);
    if (!c) columns.set(key, (c = new Map()));
    return c;
  };
  const range = (lo: number, hi: number): Constraint =>
    hi === Infinity ? { min: lo } : lo === -Infinity ? { max: hi } : { min: lo, max: hi };
  local.rows.forEach((row, r) => {
    constraints.set(`r${r}`, range(row.lo - EPS, row.hi + EPS));
    for (const [i, kind, coef] of row.terms) {
      for (const v of kind === 2 ? ([0, 1] as const) : [kind]) {
        const c = col(i, v);
        c.set(`r${r}`, (c.get(`r${r}`) ?? 0) + coef);
      }
    }
  });
  for (const i of local.cells) {
    for (const kind of [0, 1, 2] as const) {
      const bk = kinds[kind]!;
      constraints.set(`b${i}:${kind}`, range(bk.lo[i]!, bk.hi[i]!));
      for (const v of kind === 2 ? ([0, 1] as const) : [kind]) col(i, v).set(`b${i}:${kind}`, 1);
    }
  }
  for (const v of k === 2 ? ([0, 1] as const) : [k]) {
    col(target, v).set('objective', 1);
    if (width !== undefined) col(target, v).set('floor', 1);
  }
  const bk = kinds[k]!;
  const out: [number, number] = [bk.lo[target]!, bk.hi[target]!];
  // Whole numbers: the largest first, then the smallest down to largest − width only (enough to decide,
  // and branch and bound stops as soon as a whole table reaches it).
  const order =
    width === undefined ? (['minimize', 'maximize'] as const) : (['maximize', 'minimize'] as const);
  for (const direction of order) {
    if (width !== undefined && direction === 'minimize') constraints.set('floor', { min: out[1] - width });
    const model = { direction, objective: 'objective', constraints, variables: columns, integers: integer };
    const s = solve(model, { includeZeroVariables: false, maxIterations: ILP_ITERATIONS });
    if (s.status !== 'optimal') {
      if (integer) return null;
      if (integral) integral.ok = false;
      continue;
    }
    // An LP optimum at a whole-number table is the whole-number optimum too (nothing for branch and bound).
    if (integral && !s.variables.every(([, v]) => Math.abs(v - Math.round(v)) < 1e-5)) integral.ok = false;
    if (direction === 'minimize') out[0] = Math.max(out[0], Math.ceil(s.result - 1e-4));
    else out[1] = Math.min(out[1], Math.floor(s.result + 1e-4));
  }
  return out;
}

/**
 * Is count `k` (n or m) of `target` 0 by what the shown zeros say alone (every other count unknown)?
 * Such a count is given away by zeros, which the policy shows, so it needs no width ("a count a shown
 * zero gives away", intervals.ts, along any chain of relations, not only down from a zero total).
 */
function zeroPinned(target: number, k: 0 | 1, input: IntervalInput, ms: LpMargins): boolean {
  const cells = input.cells;
  const zero = (j: number): boolean => {
    const c = cells[j]!;
    if (input.unknown.has(c.id) || c.numerator === null || c.denominator === null) return false;
    return (k === 0 ? c.numerator : c.denominator - c.numerator) === 0;
  };
  const inSet = new Set([target]);
  let layer = [target];
  while (layer.length && inSet.size < MAX_CELLS * 2) {
    const next: number[] = [];
    for (const i of layer)
      for (const mi of ms.byCell[i]!)
        for (const j of [ms.list[mi]!.total, ...ms.list[mi]!.parts])
          if (!inSet.has(j) && inSet.size < MAX_CELLS * 2) {
            inSet.add(j);
            next.push(j);
          }
    layer = next;
  }
  const constraints = new Map<string, Constraint>();
  const columns = new Map<string, Map<string, number>>();
  const col = (j: number): Map<string, number> => {
    let c = columns.get(`${j}`);
    if (!c) columns.set(`${j}`, (c = new Map()));
    return c;
  };
  const seen = new Set<number>();
  for (const i of inSet)
    for (const mi of ms.byCell[i]!) {
      if (seen.has(mi)) continue;
      seen.add(mi);
      const mg = ms.list[mi]!;
      const c = mg.c[k];
      const members = [mg.total, ...mg.parts];
      // Only relations wholly inside (an outside count is unbounded: the relation says nothing).
      if (c === null || c === undefined || members.some((j) => !inSet.has(j))) continue;
      constraints.set(`r${mi}`, { min: -c - EPS, max: -c + EPS });
      for (const p of mg.parts) col(p).set(`r${mi}`, (col(p).get(`r${mi}`) ?? 0) + 1);
      col(mg.total).set(`r${mi}`, (col(mg.total).get(`r${mi}`) ?? 0) - 1);
    }
  for (const j of inSet) {
    if (!zero(j)) continue;
    constraints.set(`z${j}`, { max: 0 });
    col(j).set(`z${j}`, 1);
  }
  col(target).set('objective', 1);
  const s = solve(
    { direction: 'maximize', objective: 'objective', constraints, variables: columns },
    { includeZeroVariables: false },
  );
  return s.status === 'optimal' && s.result < 1 - 1e-4;
}

/**
 * Cells among `check` whose LP range of n, m or d (each not exempted by a shown zero) is narrower than
 * their width. `check`: cell index → [width, exempt n, exempt m].
 */
export function lpNarrow(
  input: IntervalInput,
  b: IntervalBounds,
  check: ReadonlyMap<number, [number, boolean, boolean, boolean?]>,
): number[] {
  const unknown = new Uint8Array(input.cells.length);
  input.cells.forEach((c, i) => {
    if (input.unknown.has(c.id)) unknown[i] = 1;
  });
  const ratio = new Map<number, readonly [number, number]>();
  for (const [id, r] of input.ratio ?? []) {
    const i = b.index.get(id);
    if (i !== undefined) ratio.set(i, r);
  }
  const ms = lpMargins(input, b.index);
  const out: number[] = [];
  for (const [i, [w, zn, zm, strict = true]] of check) {
    const local = localModel(i, unknown, b, ms, ratio);
    const kinds: Kind[] = [
      ...(zn ? [] : [0 as const]),
      ...(zm ? [] : [1 as const]),
      ...(zn || zm ? [] : [2 as const]),
    ];
    for (const k of kinds) {
      // The LP first (cheap); when it leaves the width, whole numbers on the same model: a range open in
      // real numbers can be closed in whole numbers (parity-like), and the attacker counts whole people.
      const integral = { ok: true };
      const real = extremes(local, i, k, b, undefined, integral) ?? [0, 0];
      const whole = strict && !integral.ok && real[1] - real[0] >= w ? extremes(local, i, k, b, w) : real;
      if (whole ? whole[1] - whole[0] >= w : !strict) continue;
      if (whole && k !== 2 && whole[1] === 0 && zeroPinned(i, k, input, ms)) continue;
      out.push(i);
      break;
    }
  }
  return out;
}
