/**
 * SQL pieces shared by the person resolution: how each attribute reads per row (a key, whether it is
 * known, its status rank) and how a person's rows are reduced to one value by the conflict rule.
 */
import { quoteIdent, type Engine } from '../../engine/dialect.js';
import type { AttributePlan } from './attributes.js';
import { zipSql } from './zip-sql.js';
import { lookupJoin, type Lookup } from './lookups.js';

/**
 * Columns of the person-groups table (one row per person and distinct combination of the attributes'
 * source values): how many staged rows it stands for, and the source order of its first and last row.
 */
export const GROUP_ROWS = '__eq_n';
export const GROUP_FIRST = '__eq_first';
export const GROUP_LAST = '__eq_last';

export type ConflictRule = 'most_frequent' | 'last' | 'first';

/** One person-level attribute as the resolution sees it. */
export interface Resolvable {
  /** Name written to `patients.conflicts` when a person's known values disagree. */
  name: string;
  /** Alias of its lookup in the row query, or null for pass-through columns. */
  alias: string | null;
  lookup: Lookup | null;
  plan: AttributePlan;
  /** Per-row key (lookup id, or the parsed value). */
  key: string;
  /** Per-row: the value is known (not a status). */
  known: string;
}

/** Date text → DATE (ISO date, ISO timestamp, or US m/d/Y); NULL when it is not a date. */
export const dateSql = (v: string): string =>
  `COALESCE(TRY_CAST(${v} AS DATE), TRY_CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE), CAST(TRY_STRPTIME(${v}, '%m/%d/%Y') AS DATE))`;

export const numberSql = (v: string): string => `TRY_CAST(${v} AS DOUBLE)`;

export function resolvable(
  engine: Engine,
  plan: AttributePlan,
  lookup: Lookup | null,
  i: number,
): Resolvable {
  const c = `s.${engine.ident(plan.column)}`;
  if (lookup) {
    const alias = `l${i}`;
    return { name: plan.key, alias, lookup, plan, key: `${alias}.id`, known: `${alias}.known` };
  }
  const key =
    plan.kind === 'date'
      ? dateSql(c)
      : plan.kind === 'number'
        ? numberSql(c)
        : plan.key === 'zip'
          ? zipSql(c)
          : c;
  return { name: plan.key, alias: null, lookup: null, plan, key, known: `${key} IS NOT NULL` };
}

export const joinSql = (engine: Engine, r: Resolvable): string =>
  r.lookup && r.alias
    ? `LEFT JOIN ${r.lookup.table} ${r.alias} ON ${lookupJoin(engine, r.lookup, r.alias)}`
    : '';

/** Aggregates of attribute i over a person's rows: smallest and largest known key, strongest status. */
export function aggregateSql(r: Resolvable, i: number): string {
  // Without a lookup, "known" is "key IS NOT NULL", which MIN/MAX skip anyway (no FILTER: the key, e.g. a
  // parsed date, is then computed once per row instead of twice).
  const where = r.alias ? ` FILTER (WHERE ${r.known})` : '';
  const parts = [`MIN(${r.key})${where} AS a${i}_min`, `MAX(${r.key})${where} AS a${i}_max`];
  if (r.alias) parts.push(`ARG_MAX(${r.key}, ${r.alias}.srank) FILTER (WHERE NOT ${r.known}) AS a${i}_s`);
  // A date given but not a date (a bad birth date): the person is kept, the value Unknown.
  if (r.plan.kind === 'date') {
    parts.push(`BOOL_OR(s.${quoteIdent(r.plan.column)} IS NOT NULL AND ${r.key} IS NULL) AS a${i}_bad`);
  }
  return parts.join(', ');
}

/** The value a rule picks among a person's known values, as an aggregate over (v, n, last, first). */
const PICK: Readonly<Record<ConflictRule, string>> = {
  // Most rows, ties to the value seen last (`last` is a row order, unique per value: no further tie).
  most_frequent: 'arg_max(v, {n: n, last: last})',
  last: 'arg_max(v, last)',
  first: 'arg_min(v, first)',
};

/**
 * For people whose known values disagree on attribute i: the value the rule picks, read from the person
 * groups (`groups`): a value's row count is the sum over its groups, its last row their latest.
 */
export function conflictSql(
  engine: Engine,
  r: Resolvable,
  i: number,
  opts: { groups: string; persons: string; pid: string; rule: ConflictRule },
): string {
  return `SELECT pid, ${PICK[opts.rule]} AS v FROM (
    SELECT s.${engine.ident(opts.pid)} AS pid, ${r.key} AS v, SUM(s.${GROUP_ROWS}) AS n, MAX(s.${GROUP_LAST}) AS last, MIN(s.${GROUP_FIRST}) AS first
    FROM ${opts.groups} s
    JOIN ${opts.persons} p ON p.pid = s.${engine.ident(opts.pid)} AND p.a${i}_min <> p.a${i}_max
    ${joinSql(engine, r)}
    WHERE ${r.known}
    GROUP BY 1, 2
  ) GROUP BY pid`;
}
