/**
 * The workforce ingest: the config's `workforce:` HR extract into a new immutable workforce version of the
 * workspace (engine/workforce), apart from the patient datasets, with the patient ingest's accounting —
 * rows read = loaded + rejected, each rejection with its file, line, column and reason (never a value), the
 * values the value maps did not know with their counts; a version that would load nothing is an error and
 * stores nothing; identical content (extract bytes and the workforce section) makes no new version.
 * @example
 *   const r = await ingestWorkforce({ configPath: 'equilens.yaml' });
 *   r.reconciliation.read === r.reconciliation.loaded + r.reconciliation.rejected; // always
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { WorkforceConfig } from '../../config/index.js';
import type { Engine } from '../../engine/dialect.js';
import { openWorkspace, resolveWorkspaceDir } from '../../engine/workspace.js';
import {
  createWorkforceVersion,
  listWorkforceVersions,
  type WorkforceVersion,
} from '../../engine/workforce/index.js';
import { invalidConfig, invalidInput, type Warning } from '../../errors.js';
import { readEmployeeRows } from '../../workforce/index.js';
import { checkInputs } from '../check-inputs.js';
import { contentHash } from '../content-hash.js';
import { nothingLoaded } from '../nothing-loaded.js';
import { readRejections, readUnmapped, writeRejectionsFile, type Reconciliation } from '../reconciliation.js';
import { writeStageRejects } from '../tabular/stage.js';
import { insertRows } from '../tabular/lookups.js';
import { dropWorkforceStage, stageWorkforce } from './stage.js';

export interface WorkforceIngestOptions {
  configPath: string;
  /** Input file(s), overriding workforce.source.path. */
  data?: string[];
  /** Workspace folder (default `.equilens/` beside the config). */
  workspace?: string;
  /** Folder relative paths resolve against (default: process.cwd()). */
  cwd?: string;
  /** Make a new version even when the content is that of the newest one. */
  force?: boolean;
}

export interface WorkforceIngestResult {
  workforce: {
    version: number;
    id: string;
    /** Rows loaded. */
    rows: number;
    employees: number;
    periods: number;
    contentHash: string;
    createdAt: string;
  };
  reconciliation: Reconciliation;
  warnings: Warning[];
  /** Set when the content is that of the newest version: no new version was made (`workforce` is that one). */
  unchanged?: { since: number; message: string };
}

/** What `loadWorkforce` needs: the section, its input, the open workspace. */
export interface WorkforceLoad {
  engine: Engine;
  /** Workspace folder (the rejections file is written there). */
  dir: string;
  workforce: WorkforceConfig;
  /** Absolute path(s) of the extract. */
  paths: string[];
  /** The config file, named in the version's meta. */
  configFile?: string;
  force?: boolean;
}

/** The workforce rejections file of a version (internal: its name says so, its owner only may read it). */
export const workforceRejectionsFileName = (version: number): string =>
  `workforce-rejections-v${version}.internal.csv`;

/** The hash of the section as it reads the extract (not where the extract is, nor the public threshold). */
function sectionHash(workforce: WorkforceConfig): string {
  const { path: _path, ...source } = workforce.source;
  return createHash('sha256')
    .update(JSON.stringify({ source, mapping: workforce.mapping }))
    .digest('hex');
}

const isUrl = (p: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

export async function ingestWorkforce(opts: WorkforceIngestOptions): Promise<WorkforceIngestResult> {
  const cwd = opts.cwd ?? process.cwd();
  const { config, dir, file } = loadConfig(resolve(cwd, opts.configPath));
  const workforce = config.workforce as WorkforceConfig | undefined;
  if (!workforce)
    throw invalidConfig('The config has no workforce: section, so there is no HR extract to load.', {
      file,
      path: 'workforce',
      fix: 'Add a workforce: section with the extract (source) and its columns (mapping); docs/mapping.md shows one.',
    });
  const given = opts.data?.length ? opts.data.map((p) => resolve(cwd, p)) : undefined;
  const paths = given ?? (workforce.source.path ? [resolve(dir, workforce.source.path)] : []);
  if (!paths.length || paths.some(isUrl))
    throw invalidInput('The workforce: section names no local HR extract.', {
      file,
      path: 'workforce.source.path',
      fix: 'Set workforce.source.path to the extract (CSV, TSV or Parquet), or name the input file.',
      next: 'input_path',
    });
  await checkInputs([{ source: workforce.source, paths }]);
  const ws = await openWorkspace(resolveWorkspaceDir(dir, opts.workspace, cwd));
  try {
    return await loadWorkforce({
      engine: ws.engine,
      dir: ws.dir,
      workforce,
      paths,
      configFile: file,
      force: opts.force,
    });
  } finally {
    await ws.close();
  }
}

/** The workforce result of a version (a new one, or the unchanged newest). */
async function resultOf(
  load: WorkforceLoad,
  v: WorkforceVersion,
  unchanged?: WorkforceIngestResult['unchanged'],
): Promise<WorkforceIngestResult> {
  const rejectionsFile = join(load.dir, workforceRejectionsFileName(v.version));
  return {
    workforce: {
      version: v.version,
      id: v.id,
      rows: v.rows.loaded,
      employees: v.employees,
      periods: v.periods,
      contentHash: v.contentHash,
      createdAt: v.createdAt,
    },
    reconciliation: {
      ...v.rows,
      files: (v.meta.files as Reconciliation['files'] | undefined) ?? [],
      sources: (v.meta.sourceAccounts as Reconciliation['sources'] | undefined) ?? [],
      rejections: await readRejections(load.engine, v.schema),
      ...(v.rows.rejected > 0 ? { rejectionsFile } : {}),
      unmapped: await readUnmapped(load.engine, v.schema),
    },
    warnings: [],
    ...(unchanged ? { unchanged } : {}),
  };
}

/** Load the extract into a new workforce version of an open workspace (the demo calls this directly). */
export async function loadWorkforce(load: WorkforceLoad): Promise<WorkforceIngestResult> {
  const { engine, workforce } = load;
  const hash = sectionHash(workforce);
  const content = await contentHash(load.paths, hash);
  const newest = load.force ? undefined : (await listWorkforceVersions(engine)).at(-1);
  if (newest && newest.contentHash === content) {
    const message = `The HR extract and the workforce: section are unchanged since workforce version ${newest.version} (${newest.id}): no new version made. Use --force to make one anyway.`;
    return resultOf(load, newest, { since: newest.version, message });
  }
  try {
    const { staged, records, reading } = await stageWorkforce(engine, workforce, load.paths);
    const reads = records.map((rec) => ({ rec, read: readEmployeeRows(rec, reading) }));
    const files = staged.files.map((f, i) => {
      const r = reads[i]!.read.reconciliation;
      return {
        file: f.file,
        read: r.read + f.rejectedLines,
        loaded: r.loaded,
        rejected: r.rejected + f.rejectedLines,
      };
    });
    const sum = (k: 'read' | 'loaded' | 'rejected') => files.reduce((a, f) => a + f[k], 0);
    const rows = { read: sum('read'), loaded: sum('loaded'), rejected: sum('rejected') };
    const name = workforce.source.name;
    const sources = [{ source: name, type: workforce.source.type, files: files.length, ...rows }];
    const version = await createWorkforceVersion(
      engine,
      {
        contentHash: content,
        configHash: hash,
        rows,
        meta: {
          configFile: load.configFile,
          source: name,
          paths: load.paths,
          files,
          sourceAccounts: sources,
        },
      },
      async (schema, tx) => {
        await writeStageRejects(tx, staged, { schema, source: name });
        for (const { rec, read } of reads) await writeRows(tx, schema, name, rec.file, read);
        if (rows.loaded === 0) throw await nothingLoaded(tx, schema, rows, load.paths);
      },
    );
    if (version.rows.rejected > 0) {
      const path = join(load.dir, workforceRejectionsFileName(version.version));
      await writeRejectionsFile(engine, version.schema, path);
    }
    return resultOf(load, version);
  } finally {
    await dropWorkforceStage(engine);
  }
}

/** One file's employees, row rejections (no values) and unknown values into the version's tables. */
async function writeRows(
  engine: Engine,
  schema: string,
  source: string,
  file: string,
  read: ReturnType<typeof readEmployeeRows>,
): Promise<void> {
  await insertRows(
    engine,
    `${schema}.rejections (source, file, line, column_name, value, reason)`,
    read.rejections.map((r) => [source, file, r.line, r.column || null, null, r.reason]),
  );
  await insertRows(
    engine,
    `${schema}.unmapped (source, attribute, column_name, code, rows)`,
    read.unmappedCodes.map((u) => [source, u.attribute, u.column, u.code, u.rows]),
  );
  await insertRows(
    engine,
    `${schema}.employees`,
    read.employees.map((e) => [
      file,
      e.line,
      e.id,
      e.period,
      e.race_ethnicity,
      e.sex,
      e.job_family,
      e.level,
      e.department,
      e.tenure_years,
      e.fte,
      e.pay,
      e.hired,
      e.promoted,
      e.exited,
    ]),
  );
}
