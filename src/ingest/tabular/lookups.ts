/**
 * Lookup tables, one per coded attribute (and one for the race/ethnicity pair): every distinct source
 * value with its canonical label, built in JS from the vocabularies and joined to the rows in SQL, so the
 * per-row work stays in DuckDB. Unmapped codes are written to `${schema}.unmapped` with their row counts.
 */
import type { Engine, SqlValue } from '../../engine/dialect.js';
import { mapCode, mapRaceEthnicity, statusRank } from './map-codes.js';
import type { AttributePlan } from './attributes.js';

export interface Lookup {
  table: string;
  /** Plans joined on (one for coded attributes; race and/or ethnicity for the race lookup). */
  plans: AttributePlan[];
}

export interface UnmappedEntry {
  attribute: string;
  column: string;
  code: string;
  rows: number;
}

/** INSERT rows through bound parameters, in batches. */
export async function insertRows(engine: Engine, table: string, rows: readonly SqlValue[][]): Promise<void> {
  const width = rows[0]?.length ?? 0;
  const batch = Math.max(1, Math.floor(1000 / Math.max(width, 1)));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
    );
    await engine.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`, chunk.flat());
  }
}

const col = (engine: Engine, p: AttributePlan) => `COALESCE(s.${engine.ident(p.column)}, '')`;

/** Distinct values (empty cell = '') with row counts, per set of columns, in ONE pass (GROUPING SETS). */
export type DistinctCounts = Map<string, { values: Record<string, string>; n: number }[]>;

export const setKey = (columns: readonly string[]): string => [...new Set(columns)].sort().join('\u0000');

export async function distinctCounts(
  engine: Engine,
  stage: string,
  sets: readonly string[][],
  /** Column holding how many rows each row of `stage` stands for (default: each row is one). */
  weight?: string,
): Promise<DistinctCounts> {
  const out: DistinctCounts = new Map();
  const unique = new Map(sets.map((set) => [setKey(set), [...new Set(set)]]));
  if (!unique.size) return out;
  const cols = [...new Set(sets.flat())];
  const ref = (c: string) => `s.${engine.ident(c)}`;
  const rows = await engine.all<Record<string, string | number>>(
    `SELECT ${cols.map((c, k) => `COALESCE(${ref(c)}, '') AS v${k}, GROUPING(${ref(c)}) AS g${k}`).join(', ')}, ${weight ? `SUM(s.${engine.ident(weight)})` : 'COUNT(*)'} AS n
     FROM ${stage} s GROUP BY GROUPING SETS (${[...unique.values()].map((set) => `(${set.map(ref).join(', ')})`).join(', ')})`,
  );
  for (const key of unique.keys()) out.set(key, []);
  for (const row of rows) {
    const grouped = cols.filter((_, k) => Number(row[`g${k}`]) === 0);
    const values = Object.fromEntries(grouped.map((c) => [c, String(row[`v${cols.indexOf(c)}`])]));
    out.get(setKey(grouped))?.push({ values, n: Number(row.n) });
  }
  return out;
}
const raw = (v: string): string | null => (v === '' ? null : v);

export async function codedLookup(
  engine: Engine,
  plan: AttributePlan,
  table: string,
  unmapped: UnmappedEntry[],
  distinct: DistinctCounts,
): Promise<Lookup> {
  const counts = (distinct.get(setKey([plan.column])) ?? []).map((d) => ({
    raw: d.values[plan.column] ?? '',
    n: d.n,
  }));
  await engine.run(
    `CREATE TEMP TABLE ${table} (id INTEGER, raw VARCHAR, label VARCHAR, known BOOLEAN, srank INTEGER)`,
  );
  const rows = counts.map((c, id): SqlValue[] => {
    const m = mapCode(plan.key, plan.mapping, raw(c.raw), plan.custom);
    if (m.unmapped) unmapped.push({ attribute: plan.key, column: plan.column, code: c.raw, rows: c.n });
    return [id, c.raw, m.label, m.known, m.statusRank];
  });
  await insertRows(engine, table, rows);
  return { table, plans: [plan] };
}

export async function raceLookup(
  engine: Engine,
  plans: AttributePlan[],
  table: string,
  unmapped: UnmappedEntry[],
  distinct: DistinctCounts,
): Promise<Lookup> {
  const race = plans.find((p) => p.key !== 'ethnicity');
  const eth = plans.find((p) => p.key === 'ethnicity');
  const counts = (distinct.get(setKey(plans.map((p) => p.column))) ?? []).map((d) => ({
    r: race ? (d.values[race.column] ?? '') : '',
    e: eth ? (d.values[eth.column] ?? '') : '',
    n: d.n,
  }));
  await engine.run(`CREATE TEMP TABLE ${table} (id INTEGER, raw VARCHAR, raw2 VARCHAR, race VARCHAR, ethnicity VARCHAR,
    race_ethnicity VARCHAR, race_codes VARCHAR, ethnicity_codes VARCHAR, known BOOLEAN, srank INTEGER)`);
  const tally = new Map<string, UnmappedEntry>();
  const add = (p: AttributePlan, code: string, n: number) => {
    const k = `${p.key}\u0000${code}`;
    const e = tally.get(k) ?? { attribute: p.key, column: p.column, code, rows: 0 };
    e.rows += n;
    tally.set(k, e);
  };
  const rows = counts.map((c, id): SqlValue[] => {
    const m = mapRaceEthnicity(
      { mapping: race?.mapping, raw: raw(c.r) },
      { mapping: eth?.mapping, raw: raw(c.e) },
    );
    if (race && m.raceUnmapped) add(race, c.r, c.n);
    if (eth && m.ethnicityUnmapped) add(eth, c.e, c.n);
    const rank = statusRank(m.race_ethnicity);
    return [
      id,
      c.r,
      c.e,
      m.race,
      m.ethnicity,
      m.race_ethnicity,
      m.raceCodes.join(';'),
      m.ethnicityCodes.join(';'),
      rank === null,
      rank,
    ];
  });
  unmapped.push(...tally.values());
  await insertRows(engine, table, rows);
  return { table, plans: [race, eth].filter((p): p is AttributePlan => p !== undefined) };
}

/** The join condition of a lookup to the stage rows (alias `s`). */
export function lookupJoin(engine: Engine, lk: Lookup, alias: string): string {
  const race = lk.plans.find((p) => p.kind === 'race' && p.key !== 'ethnicity');
  const eth = lk.plans.find((p) => p.key === 'ethnicity');
  if (lk.plans[0]?.kind !== 'race') return `${alias}.raw = ${col(engine, lk.plans[0]!)}`;
  return `${alias}.raw = ${race ? col(engine, race) : "''"} AND ${alias}.raw2 = ${eth ? col(engine, eth) : "''"}`;
}
