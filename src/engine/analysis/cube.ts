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
    const measure = String(r.m);
    const key = `${measure}|${valuesKey(values)}`;
    const seen = cells.get(key);
    if (seen) {
      seen.numerator += count(r.numerator);
      seen.denominator += count(r.denominator);
    } else
      cells.set(key, { measure, values, numerator: count(r.numerator), denominator: count(r.denominator) });
  }
  return [...cells.values()];
}

/** Run the plan: one statement, only aggregates come back. */
export async function runPlan(engine: Engine, plan: AnalysisPlan): Promise<Cube> {
  const compiled = compilePlan(engine, plan);
  const rows = await engine.all(compiled.sql, compiled.params);
  return new Cube(decodeRows(rows, compiled.aliases, compiled.groupingId));
}
