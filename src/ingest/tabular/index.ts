/**
 * The tabular source loader (`type: csv | tsv | parquet`), all in SQL. Its `prepare`, before the dataset
 * version's transaction and into temp tables only: stage (with the row checks and the parsed event date
 * computed as rows are staged) → rejected rows out → lookups → people resolved. The load, in the
 * transaction: rejections, unmapped codes, measure rows and patients written. Accounts for every row of
 * every file.
 */
import { basename } from 'node:path';
import type { Engine } from '../../engine/dialect.js';
import { invalidInput, type Warning } from '../../errors.js';
import { knownColumnsText, findColumn } from '../expressions/index.js';
import type { FileAccount, LoadContext, LoadResult, PrepareContext, SourceLoader } from '../source-loader.js';
import { planAttributes, type AttributePlan } from './attributes.js';
import {
  codedLookup,
  distinctCounts,
  insertRows,
  raceLookup,
  type Lookup,
  type UnmappedEntry,
} from './lookups.js';
import { planMeasureRows, runMeasureRows, type MeasureRowsPlan } from './measure-rows.js';
import { createPersonGroups, insertPatients, resolvePatients, type ResolvedPatients } from './patients.js';
import { dateSql, GROUP_ROWS } from './resolve-sql.js';
import {
  applyRowChecks,
  firstFailedCheck,
  rowChecks,
  writeRowRejections,
  type CheckedRows,
} from './row-checks.js';
import { readHeader, stageFiles, writeStageRejects, type Staged } from './stage.js';
import { attributeWarnings } from './attribute-warnings.js';
import { identifyingColumns } from './identifying.js';
import { rejectDuplicateUnits } from './duplicate-units.js';
import { checkLiterals } from './literal-check.js';

const STEPS = 5;
/** Stage column: the event date, parsed. */
const EVENT_DATE = '__eq_event_date';

/** What `prepare` leaves for the load: the stage (rejected rows already out of it) and the plans. */
interface PreparedTabular {
  prefix: string;
  staged: Staged;
  checked: CheckedRows;
  measureRows: MeasureRowsPlan;
  unmapped: UnmappedEntry[];
  patients: ResolvedPatients;
  warnings: Warning[];
}

/**
 * Before the version's transaction: check the mapping against the header, stage the files (temp table),
 * run the row checks, map the codes and resolve the people, all into temp tables. Nothing of a dataset
 * version is written here. (DuckDB scans tables written inside the open transaction much more slowly, and
 * the transaction keeps the whole version's writes, so only the canonical tables' INSERTs run in it.)
 */
async function prepareTabular(ctx: PrepareContext): Promise<PreparedTabular> {
  const { engine, source, config } = ctx;
  if (!ctx.paths.length) {
    throw invalidInput(`Source "${source.name}" has no input file.`, {
      path: 'sources[].path',
      fix: 'Set sources[].path in the config, or name the input file.',
      next: 'input_path',
    });
  }
  // Temp tables of every source coexist until the transaction (each source is prepared first): the
  // source's position keeps their names apart whatever the names are.
  const index = config.sources.indexOf(source);
  const prefix = `__eq_${index < 0 ? 'x' : index}_${source.name.replace(/[^a-z0-9_]/g, '_')}`;
  const step = (n: number) => ctx.progress?.(n, STEPS);
  const file = ctx.paths[0]!;
  const header = await readHeader(engine, source.type, file, source);
  const map = config.mapping;
  const pid = findColumn(map.patient_id, header);
  if (!pid) {
    throw invalidInput(
      `${basename(file)} has no column "${map.patient_id}" (mapping.patient_id), which is required. Columns found: ${knownColumnsText(header)}.`,
      {
        file,
        line: 1,
        column: map.patient_id,
        path: 'mapping.patient_id',
        fix: 'Export the patient identifier column, or set mapping.patient_id to the column that holds it.',
      },
    );
  }
  // Check the whole mapping and every expression against the header before reading the data.
  const plans = planAttributes(map, header, file);
  const first = config.sources[0]?.name === source.name;
  const eventCol = map.event_date ? findColumn(map.event_date, header) : undefined;
  // The event date is parsed once, as the rows are staged; the checks, measure rows and people read it.
  const derived = eventCol ? [{ name: EVENT_DATE, sql: dateSql(engine.ident(eventCol)) }] : [];
  const eventDate = eventCol ? `s.${engine.ident(EVENT_DATE)}` : null;
  const measureRows = planMeasureRows(engine, {
    stage: `${prefix}_stage`,
    source: source.name,
    header,
    config,
    first,
    file,
    eventDate: eventDate ?? undefined,
  });
  const needed = new Set([
    pid,
    ...(eventCol ? [eventCol] : []),
    ...plans.map((p) => p.column),
    ...measureRows.columns,
  ]);
  const columns =
    header.length === 1 && header[0] === 'column0' ? undefined : header.filter((c) => needed.has(c));
  // A bad birth date does not reject the row (the unit counts, the age is Unknown: attribute-warnings.ts).
  const checks = rowChecks(engine, {
    patientId: pid,
    dates: eventCol ? [eventCol] : [],
    numbers: plans.filter((p) => p.kind === 'number').map((p) => p.column),
    parsed: new Map(eventCol ? [[eventCol, EVENT_DATE]] : []),
    identifying: identifyingColumns(map, header),
  });
  // The row checks run as the rows are staged (one pass over the data), their result in a column.
  const staged = await stageFiles(engine, {
    table: `${prefix}_stage`,
    type: source.type,
    source,
    paths: ctx.paths,
    columns,
    check: firstFailedCheck(checks),
    derived,
  });
  step(1);
  const unitCol = map.unit_id ? findColumn(map.unit_id, header) : undefined;
  const dedup = unitCol
    ? await rejectDuplicateUnits(engine, {
        staged,
        checked: await applyRowChecks(engine, { staged, checks }),
        unit: unitCol,
      })
    : { checked: await applyRowChecks(engine, { staged, checks }), warnings: [] };
  const checked = dedup.checked;
  const literalWarnings = await checkLiterals(engine, {
    stage: staged.table,
    config,
    source: source.name,
    first,
    header,
    file,
  });
  step(2);
  // The people, resolved from the stage into temp tables (no statement from here relies on insertion
  // order: the stage keeps its rowids).
  const unmapped: UnmappedEntry[] = [];
  const warnings: Warning[] = [...dedup.warnings, ...literalWarnings];
  const patients = await unordered(engine, async () => {
    // One pass over the rows: per person and distinct source values; lookups and patients read only that.
    const groups = await createPersonGroups(engine, { stage: staged.table, prefix, pid, eventDate, plans });
    warnings.push(...(await attributeWarnings(engine, { groups, pid, plans, file: basename(file) })));
    const lookups = await buildLookups(engine, groups, prefix, plans, unmapped);
    return resolvePatients(engine, {
      stage: staged.table,
      prefix,
      source: source.name,
      pid,
      groups,
      eventDate,
      rule: map.conflict_rule,
      lookups,
      plans,
    });
  });
  step(3);
  return { prefix, staged, checked, measureRows, unmapped, patients, warnings };
}

const load = async (ctx: LoadContext): Promise<LoadResult> => {
  const { engine, schema, source, config } = ctx;
  const prep = (ctx.prepared as PreparedTabular | undefined) ?? (await prepareTabular(ctx));
  const { prefix, staged, checked, unmapped } = prep;
  const map = config.mapping;
  const warnings: Warning[] = [...prep.warnings];
  const step = (n: number) => ctx.progress?.(n, STEPS);
  await writeStageRejects(engine, staged, { schema, source: source.name });
  await writeRowRejections(engine, { schema, source: source.name, staged, checked });
  if (unmapped.length) {
    await insertRows(
      engine,
      `${schema}.unmapped (source, attribute, column_name, code, rows)`,
      unmapped.map((u) => [source.name, u.attribute, u.column, u.code, u.rows]),
    );
  }
  // Insertion order does not matter to the canonical tables, so DuckDB may write their row groups in parallel.
  await unordered(engine, async () => {
    await runMeasureRows(engine, prep.measureRows, schema);
    step(4);
    await insertPatients(engine, schema, prep.patients);
  });
  await dropTemps(engine, prefix);
  step(5);

  const ignored = Object.keys(map.facets ?? {}).filter(
    (f) => !['department', 'site', 'clinician_group'].includes(f),
  );
  if (ignored.length) {
    warnings.push({
      code: 'facet_ignored',
      message: `Facets ${ignored.join(', ')} are not supported yet (department, site, clinician_group are).`,
    });
  }
  const files: FileAccount[] = staged.files.map((f, i) => ({
    file: f.file,
    read: f.staged + f.rejectedLines,
    loaded: f.staged - (checked.perFile[i] ?? 0),
    rejected: f.rejectedLines + (checked.perFile[i] ?? 0),
  }));
  const sum = (k: 'read' | 'loaded' | 'rejected') => files.reduce((a, f) => a + f[k], 0);
  return { read: sum('read'), loaded: sum('loaded'), rejected: sum('rejected'), files, warnings };
};

export const loadTabular: SourceLoader = Object.assign(load, { prepare: prepareTabular });

async function buildLookups(
  engine: Engine,
  groups: string,
  prefix: string,
  plans: AttributePlan[],
  unmapped: UnmappedEntry[],
): Promise<Map<AttributePlan, Lookup>> {
  const out = new Map<AttributePlan, Lookup>();
  const race = plans.filter((p) => p.kind === 'race');
  const coded = plans.filter((p) => p.kind === 'coded');
  const sets = [...(race.length ? [race.map((p) => p.column)] : []), ...coded.map((p) => [p.column])];
  const distinct = await distinctCounts(engine, groups, sets, GROUP_ROWS);
  if (race.length) {
    const lk = await raceLookup(engine, race, `${prefix}_lk_race`, unmapped, distinct);
    race.forEach((p) => out.set(p, lk));
  }
  for (const [i, p] of coded.entries()) {
    out.set(p, await codedLookup(engine, p, `${prefix}_lk${i}`, unmapped, distinct));
  }
  return out;
}

/**
 * Run `fn` with DuckDB's `preserve_insertion_order` off, then restore the setting. When `fn` fails, its error
 * is the one thrown: restoring the setting in an aborted transaction fails too ("Current transaction is
 * aborted"), which would mask the real cause (e.g. "No space left on device").
 */
async function unordered<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
  const [row] = await engine.all<{ v: unknown }>(`SELECT current_setting('preserve_insertion_order') AS v`);
  const before = row?.v === false || row?.v === 'false' ? 'false' : 'true';
  const restore = () => engine.run(`SET preserve_insertion_order = ${before}`);
  await engine.run('SET preserve_insertion_order = false');
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await restore().catch(() => undefined);
    throw err;
  }
  await restore();
  return result;
}

async function dropTemps(engine: Engine, prefix: string): Promise<void> {
  const rows = await engine.all<{ t: string }>(
    `SELECT table_name AS t FROM duckdb_tables() WHERE temporary AND starts_with(table_name, $1)`,
    [`${prefix}_`],
  );
  for (const r of rows) await engine.run(`DROP TABLE IF EXISTS ${engine.ident(r.t)}`);
}
