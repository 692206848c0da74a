/**
 * Output sets written atomically (issue #10 item 7). Every file of a run is first written beside its final
 * name as `<name>.<run>.tmp`; then `manifest.json` (dataset version, config hash, each file's SHA-256 and
 * staged name, files the run removes) is renamed into place — the commit point — and the staged files are
 * renamed over the old ones. A run killed before the commit leaves the old set (its staged files are swept
 * by {@link recoverOutputs}); one killed after it is rolled forward by {@link recoverOutputs}. A reader
 * verifies the set against the manifest and refuses files from two different runs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EquilensError } from '../../errors.js';

export const MANIFEST = 'manifest.json';

export interface Manifest {
  run: string;
  datasetVersion: number;
  configHash: string;
  files: Record<string, { sha256: string; staged: string }>;
  removed: string[];
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A run being staged: `path(name)` is where to write each file; `commit()` puts the whole set in place. */
export function stageOutputs(out: string, meta: { datasetVersion: number; configHash: string }) {
  recoverOutputs(out);
  const run = randomUUID().slice(0, 8);
  const staged = new Map<string, string>();
  return {
    path(name: string): string {
      const p = join(out, `${name}.${run}.tmp`);
      staged.set(name, p);
      return p;
    },
    commit(removed: readonly string[] = []): void {
      const files: Manifest['files'] = {};
      for (const [name, p] of staged) files[name] = { sha256: sha256(p), staged: basename(p) };
      const manifest: Manifest = { run, ...meta, files, removed: [...removed] };
      const tmp = join(out, `${MANIFEST}.${run}.tmp`);
      writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
      renameSync(tmp, join(out, MANIFEST));
      rollForward(out);
    },
  };
}

/** Finish a committed run: rename its staged files into place, remove what it removes (safe for readers). */
export function rollForward(out: string): void {
  const manifest = existsSync(out) ? readManifest(out) : undefined;
  for (const [name, f] of Object.entries(manifest?.files ?? {})) {
    try {
      renameSync(join(out, f.staged), join(out, name));
    } catch (e) {
      // Already in place (or renamed by a concurrent reader or writer finishing the same run).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  for (const name of manifest?.removed ?? []) rmSync(join(out, name), { force: true });
}

/** Before a new run: finish a committed one and sweep the staged files of runs killed before committing. */
export function recoverOutputs(out: string): void {
  if (!existsSync(out)) return;
  rollForward(out);
  for (const f of readdirSync(out)) if (/\.[0-9a-f]{8}\.tmp$/.test(f)) rmSync(join(out, f), { force: true });
}

function readManifest(out: string): Manifest | undefined {
  const p = join(out, MANIFEST);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Manifest;
  } catch (cause) {
    throw new EquilensError(
      'invalid_input',
      `${p} is not a manifest written by \`equilens analyze\`.`,
      { file: p, fix: 'Run the analysis again to write a complete output set.', next: 'rerun_analysis' },
      { cause },
    );
  }
}

/**
 * Refuse a file whose output set is not one run's: a file listed in the folder's manifest whose content
 * differs from it (a file from another run). Folders without a manifest (older runs) are not checked. A committed
 * run whose renames were cut short is finished first.
 */
export function verifyOutputFile(file: string): void {
  const out = dirname(file);
  rollForward(out);
  const manifest = readManifest(out);
  if (!manifest) return;
  for (const [name, f] of Object.entries(manifest.files)) {
    const p = join(out, name);
    if (existsSync(p) && sha256(p) === f.sha256) continue;
    throw new EquilensError(
      'invalid_input',
      `${p} does not belong to run ${manifest.run} named in ${join(out, MANIFEST)}: the folder holds files from two different runs.`,
      { file: p, fix: 'Run the analysis again to write a complete output set.', next: 'rerun_analysis' },
    );
  }
}
