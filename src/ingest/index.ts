/**
 * `ingest`: load every configured source into a new immutable dataset version (one transaction: a failure
 * leaves earlier versions untouched and no half-written version), then save and return the reconciliation.
 * @example
 *   const r = await ingest({ configPath: 'equilens.yaml', data: ['extract.csv.gz'] });
 *   r.reconciliation.read === r.reconciliation.loaded + r.reconciliation.rejected; // always
 * An ingest that would load no row is an error (exit 1) and stores nothing (see nothing-loaded.ts).
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { EquilensConfig } from '../config/index.js';
import {
  createDatasetVersion,
  openWorkspace,
  resolveWorkspaceDir,
  type NewVersionSummary,
} from '../engine/workspace.js';
import { quoteLiteral, type Engine } from '../engine/dialect.js';
import { invalidConfig, usageError, type Warning } from '../errors.js';
import { mergePatientsAcrossSources } from './merge-patients.js';
import { nothingLoaded } from './nothing-loaded.js';
import { deriveLibraryMeasures } from '../engine/measures/index.js';
import type { ColumnDef } from '../model/index.js';
import { checkInputs } from './check-inputs.js';
import { contentHash } from './content-hash.js';
import { createHash } from 'node:crypto';
import { LOADERS } from './loaders.js';
import {
  filesFileName,
  readRejections,
  readUnmapped,
  rejectionsFileName,
  writeFilesFile,
  writeRejectionsFile,
  type Reconciliation,
  type SourceAccount,
} from './reconciliation.js';
import { existingReconciliation, sameAsNewest } from './unchanged.js';
import type { FileAccount, SourceLoader } from './source-loader.js';
import { customAttributes } from './tabular/attributes.js';

export type { Reconciliation, Rejection, Unmapped } from './reconciliation.js';

export interface IngestOptions {
  configPath: string;
  /** Workspace folder (default `.equilens/` beside the config). */
  workspace?: string;
  /** Input file(s) for the first source, overriding its `path`. */
  data?: string[];
  onProgress?: (done: number, total?: number) => void;
  /** Folder relative --workspace / --data paths resolve against (default: process.cwd()). */
  cwd?: string;
  /**
   * DuckDB memory limit such as '2GB' (default: env EQUILENS_MEMORY_LIMIT, else DuckDB's 80% of RAM).
   * Past it, staged rows spill to `<workspace>/equilens.duckdb.tmp`.
   */
  memoryLimit?: string;
  /** Make a new version even when the content (inputs and config) is that of the newest version. */
  force?: boolean;
}

export interface IngestResult {
  dataset: {
    version: number;
    id: string;
    /** Rows loaded. */
    rows: number;
    patients: number;
    measureRows: number;
    contentHash: string;
    createdAt: string;
  };
  reconciliation: Reconciliation;
  warnings: Warning[];
  /** Set when the content is that of the newest version: no new version was made (`dataset` is that one). */
  unchanged?: { since: number; message: string };
}

async function applyMemoryLimit(engine: Engine, given?: string): Promise<void> {
  const limit = given ?? process.env.EQUILENS_MEMORY_LIMIT;
  if (!limit) return;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(limit.trim())) {
    throw usageError(`Invalid memory limit "${limit}".`, { fix: 'Use a size such as 512MB or 4GB.' });
  }
  await engine.run(`SET memory_limit = ${quoteLiteral(limit.trim())}`);
}

/**
 * The config's part in a patient dataset's content hash: the sections the patient ingest reads (the
 * loaders and the library measures read `sources`, `mapping` and `measures`), so editing any other section
 * (project, analysis, suppression, workforce, or one added later) is not a new patient dataset and an
 * unchanged re-ingest stays unchanged. A measure's title and description are words for the report, not
 * data, and are left out too.
 */
export function patientConfigHash(config: EquilensConfig): string {
  const { version, sources, mapping } = config;
  const measures = config.measures.map(
    ({ title: _t, titles: _ts, description: _d, descriptions: _ds, ...data }) => data,
  );
  return createHash('sha256').update(JSON.stringify({ version, sources, mapping, measures })).digest('hex');
}

const isUrl = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const cwd = opts.cwd ?? process.cwd();
  const { config, dir, hash, file: configFile } = loadConfig(resolve(cwd, opts.configPath));
  const jobs = config.sources.map((source, i) => {
    const loader: SourceLoader | undefined = LOADERS[source.type];
    if (!loader) {
      throw invalidConfig(`Source type "${source.type}" is not available in this build.`, {
        file: configFile,
        path: `sources.${i}.type`,
        fix: `Use one of: ${Object.keys(LOADERS).join(', ')}.`,
      });
    }
    const given = i === 0 && opts.data?.length ? opts.data.map((p) => resolve(cwd, p)) : undefined;
    const paths =
      given ?? (source.path ? [isUrl(source.path) ? source.path : resolve(dir, source.path)] : []);
    return { source, loader, paths };
  });
  const allPaths = jobs.flatMap((j) => j.paths).filter((p) => !isUrl(p));
  // Every input is checked (a compressed one read whole) before the workspace is even opened.
  await checkInputs(jobs.map((j) => ({ source: j.source, paths: j.paths.filter((p) => !isUrl(p)) })));
  const wsDir = resolveWorkspaceDir(dir, opts.workspace, cwd);
  const ws = await openWorkspace(wsDir);
  try {
    await applyMemoryLimit(ws.engine, opts.memoryLimit);
    const hashing = contentHash(allPaths, patientConfigHash(config));
    hashing.catch(() => undefined);
    const extra: ColumnDef[] = customAttributes(config.mapping).map((name) => ({
      name,
      type: 'VARCHAR',
      doc: `custom attribute ${name}`,
    }));
    const files: FileAccount[] = [];
    const perSource: (FileAccount & { source: string })[] = [];
    const sources: SourceAccount[] = [];
    const warnings: Warning[] = [];
    // The catalog row is written after `fill`, so the counts and the hash are set on the summary inside it.
    const summary: NewVersionSummary = {
      contentHash: '',
      configHash: hash,
      rows: { read: 0, loaded: 0, rejected: 0 },
      extraColumns: { patients: extra },
    };
    const progress = (i: number) =>
      opts.onProgress
        ? (done: number, total?: number) => opts.onProgress!(i + (total ? done / total : 0), jobs.length)
        : undefined;
    // Loaders that can read their input into temp tables do so before the version's transaction opens.
    const prepared: unknown[] = [];
    for (const [i, job] of jobs.entries()) {
      prepared[i] = await job.loader.prepare?.({
        engine: ws.engine,
        source: job.source,
        config,
        paths: job.paths,
        progress: progress(i),
      });
    }
    const newest = opts.force ? undefined : await sameAsNewest(ws.engine, await hashing);
    if (newest) {
      opts.onProgress?.(jobs.length, jobs.length);
      const message = `The data and config are unchanged since version ${newest.version} (${newest.id}): no new version made. Use --force to make one anyway.`;
      return {
        dataset: {
          version: newest.version,
          id: newest.id,
          rows: newest.rows.loaded,
          patients: newest.patients,
          measureRows: newest.measureRows,
          contentHash: newest.contentHash,
          createdAt: newest.createdAt,
        },
        ...(await existingReconciliation(ws.engine, newest, wsDir)),
        unchanged: { since: newest.version, message },
      };
    }
    const filesFile = (v: number) =>
      perSource.length > jobs.length ? join(wsDir, filesFileName(v)) : undefined;
    const version = await createDatasetVersion(ws.engine, summary, async (schema, engine) => {
      for (const [i, job] of jobs.entries()) {
        const r = await job.loader({
          engine,
          schema,
          source: job.source,
          config,
          paths: job.paths,
          progress: progress(i),
          prepared: prepared[i],
        });
        perSource.push(...r.files.map((f) => ({ source: job.source.name, ...f })));
        const { name, type } = job.source;
        sources.push({
          source: name,
          type,
          files: r.files.length,
          read: r.read,
          loaded: r.loaded,
          rejected: r.rejected,
        });
        summary.rows.read += r.read;
        summary.rows.loaded += r.loaded;
        summary.rows.rejected += r.rejected;
        files.push(...r.files);
        warnings.push(...r.warnings);
      }
      // Nothing loaded (all rejected, or nothing read): an error, and the transaction rolls back.
      if (summary.rows.loaded === 0) throw await nothingLoaded(engine, schema, summary.rows, allPaths);
      if (jobs.length > 1) {
        const sourceNames = jobs.map((j) => j.source.name);
        const { merged } = await mergePatientsAcrossSources(engine, schema, sourceNames);
        if (merged > 0)
          warnings.push({
            code: 'patients_merged',
            message: `${merged} patient id(s) appear in more than one source; each is one person now, with each attribute taken from the latest source (${sourceNames.join(' → ')}) that knows it, and disagreeing attributes counted as conflicts in the quality report.`,
          });
      }
      if (config.measures.some((m) => m.library !== undefined)) {
        warnings.push(...(await deriveLibraryMeasures(engine, schema, config)));
      }
      summary.contentHash = await hashing;
      summary.meta = {
        configFile,
        sources: jobs.map((j) => ({ name: j.source.name, type: j.source.type, paths: j.paths })),
        files,
        sourceAccounts: sources,
        warnings,
      };
    });
    const perFile = filesFile(version.version);
    if (perFile) writeFilesFile(perFile, perSource);
    const rejectionsFile =
      version.rows.rejected > 0 ? join(wsDir, rejectionsFileName(version.version)) : undefined;
    if (rejectionsFile) await writeRejectionsFile(ws.engine, version.schema, rejectionsFile);
    const reconciliation: Reconciliation = {
      ...version.rows,
      files,
      sources,
      ...(perFile ? { filesFile: perFile } : {}),
      rejections: await readRejections(ws.engine, version.schema),
      ...(rejectionsFile ? { rejectionsFile } : {}),
      unmapped: await readUnmapped(ws.engine, version.schema),
    };
    opts.onProgress?.(jobs.length, jobs.length);
    return {
      dataset: {
        version: version.version,
        id: version.id,
        rows: version.rows.loaded,
        patients: version.patients,
        measureRows: version.measureRows,
        contentHash: version.contentHash,
        createdAt: version.createdAt,
      },
      reconciliation,
      warnings,
    };
  } finally {
    await ws.close();
  }
}
