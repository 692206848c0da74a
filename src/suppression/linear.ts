/**
 * The stronger audit: which unknown cells are pinned down by the margins taken all together, not only one
 * margin at a time. (In a stratifier × period table, a hidden cell can be recovered by combining several
 * relations even when each has two unknowns.)
 *
 * The margins form a linear system A·x = b over the unknown cells (known cells and constants move to b).
 * A cell is determined exactly when its unit vector lies in the row space of A, i.e. in the reduced row
 * echelon form its column is a pivot whose row has no other non-zero entry. This depends only on which
 * cells are unknown, not on their values. Independent blocks of margins are solved separately.
 */
import type { Margin } from './table.js';

const EPS = 1e-9;

/** Unknown cells whose value follows from the margins and the known cells. */
export function determinedCells(margins: readonly Margin[], unknown: ReadonlySet<string>): Set<string> {
  // Rows: margins with at least one unknown member, as sparse coefficient maps.
  const rows: Map<string, number>[] = [];
  for (const m of margins) {
    const row = new Map<string, number>();
    const add = (id: string, c: number): void => {
      if (unknown.has(id)) row.set(id, (row.get(id) ?? 0) + c);
    };
    add(m.total, 1);
    for (const p of m.parts) add(p, -1);
    for (const [id, c] of row) if (Math.abs(c) < EPS) row.delete(id);
    if (row.size) rows.push(row);
  }
  const out = new Set<string>();
  for (const block of components(rows)) for (const id of solveBlock(block)) out.add(id);
  return out;
}

/** Split rows into groups that share no unknown (union-find over cells). */
function components(rows: Map<string, number>[]): Map<string, number>[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const row of rows) {
    const ids = [...row.keys()];
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0] as string));
  }
  const blocks = new Map<string, Map<string, number>[]>();
  for (const row of rows) {
    const root = find(row.keys().next().value as string);
    const b = blocks.get(root);
    if (b) b.push(row);
    else blocks.set(root, [row]);
  }
  return [...blocks.values()];
}

/**
 * Reduced row echelon form with partial pivoting, on sparse rows (column → coefficient): the margin rows
 * have a handful of unknowns each, so elimination touches only non-zero entries. The arithmetic is that of
 * dense elimination (same pivots, same updates of every entry at or right of the pivot column; an entry
 * that is zero stays exactly zero), so the answer is the same; it is just not O(rows × columns) per pivot.
 */
function solveBlock(block: Map<string, number>[]): string[] {
  const ids = [...new Set(block.flatMap((r) => [...r.keys()]))];
  const col = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const a: Map<number, number>[] = block.map((r) => {
    const row = new Map<number, number>();
    for (const [id, c] of r) row.set(col.get(id) as number, c);
    return row;
  });
  const at = (row: Map<number, number>, c: number): number => row.get(c) ?? 0;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < a.length; c++) {
    let best = r;
    let bestAbs = Math.abs(at(a[r] as Map<number, number>, c));
    for (let i = r + 1; i < a.length; i++) {
      const v = Math.abs(at(a[i] as Map<number, number>, c));
      if (v > bestAbs) {
        best = i;
        bestAbs = v;
      }
    }
    if (bestAbs < EPS) continue;
    const pr = a[best] as Map<number, number>;
    a[best] = a[r] as Map<number, number>;
    a[r] = pr;
    const pv = at(pr, c);
    const right: [number, number][] = [];
    for (const [k, x] of pr) {
      if (k < c) continue;
      const y = x / pv;
      pr.set(k, y);
      right.push([k, y]);
    }
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const row = a[i] as Map<number, number>;
      const f = at(row, c);
      if (Math.abs(f) < EPS) continue;
      for (const [k, y] of right) {
        const v = at(row, k) - f * y;
        if (v === 0) row.delete(k);
        else row.set(k, v);
      }
    }
    pivots.push(c);
    r++;
  }
  const out: string[] = [];
  pivots.forEach((c, i) => {
    let alone = true;
    for (const [k, x] of a[i] as Map<number, number>) if (k !== c && Math.abs(x) > EPS) alone = false;
    if (alone) out.push(ids[c] as string);
  });
  return out;
}
