/**
 * Re-ingesting identical content (same input bytes, same config: the content hash) makes no new version:
 * the ingest says "unchanged since version N" and returns that version's reconciliation, unless `force`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../engine/dialect.js';
import { listDatasets, type DatasetVersion } from '../engine/workspace.js';
import type { Warning } from '../errors.js';
import {
  filesFileName,
  readRejections,
  readUnmapped,
  rejectionsFileName,
  type Reconciliation,
  type SourceAccount,
} from './reconciliation.js';
import type { FileAccount } from './source-loader.js';

/** The newest version, when its content hash is `hash`. */
export async function sameAsNewest(engine: Engine, hash: string): Promise<DatasetVersion | undefined> {
  const newest = (await listDatasets(engine)).at(-1);
  return newest && newest.contentHash === hash ? newest : undefined;
}

/** The reconciliation and warnings of an existing version (as its ingest returned them). */
export async function existingReconciliation(
  engine: Engine,
  v: DatasetVersion,
  wsDir: string,
): Promise<{ reconciliation: Reconciliation; warnings: Warning[] }> {
  const files = (v.meta.files as FileAccount[] | undefined) ?? [];
  const sources = (v.meta.sourceAccounts as SourceAccount[] | undefined) ?? [];
  const rejectionsFile = join(wsDir, rejectionsFileName(v.version));
  const filesFile = join(wsDir, filesFileName(v.version));
  return {
    reconciliation: {
      ...v.rows,
      files,
      sources,
      ...(existsSync(filesFile) ? { filesFile } : {}),
      rejections: await readRejections(engine, v.schema),
      ...(v.rows.rejected > 0 && existsSync(rejectionsFile) ? { rejectionsFile } : {}),
      unmapped: await readUnmapped(engine, v.schema),
    },
    warnings: (v.meta.warnings as Warning[] | undefined) ?? [],
  };
}
