/**
 * The FHIR R4 source (`type: fhir`): Bundles (JSON files or folders of them) and bulk-export NDJSON (also
 * `.gz`), streamed resource by resource into staging files — on a reader thread per core for a large source
 * (read-all.ts) — then bulk-loaded by DuckDB into `patients`, the clinical event tables and
 * `sdoh_screenings` (see read-source.ts, stage-*.ts, finalize-*.ts). Every resource read is loaded or
 * rejected with its file and line (NDJSON line or Bundle entry number): read = loaded + rejected, per file.
 */
import { availableParallelism } from 'node:os';
import { EquilensError, type Warning } from '../../errors.js';
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import type { EquilensConfig } from '../../config/index.js';
import { CLINICAL_TABLES, createClinicalTableSql, type ClinicalTable } from '../../model/clinical.js';
import type { LoadContext, LoadResult, SourceLoader } from '../source-loader.js';
import { eventSinks, finishEvents, rejectInSql } from './finalize-events.js';
import { insertPatients } from './finalize-patients.js';
import { listInputs, type FhirInput } from './inputs.js';
import { LOAD_SETTINGS, readingSettings, withSettings } from './load-settings.js';
import { DEFAULT_READ_OPTIONS, readAll, readerThreads, type ReadOptions } from './read-all.js';
import type { ReadSummary } from './read-source.js';
import { StageLoader } from './stage-loader.js';

/**
 * Ages are computed at: the source's `as_of`, else the latest library-measure period end (as the OMOP
 * source), else today. `chosen` is false for the last (a warning).
 */
function asOfDate(config: EquilensConfig, sourceAsOf: string | undefined): { date: string; chosen: boolean } {
  if (sourceAsOf) return { date: sourceAsOf, chosen: true };
  const ends = config.measures
    .map((m) => (m as { period?: { end?: string } }).period?.end)
    .filter((e): e is string => typeof e === 'string')
    .sort();
  if (ends.length) return { date: ends.at(-1) as string, chosen: true };
  return { date: new Date().toISOString().slice(0, 10), chosen: false };
}

function warningsOf(summary: ReadSummary, asOf: string, explicit: boolean): Warning[] {
  const warnings: Warning[] = [];
  if (summary.ignored.size)
    warnings.push({
      code: 'fhir_ignored_types',
      message: `Accepted but not used: ${[...summary.ignored].map(([t, n]) => `${t} (${n})`).join(', ')}.`,
      types: Object.fromEntries(summary.ignored),
    });
  if (!explicit)
    warnings.push({
      code: 'fhir_age_reference',
      message: `Age bands are computed at ${asOf}; set sources[].as_of (or a measure period) to choose the date.`,
    });
  return warnings;
}

async function recordUnmapped(
  engine: Engine,
  schema: string,
  source: string,
  summary: ReadSummary,
): Promise<void> {
  const rows = [...summary.unmapped].map(([key, n]) => {
    const [attribute, column, code] = JSON.parse(key) as [string, string, string];
    return `(${[source, attribute, column, code].map(quoteLiteral).join(', ')}, ${n})`;
  });
  for (let i = 0; i < rows.length; i += 500)
    await engine.run(
      `INSERT INTO ${schema}.unmapped (source, attribute, column_name, code, rows) VALUES ${rows.slice(i, i + 500).join(', ')}`,
    );
}

/** Load the source's inputs (read into `stage`) into the dataset schema, finalised. */
async function loadInputs(
  ctx: LoadContext,
  inputs: readonly FhirInput[],
  stage: StageLoader,
  threads: number,
  options: ReadOptions,
): Promise<LoadResult> {
  const { engine, schema, source, config } = ctx;
  await engine.run('CREATE OR REPLACE TEMP TABLE fhir_files (idx INTEGER, path VARCHAR)');
  await engine.run(
    `INSERT INTO fhir_files VALUES ${inputs.map((f, i) => `(${i}, ${quoteLiteral(f.path)})`).join(', ')}`,
  );
  for (const t of Object.keys(CLINICAL_TABLES) as ClinicalTable[])
    await engine.run(createClinicalTableSql(schema, t));
  stage.begin(engine, eventSinks(schema, source.name));
  const summary = await withSettings(engine, readingSettings(availableParallelism(), threads), async () => {
    const read = await readAll(inputs, stage, threads, options, (n) => ctx.progress?.(n));
    await stage.load();
    return read;
  });
  const sqlRejected = await rejectInSql(engine, schema, source.name, summary.duplicatePatients > 0);
  await finishEvents(engine, schema, source.name, {
    links: (summary.staged.links ?? 0) > 0,
    dedupe: summary.flags.has('questionnaire-answers'),
    orphans: sqlRejected.orphans,
  });
  const asOf = asOfDate(config, source.as_of);
  await insertPatients(engine, schema, source.name, asOf.date);
  await recordUnmapped(engine, schema, source.name, summary);
  const files = summary.files.map((f, i) => {
    const extra = sqlRejected.byFile.get(i) ?? 0;
    return { ...f, loaded: f.loaded - extra, rejected: f.rejected + extra };
  });
  await engine.run(summary.duplicatePatients ? 'DROP TABLE fhir_pat_ok' : 'DROP VIEW fhir_pat_ok');
  for (const t of ['sql_rej', 'member', 'files']) await engine.run(`DROP TABLE IF EXISTS fhir_${t}`);
  await stage.dropTemps(engine);
  const sum = (k: 'read' | 'loaded' | 'rejected'): number => files.reduce((a, f) => a + f[k], 0);
  ctx.progress?.(sum('read'), sum('read'));
  return {
    read: sum('read'),
    loaded: sum('loaded'),
    rejected: sum('rejected'),
    files,
    warnings: warningsOf(summary, asOf.date, asOf.chosen),
  };
}

/** The FHIR loader reading with `options` (tests force reader threads on small sources). */
export function fhirLoader(options: ReadOptions = DEFAULT_READ_OPTIONS): SourceLoader {
  return async (ctx: LoadContext): Promise<LoadResult> => {
    const { engine } = ctx;
    if (!engine.capabilities.readsFiles)
      throw new EquilensError(
        'internal',
        `The FHIR source needs an engine that reads staged files (${engine.name} does not).`,
      );
    const inputs = listInputs(ctx.paths);
    const threads = readerThreads(inputs, options);
    const stage = new StageLoader();
    try {
      return await withSettings(engine, LOAD_SETTINGS, () =>
        loadInputs(ctx, inputs, stage, threads, options),
      );
    } finally {
      await stage.settle();
      stage.close();
    }
  };
}

/**
 * @example
 *   await createDatasetVersion(engine, summary, (schema, tx) =>
 *     loadFhir({ engine: tx, schema, source, config, paths: ['export/'] }));
 */
export const loadFhir: SourceLoader = fhirLoader();
