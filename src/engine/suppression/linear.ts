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

function solveBlock(block: Map<string, number>[]): string[] {
  const ids = [...new Set(block.flatMap((r) => [...r.keys()]))];
  const col = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const a = block.map((r) => {
    const row = new Array<number>(n).fill(0);
    for (const [id, c] of r) row[col.get(id) as number] = c;
    return row;
  });
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < a.length; c++) {
    let best = r;
    for (let i = r + 1; i < a.length; i++) {
      if (Math.abs((a[i] as number[])[c] as number) > Math.abs((a[best] as number[])[c] as number)) best = i;
    }
    const pr = a[best] as number[];
    if (Math.abs(pr[c] as number) < EPS) continue;
    a[best] = a[r] as number[];
    a[r] = pr;
    const pv = pr[c] as number;
    for (let k = c; k < n; k++) pr[k] = (pr[k] as number) / pv;
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const row = a[i] as number[];
      const f = row[c] as number;
      if (Math.abs(f) < EPS) continue;
      for (let k = c; k < n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
    pivots.push(c);
    r++;
  }
  const out: string[] = [];
  pivots.forEach((c, i) => {
    const row = a[i] as number[];
    let alone = true;
    for (let k = 0; k < n && alone; k++) if (k !== c && Math.abs(row[k] as number) > EPS) alone = false;
    if (alone) out.push(ids[c] as string);
  });
  return out;
}
