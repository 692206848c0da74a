/**
 * The subtraction attacker on integer indices: the margins are indexed once (cell ids → numbers, each
 * margin's distinct members, each cell's margins) and the index is reused for every audit of the same
 * margins array (complementary suppression audits the same table once per complement it adds, and
 * `suppressResults` re-audits each measure in every round). Unknown cells are a byte mask.
 *
 * The derivation order is exactly that of the plain version it replaces: margins are queued in order,
 * the queue is a stack, and a margin gives away its first unknown, not yet derived member.
 */
import type { Margin } from './table.js';

export interface MarginIndex {
  /** Cell id of each index. */
  ids: string[];
  /** Cell id → index. */
  index: Map<string, number>;
  /** Distinct members of each margin (total first, then parts in order). */
  members: Int32Array[];
  /** The margins each cell is a member of, in margin order. */
  byCell: number[][];
}

const cache = new WeakMap<readonly Margin[], MarginIndex>();

/** The index of a margins array (built once per array object). */
export function marginIndex(margins: readonly Margin[]): MarginIndex {
  const hit = cache.get(margins);
  if (hit) return hit;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const byCell: number[][] = [];
  const idOf = (id: string): number => {
    let k = index.get(id);
    if (k === undefined) {
      k = ids.length;
      index.set(id, k);
      ids.push(id);
      byCell.push([]);
    }
    return k;
  };
  const members = margins.map((m, i) => {
    const distinct = [...new Set([m.total, ...m.parts])].map(idOf);
    for (const k of distinct) (byCell[k] as number[]).push(i);
    return Int32Array.from(distinct);
  });
  const built = { ids, index, members, byCell };
  cache.set(margins, built);
  return built;
}

/** A byte mask of the unknown cells (ids outside the index are ignored: they are in no margin). */
export function unknownMask(ix: MarginIndex, unknown: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(ix.ids.length);
  for (const id of unknown) {
    const k = ix.index.get(id);
    if (k !== undefined) mask[k] = 1;
  }
  return mask;
}

/**
 * Repeatedly take a margin with exactly one unknown member and derive it. Returns each derived cell (by
 * index, in derivation order) with the margin that gave it away.
 */
export function peel(ix: MarginIndex, unknown: Uint8Array): Map<number, number> {
  const { members, byCell } = ix;
  const open = new Int32Array(members.length);
  const queue: number[] = [];
  for (let i = 0; i < members.length; i++) {
    const ms = members[i] as Int32Array;
    let count = 0;
    for (let j = 0; j < ms.length; j++) count += unknown[ms[j] as number] as number;
    open[i] = count;
    if (count === 1) queue.push(i);
  }
  const derived = new Map<number, number>();
  while (queue.length) {
    const i = queue.pop() as number;
    if (open[i] !== 1) continue;
    const ms = members[i] as Int32Array;
    let id = -1;
    for (let j = 0; j < ms.length; j++) {
      const c = ms[j] as number;
      if (unknown[c] && !derived.has(c)) {
        id = c;
        break;
      }
    }
    if (id < 0) continue;
    derived.set(id, i);
    for (const j of byCell[id] as number[]) {
      open[j] = (open[j] as number) - 1;
      if (open[j] === 1) queue.push(j);
    }
  }
  return derived;
}
