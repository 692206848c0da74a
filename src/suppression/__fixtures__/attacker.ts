/**
 * Test helper: an attacker that sees a suppressed output and tries to recompute every hidden value by
 * subtraction. It knows the true margin constants (the conservative assumption suppression is built on),
 * every shown value, and nothing else. Repeatedly, for each additive relation with exactly one unknown
 * member, it derives that member's value. It returns every value it recovered.
 */
import type { Margin } from '../table.js';

export interface Relation {
  total: string;
  parts: readonly string[];
}

/**
 * @param values true values of every cell (used only to compute the relations' constants)
 * @param shown  the values the attacker can read
 */
export function subtractionAttack(
  relations: readonly Relation[],
  values: ReadonlyMap<string, number>,
  shown: ReadonlyMap<string, number>,
): Map<string, number> {
  const known = new Map(shown);
  const recovered = new Map<string, number>();
  const constant = relations.map(
    (r) => (values.get(r.total) ?? 0) - r.parts.reduce((s, p) => s + (values.get(p) ?? 0), 0),
  );
  let progress = true;
  while (progress) {
    progress = false;
    relations.forEach((r, i) => {
      const members = [...new Set([r.total, ...r.parts])];
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length !== 1) return;
      const x = unknown[0] as string;
      const partsSum = r.parts.reduce((s, p) => s + (p === x ? 0 : (known.get(p) as number)), 0);
      // total = Σ parts + c
      const value =
        x === r.total
          ? partsSum + (constant[i] as number)
          : (known.get(r.total) as number) - (constant[i] as number) - partsSum;
      // A part listed twice would need a division; the helper is only used with distinct parts.
      known.set(x, value);
      recovered.set(x, value);
      progress = true;
    });
  }
  return recovered;
}

export const asRelations = (margins: readonly Margin[]): Relation[] =>
  margins.map((m) => ({ total: m.total, parts: m.parts }));

/**
 * A stronger attacker: solve the whole linear system at once (Gaussian elimination over the unknowns) and
 * report every unknown whose value is pinned down, even when no single relation has one unknown.
 */
export function linearAttack(
  relations: readonly Relation[],
  values: ReadonlyMap<string, number>,
  shown: ReadonlyMap<string, number>,
): Map<string, number> {
  const unknowns = [...new Set(relations.flatMap((r) => [r.total, ...r.parts]))].filter((id) => !shown.has(id));
  const col = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    // total − Σ parts = c  →  move known members to the right-hand side.
    const c = (values.get(r.total) ?? 0) - r.parts.reduce((s, p) => s + (values.get(p) ?? 0), 0);
    const row = new Array(unknowns.length + 1).fill(0) as number[];
    let rhs = c;
    const add = (id: string, coef: number) => {
      const j = col.get(id);
      if (j === undefined) rhs -= coef * (shown.get(id) as number);
      else row[j] = (row[j] as number) + coef;
    };
    add(r.total, 1);
    for (const p of r.parts) add(p, -1);
    row[unknowns.length] = rhs;
    rows.push(row);
  }
  // Reduced row echelon form.
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pv = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => x / pv);
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i]![c]!) < 1e-12) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, k) => x - f * rows[r]![k]!);
    }
    pivots.push(c);
    r++;
  }
  const out = new Map<string, number>();
  pivots.forEach((c, i) => {
    const row = rows[i]!;
    const free = row.slice(0, unknowns.length).some((x, k) => k !== c && Math.abs(x) > 1e-9);
    if (!free) out.set(unknowns[c]!, Math.round(row[unknowns.length]!));
  });
  return out;
}
