/**
 * The aggregates of one engine pass, indexed for lookup: a cell is (measure, attribute values) →
 * numerator and denominator. Cells of one grouping set can be listed together; sets contained in another
 * are rolled up from its cells.
 */
import { setKey } from './plan.js';

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

/** Add counts to the cell (measure, values) of `cells`, creating it the first time. */
export function addTo(
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
