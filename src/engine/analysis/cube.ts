/**
 * The aggregates of one engine pass, indexed for lookup: a cell is (measure, attribute values) →
 * numerator and denominator. Cells of one grouping set can be listed together.
 */
import type { Engine, Row } from '../dialect.js';
import { MISSING } from '../../model/status.js';
import { compilePlan } from './sql.js';
import { setKey, type AnalysisPlan } from './plan.js';

export interface Cell {
  measure: string;
  values: Readonly<Record<string, string>>;
  numerator: number;
  denominator: number;
}

const valuesKey = (values: Readonly<Record<string, string>>): string =>
  JSON.stringify(
    Object.keys(values)
      .sort()
      .map((k) => [k, values[k]]),
  );

export class Cube {
  private readonly byKey = new Map<string, Cell>();
  private readonly bySet = new Map<string, Cell[]>();

  constructor(readonly cells: readonly Cell[]) {
    for (const c of cells) {
      this.byKey.set(`${c.measure}|${valuesKey(c.values)}`, c);
      const sk = `${c.measure}|${setKey(Object.keys(c.values))}`;
      const list = this.bySet.get(sk) ?? [];
      list.push(c);
      this.bySet.set(sk, list);
    }
  }

  get(measure: string, values: Readonly<Record<string, string>>): Cell | undefined {
    return this.byKey.get(`${measure}|${valuesKey(values)}`);
  }

  /** The cells of one grouping set (the dimensions in any order), sorted by their values. */
  list(measure: string, dims: readonly string[]): Cell[] {
    return this.bySet.get(`${measure}|${setKey(dims)}`) ?? [];
  }
}

const count = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/** Add counts to the cell (measure, values) of `cells`, creating it the first time. */
function addTo(
  cells: Map<string, Cell>,
  measure: string,
  values: Record<string, string>,
  numerator: number,
  denominator: number,
): void {
  const key = `${measure}|${valuesKey(values)}`;
  const seen = cells.get(key);
  if (seen) {
    seen.numerator += numerator;
    seen.denominator += denominator;
  } else cells.set(key, { measure, values, numerator, denominator });
}

/**
 * Decode the rows of a compiled plan (GROUPING flags say which dimensions a row is grouped on). A NULL
 * attribute value is Missing, merged with a stored 'Missing' label.
 */
export function decodeRows(
  rows: readonly Row[],
  aliases: ReturnType<typeof compilePlan>['aliases'],
  groupingId?: string,
): Cell[] {
  const cells = new Map<string, Cell>();
  const last = aliases.length - 1;
  for (const r of rows) {
    const values: Record<string, string> = {};
    // Packed flags: GROUPING(d0, …, dn), d0 the most significant bit; else one flag column each.
    const gid = groupingId === undefined ? null : count(r[groupingId]);
    for (const [i, a] of aliases.entries()) {
      if (gid === null ? count(r[a.flag]) !== 0 : Math.floor(gid / 2 ** (last - i)) % 2 !== 0) continue;
      const v = r[a.value];
      values[a.name] = v === null || v === undefined ? MISSING : String(v);
    }
    addTo(cells, String(r.m), values, count(r.numerator), count(r.denominator));
  }
  return [...cells.values()];
}

/**
 * The sets the engine must group: those not contained in another set of the plan. A contained set (e.g.
 * race alone, within race × period) is a sum of its container's cells, so it is rolled up from them
 * (`rollUp`) rather than grouped again over every row: with 8 stratifiers, pairs and periods, 36 of 46
 * sets go to the engine.
 */
export function engineSets(sets: readonly (readonly string[])[]): {
  sets: string[][];
  from: Map<string, string[]>;
} {
  const containers = sets.map((s) =>
    sets.filter((t) => t.length > s.length && s.every((d) => t.includes(d))),
  );
  const maximal = sets.filter((_, i) => containers[i]!.length === 0);
  const from = new Map<string, string[]>();
  sets.forEach((s, i) => {
    // the smallest maximal container: fewest dimensions, so the fewest cells to sum
    const best = containers[i]!.filter((t) => maximal.includes(t)).sort((a, b) => a.length - b.length)[0];
    if (best) from.set(setKey(s), [...best]);
  });
  return { sets: maximal.map((s) => [...s]), from };
}

/** The cells of each rolled-up set, summed from its container's cells. */
export function rollUp(cells: readonly Cell[], from: ReadonlyMap<string, readonly string[]>): Cell[] {
  const byContainer = new Map<string, Cell[]>();
  for (const c of cells) {
    const k = setKey(Object.keys(c.values));
    const list = byContainer.get(k) ?? [];
    list.push(c);
    byContainer.set(k, list);
  }
  const out: Cell[] = [];
  for (const [target, container] of from) {
    const dims = target === '' ? [] : target.split('\u0001');
    const sums = new Map<string, Cell>();
    for (const c of byContainer.get(setKey(container)) ?? []) {
      const values: Record<string, string> = {};
      for (const d of dims) values[d] = c.values[d] as string;
      addTo(sums, c.measure, values, c.numerator, c.denominator);
    }
    out.push(...sums.values());
  }
  return out;
}

/** Run the plan: one statement for the maximal sets (only aggregates come back), the rest rolled up. */
export async function runPlan(engine: Engine, plan: AnalysisPlan): Promise<Cube> {
  const { sets, from } = engineSets(plan.sets);
  const compiled = compilePlan(engine, { ...plan, sets });
  const rows = await engine.all(compiled.sql, compiled.params);
  const cells = decodeRows(rows, compiled.aliases, compiled.groupingId);
  return new Cube([...cells, ...rollUp(cells, from)]);
}
