/**
 * The tabular source loader (`type: csv | tsv | parquet`): stage → row checks → measure rows → lookups →
 * patients, all in SQL inside the dataset version's transaction. Accounts for every row of every file.
 */
import { basename } from 'node:path';
import type { Engine } from '../../engine/dialect.js';
import { invalidInput, type Warning } from '../../errors.js';
import { knownColumnsText, findColumn } from '../expressions/index.js';
import type { FileAccount, LoadContext, LoadResult, SourceLoader } from '../source-loader.js';
import { planAttributes, type AttributePlan } from './attributes.js';
import {
  codedLookup,
  distinctCounts,
  insertRows,
  raceLookup,
  type Lookup,
  type UnmappedEntry,
} from './lookups.js';
import { planMeasureRows, runMeasureRows } from './measure-rows.js';
import { createPersonGroups, loadPatients } from './patients.js';
import { dateSql, GROUP_ROWS } from './resolve-sql.js';
import { applyRowChecks, rowChecks } from './row-checks.js';
import { readHeader, stageFiles } from './stage.js';

const STEPS = 5;

export const loadTabular: SourceLoader = async (ctx: LoadContext): Promise<LoadResult> => {
  const { engine, schema, source, config } = ctx;
  if (!ctx.paths.length) {
    throw invalidInput(`Source "${source.name}" has no input file.`, {
      path: 'sources[].path',
      fix: 'Set sources[].path in the config or pass --data FILE.',
    });
  }
  const prefix = `__eq_${source.name.replace(/[^a-z0-9_]/g, '_')}`;
  const warnings: Warning[] = [];
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
  const measureRows = planMeasureRows(engine, {
    schema,
    stage: `${prefix}_stage`,
    source: source.name,
    header,
    config,
    first,
    file,
  });
  const eventCol = map.event_date ? findColumn(map.event_date, header) : undefined;
  const needed = new Set([
    pid,
    ...(eventCol ? [eventCol] : []),
    ...plans.map((p) => p.column),
    ...measureRows.columns,
  ]);
  const columns =
    header.length === 1 && header[0] === 'column0' ? undefined : header.filter((c) => needed.has(c));
  const staged = await stageFiles(engine, {
    table: `${prefix}_stage`,
    schema,
    type: source.type,
    source,
    paths: ctx.paths,
    columns,
  });
  step(1);
  const checks = rowChecks(engine, {
    patientId: pid,
    dates: [eventCol, ...plans.filter((p) => p.kind === 'date').map((p) => p.column)].filter(
      (c): c is string => !!c,
    ),
    numbers: plans.filter((p) => p.kind === 'number').map((p) => p.column),
  });
  const checked = await applyRowChecks(engine, { schema, source: source.name, staged, checks });
  step(2);
  // From here on no statement relies on insertion order (the stage keeps its rowids), so DuckDB may write
  // the canonical tables' row groups in parallel.
  await unordered(engine, () => runMeasureRows(engine, measureRows));
  step(3);

  const unmapped: UnmappedEntry[] = [];
  const eventDate = eventCol ? dateSql(`s.${engine.ident(eventCol)}`) : null;
  // One pass over the rows: per person and distinct source values; lookups and patients read only that.
  const groups = await createPersonGroups(engine, { stage: staged.table, prefix, pid, eventDate, plans });
  const lookups = await buildLookups(engine, groups, prefix, plans, unmapped);
  if (unmapped.length) {
    await insertRows(
      engine,
      `${schema}.unmapped (source, attribute, column_name, code, rows)`,
      unmapped.map((u) => [source.name, u.attribute, u.column, u.code, u.rows]),
    );
  }
  step(4);
  await unordered(engine, () =>
    loadPatients(engine, {
      schema,
      stage: staged.table,
      prefix,
      source: source.name,
      pid,
      groups,
      eventDate,
      rule: map.conflict_rule,
      lookups,
      plans,
    }),
  );
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
    loaded: f.staged - (checked[i] ?? 0),
    rejected: f.rejectedLines + (checked[i] ?? 0),
  }));
  const sum = (k: 'read' | 'loaded' | 'rejected') => files.reduce((a, f) => a + f[k], 0);
  return { read: sum('read'), loaded: sum('loaded'), rejected: sum('rejected'), files, warnings };
};

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

/** Run `fn` with DuckDB's `preserve_insertion_order` off, then restore the setting. */
async function unordered<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
  const [row] = await engine.all<{ v: unknown }>(`SELECT current_setting('preserve_insertion_order') AS v`);
  const before = row?.v === false || row?.v === 'false' ? 'false' : 'true';
  await engine.run('SET preserve_insertion_order = false');
  try {
    return await fn();
  } finally {
    await engine.run(`SET preserve_insertion_order = ${before}`);
  }
}

async function dropTemps(engine: Engine, prefix: string): Promise<void> {
  const rows = await engine.all<{ t: string }>(
    `SELECT table_name AS t FROM duckdb_tables() WHERE temporary AND starts_with(table_name, $1)`,
    [prefix],
  );
  for (const r of rows) await engine.run(`DROP TABLE IF EXISTS ${engine.ident(r.t)}`);
}
