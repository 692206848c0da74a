/**
 * One row per person from the staged rows: each attribute resolved over the person's rows (all known values
 * agree → that value; they disagree → the conflict rule, and the attribute is listed in `conflicts`; none
 * known → the strongest status, Declined > Unknown > Missing). One pass over all rows groups them by person
 * and source values (with row counts and first/last source order); the resolution and the conflict rules
 * then read only those groups.
 */
import type { Engine } from '../../engine/dialect.js';
import { DECLINED, MISSING, UNKNOWN } from '../../model/status.js';
import type { AttributePlan } from './attributes.js';
import type { Lookup } from './lookups.js';
import {
  aggregateSql,
  conflictSql,
  joinSql,
  GROUP_FIRST,
  GROUP_LAST,
  GROUP_ROWS,
  resolvable,
  type ConflictRule,
  type Resolvable,
} from './resolve-sql.js';

export interface PatientsInput {
  stage: string;
  /** The person groups table (createPersonGroups). */
  groups: string;
  prefix: string;
  source: string;
  pid: string;
  /** SQL (alias `s`) of the row's event date, for the age band from a birth date. */
  eventDate: string | null;
  rule: ConflictRule;
  lookups: Map<AttributePlan, Lookup>;
  plans: AttributePlan[];
}

/** Attributes that change with time (a person ages): the latest row wins and a difference is no conflict. */
const TIME_VARYING = new Set(['age_band', 'age', 'age_years']);
const SOURCE_COLUMNS = new Set(['sex', 'gender_identity', 'sexual_orientation', 'language', 'payer']);
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** 10-year band of an age (src/model/vocab/age.ts `10y` scheme) in SQL. */
export const ageBandSql = (age: string): string => `CASE WHEN ${age} IS NULL THEN ${lit(MISSING)}
  WHEN ${age} < 0 OR ${age} > 130 THEN ${lit(UNKNOWN)} WHEN ${age} >= 90 THEN '90+'
  ELSE CAST(CAST(floor(${age} / 10) * 10 AS INTEGER) AS VARCHAR) || '-' || CAST(CAST(floor(${age} / 10) * 10 + 9 AS INTEGER) AS VARCHAR) END`;

const LAST_EVENT = '__eq_last_event';
/** The last event date only serves the age band from a birth date. */
const hasLastEvent = (input: GroupsInput): boolean =>
  !!input.eventDate && input.plans.some((p) => p.target === 'birth_date');

type GroupsInput = Pick<PatientsInput, 'stage' | 'prefix' | 'pid' | 'eventDate' | 'plans'>;

/**
 * Person groups: one row per person and distinct combination of the attributes' source columns, with the
 * rows it stands for (GROUP_ROWS) and their first/last source order. Returns the temp table's name.
 */
export async function createPersonGroups(engine: Engine, input: GroupsInput): Promise<string> {
  const groups = `${input.prefix}_groups`;
  const lastEvent = hasLastEvent(input) ? `, MAX(${input.eventDate}) AS ${LAST_EVENT}` : '';
  const columns = [...new Set([input.pid, ...input.plans.map((p) => p.column)])].map(
    (c) => `s.${engine.ident(c)}`,
  );
  await engine.run(`CREATE TEMP TABLE ${groups} AS
    SELECT ${columns.join(', ')}, COUNT(*) AS ${GROUP_ROWS}, MIN(s.rowid) AS ${GROUP_FIRST},
      MAX(s.rowid) AS ${GROUP_LAST}${lastEvent}
    FROM ${input.stage} s GROUP BY ${columns.join(', ')}`);
  return groups;
}

/** The resolved people (temp tables) and the SELECT that turns them into `patients` rows. */
export interface ResolvedPatients {
  /** Patients columns, and the SQL of each (over `persons` p and its joins; $1 is the source). */
  columns: Record<string, string>;
  /** FROM clause: the persons temp table (alias p) and its joins. */
  from: string;
  source: string;
}

/**
 * Resolve each person's attributes into temp tables (no write to a dataset version, so this may run
 * before the version's transaction); `insertPatients` then writes them.
 */
export async function resolvePatients(engine: Engine, input: PatientsInput): Promise<ResolvedPatients> {
  const { prefix } = input;
  const persons = `${prefix}_persons`;
  const seen = new Set<Lookup>();
  const rs: Resolvable[] = [];
  for (const plan of input.plans) {
    const lk = input.lookups.get(plan) ?? null;
    if (lk && seen.has(lk)) continue;
    if (lk) seen.add(lk);
    rs.push(resolvable(engine, plan, lk, rs.length));
  }
  const pid = `s.${engine.ident(input.pid)}`;
  const groups = input.groups;
  const lastEvent = hasLastEvent(input);
  await engine.run(`CREATE TEMP TABLE ${persons} AS
    SELECT ${pid} AS pid${rs.map((r, i) => `, ${aggregateSql(r, i)}`).join('')},
      ${lastEvent ? `MAX(s.${LAST_EVENT})` : 'NULL::DATE'} AS last_event
    FROM ${groups} s ${rs.map((r) => joinSql(engine, r)).join(' ')}
    GROUP BY 1`);

  const joins: string[] = [];
  const cols: Record<string, string> = { patient_id: 'p.pid', source: '$1' };
  const conflicts: string[] = [];
  // Which attributes have people whose known values disagree (one pass over the people).
  const diff = (i: number) => `p.a${i}_min <> p.a${i}_max`;
  const [counts] = rs.length
    ? await engine.all<Record<string, number>>(
        `SELECT ${rs.map((_, i) => `COUNT(*) FILTER (WHERE ${diff(i)}) AS c${i}`).join(', ')} FROM ${persons} p`,
      )
    : [];
  const conflicted = rs.map((_, i) => Number(counts?.[`c${i}`] ?? 0) > 0);
  for (const [i, r] of rs.entries()) {
    const timeVarying = TIME_VARYING.has(r.name);
    let value = `p.a${i}_min`;
    if (conflicted[i]) {
      await engine.run(
        `CREATE TEMP TABLE ${prefix}_r${i} AS ${conflictSql(engine, r, i, { groups, persons, pid: input.pid, rule: timeVarying ? 'last' : input.rule })}`,
      );
      joins.push(`LEFT JOIN ${prefix}_r${i} r${i} ON r${i}.pid = p.pid`);
      value = `COALESCE(r${i}.v, p.a${i}_min)`;
      if (!timeVarying) conflicts.push(`CASE WHEN p.a${i}_min <> p.a${i}_max THEN ${lit(r.name)} END`);
    }
    if (r.lookup) {
      joins.push(`LEFT JOIN ${r.lookup.table} f${i} ON f${i}.id = COALESCE(${value}, p.a${i}_s)`);
      Object.assign(cols, lookupColumns(r, `f${i}`));
    } else if (r.plan.kind === 'text') {
      cols[r.plan.target!] = `COALESCE(${value}, ${lit(MISSING)})`;
    } else {
      cols[r.plan.target!] = value;
    }
  }
  if (!Object.hasOwn(cols, 'age_band')) {
    const bd = rs.findIndex((r) => r.plan.target === 'birth_date');
    if (cols.birth_date) {
      // A birth date given but not a date: age Unknown (not Missing).
      const band = ageBandSql(`date_sub('year', ${cols.birth_date}, p.last_event)`);
      cols.age_band =
        bd >= 0
          ? `CASE WHEN p.a${bd}_bad AND ${cols.birth_date} IS NULL THEN ${lit(UNKNOWN)} ELSE ${band} END`
          : band;
    } else if (cols.age_years) cols.age_band = ageBandSql(cols.age_years);
  }
  if (!Object.hasOwn(cols, 'limited_english') && (cols.language || cols.interpreter_needed)) {
    cols.limited_english = limitedEnglishSql(cols.language ?? null, cols.interpreter_needed ?? null);
  }
  cols.conflicts = conflicts.length
    ? `CAST(list_filter([${conflicts.join(', ')}], x -> x IS NOT NULL) AS VARCHAR[])`
    : 'CAST([] AS VARCHAR[])';
  return { columns: cols, from: `${persons} p ${joins.join(' ')}`, source: input.source };
}

/** Write the resolved people into `${schema}.patients` (people an earlier source loaded are kept as they were). */
export async function insertPatients(engine: Engine, schema: string, r: ResolvedPatients): Promise<void> {
  const names = Object.keys(r.columns);
  const [{ existing }] = (await engine.all<{ existing: number }>(
    `SELECT COUNT(*) AS existing FROM ${schema}.patients`,
  )) as [{ existing: number }];
  const anti = existing ? `WHERE p.pid NOT IN (SELECT patient_id FROM ${schema}.patients)` : '';
  await engine.run(
    `INSERT INTO ${schema}.patients (${names.map((c) => engine.ident(c)).join(', ')})
     SELECT ${names.map((c) => r.columns[c]).join(', ')} FROM ${r.from} ${anti}`,
    [r.source],
  );
}

function lookupColumns(r: Resolvable, f: string): Record<string, string> {
  const plan = r.plan;
  if (plan.kind === 'race') {
    const split = (c: string) =>
      `CASE WHEN ${f}.${c} = '' OR ${f}.${c} IS NULL THEN CAST([] AS VARCHAR[]) ELSE string_split(${f}.${c}, ';') END`;
    const out: Record<string, string> = {
      race: `${f}.race`,
      ethnicity: `${f}.ethnicity`,
      race_ethnicity: `${f}.race_ethnicity`,
      race_codes: split('race_codes'),
      ethnicity_codes: split('ethnicity_codes'),
    };
    if (r.lookup!.plans.some((p) => p.key !== 'ethnicity')) out.race_source = `NULLIF(${f}.raw, '')`;
    if (r.lookup!.plans.some((p) => p.key === 'ethnicity')) out.ethnicity_source = `NULLIF(${f}.raw2, '')`;
    return out;
  }
  if (plan.key === 'interpreter_needed') {
    return { interpreter_needed: `CASE ${f}.label WHEN 'Yes' THEN TRUE WHEN 'No' THEN FALSE END` };
  }
  const out: Record<string, string> = { [plan.target!]: `${f}.label` };
  if (SOURCE_COLUMNS.has(plan.key)) out[`${plan.key}_source`] = `NULLIF(${f}.raw, '')`;
  return out;
}

/** Limited English = preferred language not English OR interpreter needed (language.ts), in SQL. */
function limitedEnglishSql(language: string | null, interpreter: string | null): string {
  const statuses = [DECLINED, UNKNOWN, MISSING].map(lit).join(', ');
  const lang = language ?? lit(MISSING);
  const interp = interpreter ? `WHEN ${interpreter} THEN 'Yes' ` : '';
  return `CASE ${interp}WHEN ${lang} IS NULL THEN ${lit(MISSING)} WHEN ${lang} IN (${statuses}) THEN ${lang}
    WHEN ${lang} = 'English' THEN 'No' ELSE 'Yes' END`;
}
