/**
 * Run an analysis plan on an engine: one statement for the maximal grouping sets (only aggregates come
 * back), decoded into cells; the contained sets rolled up from them.
 */
import type { Engine, Row } from '../dialect.js';
import { MISSING } from '../../model/status.js';
import { addTo, Cube, engineSets, rollUp, type Cell } from '../../analysis/cube.js';
import type { AnalysisPlan } from '../../analysis/plan.js';
import { compilePlan } from './sql.js';

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
    addTo(cells, String(r.m), values, count(r.numerator), count(r.denominator));
  }
  return [...cells.values()];
}

/** Run the plan: one statement for the maximal sets (only aggregates come back), the rest rolled up. */
export async function runPlan(engine: Engine, plan: AnalysisPlan): Promise<Cube> {
  const { sets, from } = engineSets(plan.sets);
  const compiled = compilePlan(engine, { ...plan, sets });
  const rows = await engine.all(compiled.sql, compiled.params);
  const cells = decodeRows(rows, compiled.aliases, compiled.groupingId);
  return new Cube([...cells, ...rollUp(cells, from)]);
}
