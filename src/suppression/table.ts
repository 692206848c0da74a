/**
 * Small-cell suppression over linked tables: primary suppression, then complementary suppression until no
 * hidden cell can be recovered by subtraction.
 *
 * A table is a set of cells (each a numerator/denominator pair, or a plain count) and margins: additive
 * relations `total = Σ parts (+ a constant)`. Groups of one stratifier sum to the overall, per-period cells
 * sum to the all-period cell, intersections sum to their parents, and the Unknown/Declined/Missing groups
 * are parts like any other. The constant covers groups that are not in the output; it is assumed known to
 * an attacker (the conservative choice), so a margin is exploitable exactly when one of its members is
 * unknown.
 *
 * Complementary suppression is audit-driven: run the attacker ({@link recoverBySubtraction}: repeatedly,
 * for each margin with exactly one unknown member, derive it); if it recovers any hidden cell, hide one more
 * cell of the margin it used, and repeat. When peeling opens nothing, the margins are audited as one linear
 * system (linear.ts), then bounded (intervals.ts): no hidden cell may be determined exactly, and a cell
 * hidden for its own small counts keeps a protection interval ({@link DEFAULT_PROTECTION_WIDTH}).
 * Complements are chosen least-cost first ({@link rank}): the cheapest cell that can protect the target
 * (cost: its units, a tenth for Unknown/Missing/Declined cells, ten times for the measure's overall; see
 * cells.ts), or the cheapest of a few small cells that together would. Numerators and denominators share
 * the margins, so one pattern protects both.
 * Cells that are not published (e.g. a facet total nobody printed) start unknown but are never chosen.
 */
import type { SuppressionReason } from '../model/index.js';
import { DEFAULT_PROTECTION_WIDTH, narrowCells, shownZeros } from './intervals.js';
import { determinedCells } from './linear.js';
import { marginIndex, peel, unknownMask, type MarginIndex } from './peel.js';
import { primaryReason, type PrimaryOptions } from './primary.js';

export interface Cell {
  id: string;
  /** null for a plain count (then `denominator` holds the count). */
  numerator: number | null;
  denominator: number | null;
  /** False for a cell that is linked by margins but not printed anywhere (default true). */
  published?: boolean;
  /**
   * What hiding it costs, when it is chosen as a complement (default: its denominator, the units hidden).
   * Complements are chosen cheapest first (see {@link rank}).
   */
  cost?: number;
  /**
   * The cell may be published coarsened instead of hidden (counts withheld, n/d rounded to this step), when
   * it is many times larger than the small cell it protects ({@link COARSEN_FACTOR}).
   */
  step?: number;
  /** Already published coarsened (a public file audited again): its rounded n/d and the step. */
  coarse?: { rate: number; step: number };
}

/** `total = Σ parts (+ a constant known to everyone)`. */
export interface Margin {
  total: string;
  parts: readonly string[];
}

export interface SuppressTableOptions extends PrimaryOptions {
  /** Complementary suppression (config `suppression.complementary`). Default true. */
  complementary?: boolean;
  /**
   * Also audit the margins as one linear system (linear.ts), not only one margin at a time. Default true;
   * turn off only for very large tables where the peeling audit has to do.
   */
  exact?: boolean;
  /** Cells to hide whatever their counts (e.g. already hidden elsewhere); reason `complementary`. */
  forced?: Iterable<string>;
  /**
   * Hidden cells whose counts are not known here (a public file suppressed again) but may be small:
   * protected like a primary cell, so no shown cell may give them back.
   */
  protect?: Iterable<string>;
  /** Also audit with the interval attacker (intervals.ts). Default true (with `exact`). */
  intervals?: boolean;
  /**
   * Width the interval of each count (n, d − n, d) of a cell hidden for its own small counts must keep
   * against the interval attacker. Default {@link DEFAULT_PROTECTION_WIDTH}. Every other hidden cell keeps
   * width 1: no hidden count is ever determined exactly.
   */
  protectionWidth?: number;
  /** Cells to publish coarsened whatever their counts (e.g. coarsened in a measure with the same denominators). */
  coarse?: Iterable<string>;
}

/**
 * How a cell is published when it is not shown exactly: a reason it is hidden, `no_data`, or `coarsened`
 * (counts withheld, n/d rounded to the cell's `step`: unknown to an attacker but for the rounded rate).
 */
export type CellStatus = SuppressionReason | 'coarsened';

/** Why each cell is not shown exactly; cells that are shown are absent. `no_data` cells are not hidden. */
export type SuppressionMap = Map<string, CellStatus>;

/** True when the counts are not shown (everything but `no_data`; a coarsened cell's counts are withheld). */
export const isHidden = (reason: CellStatus | undefined): boolean =>
  reason !== undefined && reason !== 'no_data';

/**
 * A complement at least this many times the size of the small cell it protects is published coarsened
 * (its rate rounded, its counts withheld) rather than hidden, when it may be (`Cell.step`): "never a group
 * many times larger than the cell it protects" (issue #12 item 2).
 */
export const COARSEN_FACTOR = 10;

/** The published rounded n/d of a coarsened cell, and the range [lo, hi] a reader knows n/d lies in. */
export function coarseRange(rate: number, step: number): [number, number] {
  return [rate - step / 2, rate + step / 2];
}

/** n/d rounded to `step` (half up), without binary noise (0.692, not 0.6920000000000001). */
export function roundRate(n: number, d: number, step: number): number {
  const digits = Math.max(0, Math.ceil(-Math.log10(step)));
  return Number((Math.round(n / d / step) * step).toFixed(digits));
}

const isPrimary = (r: CellStatus | undefined): boolean =>
  r === 'small_numerator' || r === 'small_denominator';

interface Derivation {
  /** cell id → index of the margin it was derived from. */
  derived: Map<string, number>;
}

/**
 * The attacker: starting from `unknown` cells, repeatedly take a margin with exactly one unknown member and
 * derive it by subtraction. Returns every derived cell with the margin that gave it away.
 */
export function recoverBySubtraction(margins: readonly Margin[], unknown: ReadonlySet<string>): Derivation {
  const ix = marginIndex(margins);
  const derived = new Map<string, number>();
  for (const [k, i] of peel(ix, unknownMask(ix, unknown))) derived.set(ix.ids[k] as string, i);
  return { derived };
}

/**
 * Suppress small cells and their complements.
 * @example
 *   const cells = [{ id: 'all', numerator: 40, denominator: 300 }, { id: 'a', numerator: 3, denominator: 50 },
 *                  { id: 'b', numerator: 17, denominator: 120 }, { id: 'c', numerator: 20, denominator: 130 }];
 *   suppressTable(cells, [{ total: 'all', parts: ['a', 'b', 'c'] }], 11);
 *   // Map { 'a' => 'small_numerator', 'b' => 'complementary' }
 */
export function suppressTable(
  cells: readonly Cell[],
  margins: readonly Margin[],
  threshold: number | SuppressTableOptions,
): SuppressionMap {
  const opts: SuppressTableOptions = typeof threshold === 'number' ? { threshold } : threshold;
  const byId = new Map(cells.map((c) => [c.id, c]));
  const reasons: SuppressionMap = new Map();
  for (const c of cells) {
    if (c.published === false) continue;
    const r = primaryReason(c.numerator, c.denominator, opts);
    if (r) reasons.set(c.id, r);
  }
  for (const id of opts.forced ?? []) {
    if (byId.has(id) && !isHidden(reasons.get(id))) reasons.set(id, 'complementary');
  }
  const protect = new Set([...(opts.protect ?? [])].filter((id) => byId.has(id)));
  for (const id of protect) if (!isHidden(reasons.get(id))) reasons.set(id, 'complementary');
  // What a reader knows of a coarsened cell: n/d within [lo, hi] (intervals.ts).
  const ratio = new Map<string, readonly [number, number]>();
  for (const c of cells) {
    if (!c.coarse || (isHidden(reasons.get(c.id)) && reasons.get(c.id) !== 'complementary')) continue;
    reasons.set(c.id, 'coarsened');
    ratio.set(c.id, coarseRange(c.coarse.rate, c.coarse.step));
  }
  const coarsenable = (c: Cell | undefined): c is Cell & { numerator: number; denominator: number } =>
    !!c?.step && c.numerator !== null && c.denominator !== null && c.denominator > 0;
  for (const id of opts.coarse ?? []) {
    const c = byId.get(id);
    if (!coarsenable(c) || isHidden(reasons.get(id))) continue;
    reasons.set(id, 'coarsened');
    ratio.set(id, coarseRange(roundRate(c.numerator, c.denominator, c.step!), c.step!));
  }
  if (opts.complementary === false) return reasons;

  const unpublished = new Set(cells.filter((c) => c.published === false).map((c) => c.id));
  // Cells nobody prints but whose small counts are known to the caller (a facet total): never shown, so
  // never hidden either, but they must not be recomputable.
  const sensitive = new Set(
    cells
      .filter(
        (c) =>
          c.published === false && isHidden(primaryReason(c.numerator, c.denominator, opts) ?? undefined),
      )
      .map((c) => c.id),
  );
  // Every hidden, published cell is protected (a reader cannot tell a complement from a primary cell,
  // and none may be worked out exactly); cells hidden for their own small counts keep a wider interval.
  const isSmall = (id: string): boolean => isPrimary(reasons.get(id)) || sensitive.has(id) || protect.has(id);
  const mustProtect = (id: string): boolean =>
    isSmall(id) || (!unpublished.has(id) && isHidden(reasons.get(id)));
  const width = Math.max(1, opts.protectionWidth ?? DEFAULT_PROTECTION_WIDTH);
  const widthOf = (id: string): number => (isSmall(id) ? width : 1);
  // Margins can mention cells the caller did not list: they are unknown and never chosen.
  for (const m of margins) {
    for (const id of [m.total, ...m.parts]) if (!byId.has(id)) unpublished.add(id);
  }
  const ix = marginIndex(margins);
  // Hidden and unpublished cells; the loop only ever adds to them (kept up to date by `hide`).
  const unknown = new Set([...[...reasons].filter(([, r]) => isHidden(r)).map(([id]) => id), ...unpublished]);
  const mask = unknownMask(ix, unknown);
  const hide = (id: string, status: CellStatus = 'complementary'): void => {
    reasons.set(id, status);
    unknown.add(id);
    const k = ix.index.get(id);
    if (k !== undefined) mask[k] = 1;
  };
  // A complement many times larger than the cell it protects is coarsened, not hidden, when it may be.
  const act = (id: string, target: string | undefined): void => {
    const c = byId.get(id);
    const t = target === undefined ? undefined : byId.get(target);
    if (coarsenable(c) && t && c.denominator >= COARSEN_FACTOR * Math.max(1, t.denominator ?? 0)) {
      ratio.set(id, coarseRange(roundRate(c.numerator, c.denominator, c.step!), c.step!));
      return hide(id, 'coarsened');
    }
    hide(id);
  };
  // The interval attacker (intervals.ts): bounds from integrality, non-negativity, n ≤ d and every margin
  // (the published reason is only "suppressed").
  const narrowed = (): string[] =>
    narrowCells(
      { cells, margins, unknown, ratio },
      new Map([...unknown].filter(mustProtect).map((id) => [id, widthOf(id)])),
    );
  for (;;) {
    const peeled = peel(ix, mask);
    const derived = new Map<string, number>();
    for (const [k, i] of peeled) derived.set(ix.ids[k] as string, i);
    // Only cells hidden for their own counts need protecting: a complement that is recovered gives nothing
    // away by itself (it is not small), and if it opens a small cell that cell is caught here.
    const leak = [...derived].find(([id]) => mustProtect(id));
    if (!leak) {
      if (opts.exact === false) return reasons;
      // Peeling cannot open anything; check the whole system at once.
      const pinned = [...determinedCells(margins, unknown)].filter(mustProtect).sort();
      if (!pinned.length && opts.intervals !== false) {
        // One complement for each narrowed cell at once: bounding the whole table again after every single
        // complement costs a propagation per cell.
        const narrow = narrowed().sort();
        const z = shownZeros({ cells, margins, unknown });
        const zeros = {
          n: new Set(cells.filter((_, i) => z.n[i]).map((c) => c.id)),
          m: new Set(cells.filter((_, i) => z.m[i]).map((c) => c.id)),
        };
        const picks = new Map<string, string>();
        for (const id of narrow) {
          const pick = complementAround(id, margins, byId, reasons, unpublished, widthOf(id), zeros);
          if (pick !== undefined && !picks.has(pick)) picks.set(pick, id);
        }
        if (!picks.size && narrow.length) {
          const first = narrow[0] as string;
          const pick = nearestShown(narrow, ix, byId, reasons, unpublished, widthOf(first));
          if (pick !== undefined) picks.set(pick, first);
        }
        if (!picks.size) return reasons;
        for (const [id, target] of picks) act(id, target);
        continue;
      }
      if (!pinned.length) return reasons;
      // The first pinned cell with a shown neighbour; when every neighbour of every pinned cell is hidden
      // already, the nearest shown cell further along the margins (giving up here would leave a small cell
      // recoverable: see README, "complementary suppression").
      let pick: string | undefined;
      let target = pinned[0];
      for (const id of pinned) {
        pick = complementAround(id, margins, byId, reasons, unpublished, widthOf(id));
        target = id;
        if (pick !== undefined) break;
      }
      if (pick === undefined)
        [pick, target] = [nearestShown(pinned, ix, byId, reasons, unpublished), pinned[0]];
      if (pick === undefined) return reasons; // nothing linked to them is shown: nothing can give them away
      act(pick, target);
      continue;
    }
    const pick = chooseComplement(leak[1], margins, derived, byId, reasons, unpublished, {
      target: byId.get(leak[0]),
      width: widthOf(leak[0]),
    });
    if (pick === undefined) {
      // Nothing left to hide around this margin: hide the recovered cell's margin totals as a last resort.
      const m = margins[leak[1]] as Margin;
      const rest = [m.total, ...m.parts].filter((id) => !unknown.has(id));
      if (!rest.length) return reasons; // cannot happen: the margin had exactly one unknown member
      for (const id of rest) hide(id);
      continue;
    }
    act(pick, leak[0]);
  }
}

/**
 * The cell to hide to break the derivation through margin `start`: a published, shown part of that margin,
 * or (when every other member was itself derived) of the margins that derived them; a total only when no
 * part along the chain is left.
 */
function chooseComplement(
  start: number,
  margins: readonly Margin[],
  derived: ReadonlyMap<string, number>,
  byId: ReadonlyMap<string, Cell>,
  reasons: SuppressionMap,
  unpublished: ReadonlySet<string>,
  want: Want,
): string | undefined {
  const seen = new Set<number>();
  const queue = [start];
  let fallback: string | undefined;
  while (queue.length) {
    const i = queue.shift() as number;
    if (seen.has(i)) continue;
    seen.add(i);
    const m = margins[i] as Margin;
    const shown = (id: string): boolean => !unpublished.has(id) && !isHidden(reasons.get(id));
    const parts = [...new Set(m.parts)].filter(shown).map((id) => byId.get(id) as Cell);
    const best = rank(parts, want);
    if (best) return best.id;
    if (fallback === undefined && shown(m.total)) fallback = m.total;
    for (const id of [m.total, ...m.parts]) {
      const via = derived.get(id);
      if (via !== undefined && via !== i) queue.push(via);
    }
  }
  // Hiding a total hides a whole row of the output: only when no part anywhere along the chain will do.
  return fallback;
}

/** The best shown, published cell in any margin that contains `id`. */
function complementAround(
  id: string,
  margins: readonly Margin[],
  byId: ReadonlyMap<string, Cell>,
  reasons: SuppressionMap,
  unpublished: ReadonlySet<string>,
  width = 1,
  zeros?: { n: ReadonlySet<string>; m: ReadonlySet<string> },
): string | undefined {
  const shown = (c: string): boolean => !unpublished.has(c) && !isHidden(reasons.get(c));
  const around = margins.filter((m) => m.total === id || m.parts.includes(id));
  // Parts and totals alike, cheapest first: a total costs all its units, so it goes only when no part
  // (nor a few small parts together) protects the cell for less.
  const candidates = new Set(
    around.flatMap((m) => [m.total, ...m.parts].filter((c) => c !== id && shown(c))),
  );
  // What the hidden parts beside the target already bring, per relation a candidate shares with it.
  const beside = new Map<string, [number, number]>();
  for (const m of around) {
    let n = 0;
    let k = 0;
    for (const p of new Set(m.parts)) {
      const c = byId.get(p);
      if (p === id || !c || shown(p) || unpublished.has(p) || c.denominator === null) continue;
      n += c.numerator ?? 0;
      k += c.denominator - (c.numerator ?? 0);
    }
    for (const c of [m.total, ...m.parts]) {
      const b = beside.get(c);
      if (!b || n + k > b[0] + b[1]) beside.set(c, [n, k]);
    }
  }
  const best = rank(
    [...candidates].filter((c) => byId.has(c)).map((c) => byId.get(c) as Cell),
    {
      target: byId.get(id),
      width,
      zeroN: zeros?.n.has(id),
      zeroM: zeros?.m.has(id),
      beside: (c) => beside.get(c.id) ?? [0, 0],
    },
  );
  return best?.id;
}

/**
 * The best shown, published cell nearest to `from` (breadth-first over shared margins), or undefined when
 * no shown cell is linked to them at all.
 */
function nearestShown(
  from: readonly string[],
  ix: MarginIndex,
  byId: ReadonlyMap<string, Cell>,
  reasons: SuppressionMap,
  unpublished: ReadonlySet<string>,
  width = 1,
): string | undefined {
  const shown = (c: string): boolean => !unpublished.has(c) && !isHidden(reasons.get(c)) && byId.has(c);
  const seen = new Uint8Array(ix.ids.length);
  let layer = from.map((id) => ix.index.get(id)).filter((k): k is number => k !== undefined);
  for (const k of layer) seen[k] = 1;
  while (layer.length) {
    const next: number[] = [];
    for (const k of layer) {
      for (const m of ix.byCell[k] as number[]) {
        for (const c of ix.members[m] as Int32Array) {
          if (seen[c]) continue;
          seen[c] = 1;
          next.push(c);
        }
      }
    }
    const candidates = next.map((k) => ix.ids[k] as string).filter(shown);
    if (candidates.length)
      return rank(
        candidates.map((c) => byId.get(c) as Cell),
        { target: byId.get(from[0] as string), width },
      )?.id;
    layer = next;
  }
  return undefined;
}

/** The cell a complement is for, and the width its counts must keep. */
interface Want {
  target: Cell | undefined;
  width: number;
  /** The target's events / non-events are already given away by a shown zero (no width needed). */
  zeroN?: boolean;
  zeroM?: boolean;
  /** Events and non-events of cells already hidden beside the target in the candidate's relation. */
  beside?: (c: Cell) => [number, number];
}

/**
 * Least-cost complement (issue #12 item 2): among cells that can protect the target at all (hidden
 * together, their numerators and their non-events each add up to at least the width it must keep), the
 * cheapest — cost is the denominator (units of information hidden), a tenth of it for the Unknown,
 * Missing and Declined groups (cells.ts) — so small complements and status groups go before any
 * real group, and a group many times larger than the cell it protects is chosen only when nothing
 * smaller will do. Cells that cannot protect it come next, empty cells last.
 */
function rank(cells: Cell[], want: Want = { target: undefined, width: 1 }): Cell | undefined {
  const d = (c: Cell): number => c.denominator ?? 0;
  const t = want.target;
  const helps = (c: Cell): boolean => {
    if (!t || t.denominator === null) return true;
    const [bn, bm] = want.beside?.(c) ?? [0, 0];
    if (c.numerator === null || t.numerator === null) return d(c) + t.denominator + bm >= want.width;
    const n = c.numerator + t.numerator + bn;
    const m = d(c) - c.numerator + (t.denominator - t.numerator) + bm;
    return (want.zeroN || n >= want.width) && (want.zeroM || m >= want.width);
  };
  const cost = (c: Cell): number => c.cost ?? d(c);
  const sorted = [...cells].sort(
    (a, b) => Number(d(a) <= 0) - Number(d(b) <= 0) || cost(a) - cost(b) || (a.id < b.id ? -1 : 1),
  );
  const single = sorted.find((c) => d(c) > 0 && helps(c));
  if (!t || t.denominator === null) return single ?? sorted[0];
  // Several small cells can do what one large one does: when the cheapest cells together give the width
  // for less than the cheapest single cell that gives it alone, start with the cheapest (the audit runs
  // again and adds the next one if it is still needed).
  const plain = t.numerator === null;
  let n = plain ? t.denominator : (t.numerator as number);
  let m = plain ? t.denominator : t.denominator - (t.numerator as number);
  let spent = 0;
  for (const c of sorted) {
    if (d(c) <= 0 || c === single) break;
    spent += cost(c);
    n += plain || c.numerator === null ? d(c) : c.numerator;
    m += plain || c.numerator === null ? d(c) : d(c) - c.numerator;
    const [bn, bm] = want.beside?.(c) ?? [0, 0];
    if ((want.zeroN || n + bn >= want.width) && (want.zeroM || m + bm >= want.width))
      return spent < (single ? cost(single) : Infinity) ? sorted[0] : single;
    if ((want.zeroN || n >= want.width) && (want.zeroM || m >= want.width))
      return spent < (single ? cost(single) : Infinity) ? sorted[0] : single;
  }
  return single ?? sorted[0];
}
