/**
 * `analyze(opts)`: the programmatic API behind `equilens analyze` (contract in the team brief).
 * Reads the config and a dataset version (default: newest), runs ONE engine pass (GROUPING SETS) for every
 * measure, computes the statistics on the aggregates, and writes results.json, results.public.json,
 * results.csv and results.parquet to `out` (default `out/` beside the config).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EquilensConfig } from '../../config/index.js';
import { loadConfig } from '../../config/load.js';
import type { ResultsFile } from '../../model/results.js';
import { parseResults } from '../../model/parse-results.js';
import { VERSION } from '../../version.js';
import type { Engine } from '../dialect.js';
import { qualityForResults, qualityReport } from '../quality/index.js';
import { getDataset, openWorkspace, resolveWorkspaceDir, type DatasetVersion } from '../workspace.js';
import { buildResults, discoveryCombos } from '../../analysis/build-results.js';
import { runPlan } from './run-plan.js';
import { writeOutputs, type OutputFiles } from './outputs.js';
import { AGE_DIM, buildPlan } from '../../analysis/plan.js';
import { measureInfos } from '../../analysis/measure-infos.js';
import { rankingInfo } from '../../analysis/rank.js';
import { columnsOf, selectStratifiers } from './stratifiers.js';

export interface AnalyzeOptions {
  configPath: string;
  workspace?: string;
  out?: string;
  dataset?: number;
  /** Working directory for a relative `workspace`/`out` (default process.cwd()). */
  cwd?: string;
}

export interface AnalyzeRun {
  results: ResultsFile;
  publicResults: ResultsFile;
  files: OutputFiles;
}

/** Contract API: returns the internal results and writes the output files. */
export async function analyze(opts: AnalyzeOptions): Promise<ResultsFile> {
  return (await analyzeRun(opts)).results;
}

export async function analyzeRun(opts: AnalyzeOptions): Promise<AnalyzeRun> {
  const loaded = loadConfig(resolve(opts.cwd ?? process.cwd(), opts.configPath));
  const dir = resolveWorkspaceDir(loaded.dir, opts.workspace, opts.cwd);
  const out = opts.out ? resolve(opts.cwd ?? process.cwd(), opts.out) : join(loaded.dir, 'out');
  const ws = await openWorkspace(dir, { readOnly: true });
  try {
    const dataset = await getDataset(ws.engine, opts.dataset);
    const results = await analyzeDataset(ws.engine, dataset, loaded.config, loaded.hash);
    const releases = join(dir, 'releases');
    // Before any output is written: a public edition that cannot be recorded is not published.
    probeRelease(releases, releaseName(dataset.version, loaded.hash));
    const { files, publicResults } = await writeOutputs(
      results,
      out,
      loaded.config.suppression,
      readReleases(releases),
    );
    recordRelease(releases, publicResults);
    return { results, publicResults, files };
  } finally {
    await ws.close();
  }
}

export { measureInfos };

/** Every public edition this workspace produced (issue #10 item 4: a new one is audited against them). */
function readReleases(dir: string): ResultsFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseResults(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

const releaseName = (version: number, configHash: string) => `v${version}-${configHash.slice(0, 12)}.json`;

/**
 * Check the public edition can be recorded, by writing a probe file: in a read-only (archived) workspace,
 * an edition of the same dataset version and config already recorded stands for this one; any other is
 * refused (an I/O error naming the folder) before an output is written.
 */
function probeRelease(dir: string, name: string): void {
  if (existsSync(join(dir, name))) return;
  if (!existsSync(dir)) mkdirSync(dir);
  const probe = join(dir, `.probe-${process.pid}`);
  writeFileSync(probe, '');
  rmSync(probe);
}

function recordRelease(dir: string, edition: ResultsFile): void {
  if (edition.stamp.audience !== 'public') return;
  const name = releaseName(edition.dataset.version, edition.stamp.configHash);
  try {
    if (!existsSync(dir)) mkdirSync(dir);
    const tmp = join(dir, `${name}.tmp`);
    writeFileSync(tmp, JSON.stringify(edition) + '\n');
    renameSync(tmp, join(dir, name));
  } catch (err) {
    if (existsSync(join(dir, name))) return; // recorded already (a read-only, archived workspace)
    throw err;
  }
}

/**
 * Whether any unit without a date has an explicit period: only then does the plan carry the period
 * column beside the date-derived period (grouping on it costs ~25% more CPU when it is all NULL).
 */
async function periodFallbackUsed(engine: Engine, schema: string): Promise<boolean> {
  const rows = await engine.all(
    `SELECT 1 AS x FROM ${schema}.measure_rows WHERE event_date IS NULL AND period IS NOT NULL LIMIT 1`,
  );
  return rows.length > 0;
}

/** The whole analysis of one dataset version on any `Engine` (no files written). */
export async function analyzeDataset(
  engine: Engine,
  dataset: DatasetVersion,
  config: EquilensConfig,
  configHash: string,
  now: () => Date = () => new Date(),
): Promise<ResultsFile> {
  const analysis = config.analysis;
  const selection = await selectStratifiers(engine, dataset.schema, analysis);
  const unitCols = await columnsOf(engine, dataset.schema, 'measure_rows');
  const patientCols = await columnsOf(engine, dataset.schema, 'patients');
  const standardize = analysis.standardize !== undefined && patientCols.has(AGE_DIM);
  const measures = measureInfos(config);
  const combos = analysis.discovery.enabled
    ? discoveryCombos(selection.discovery, analysis.discovery.depth)
    : [];
  const plan = buildPlan({
    schema: dataset.schema,
    measures: measures.map((m) => m.id),
    rateMeasures: measures.filter((m) => m.kind === 'rate').map((m) => m.id),
    period: analysis.period,
    hasPeriodColumn: unitCols.has('period') && (await periodFallbackUsed(engine, dataset.schema)),
    stratifiers: selection.stratifiers,
    intersections: analysis.intersections,
    discovery: combos,
    facets: selection.facets,
    standardize,
  });
  const cube = await runPlan(engine, plan);
  const built = buildResults({
    cube,
    measures,
    analysis,
    stratifiers: selection.stratifiers,
    facets: selection.facets,
    discovery: selection.discovery,
    standardize,
  });
  const quality = await qualityReport(engine, dataset, { period: 'none' }).then(
    qualityForResults,
    () => undefined,
  );
  const ds = { version: dataset.version, id: dataset.id, rows: dataset.measureRows };
  return {
    schemaVersion: 1,
    stamp: {
      dataset: ds,
      configHash,
      softwareVersion: VERSION,
      generatedAt: now().toISOString(),
      audience: 'internal',
    },
    dataset: { ...ds, people: dataset.patients, measureRows: dataset.measureRows },
    settings: {
      confidence: analysis.confidence,
      fdr: analysis.fdr,
      period: analysis.period,
      suppressionThreshold: config.suppression.threshold,
    },
    measures: built.measures,
    intersections: built.intersections,
    findings: built.findings,
    ranking: rankingInfo(analysis.ranking),
    plan: {
      engine: engine.name,
      groupingSets: plan.sets.length,
      stratifiers: selection.stratifiers,
      facets: selection.facets,
      discovery: { stratifiers: selection.discovery, ...built.discovery },
    },
    ...(quality ? { quality } : {}),
    warnings: [...selection.warnings, ...built.warnings],
  };
}
