/**
 * The reconciliation an ingest prints and saves: rows read = loaded + rejected, per file, the first
 * rejections with their location, every unmapped code with its count, and the rejections file. The
 * rejections file is internal (its name says so, only its owner may read it): it keeps the rejected value
 * of columns that do not identify anyone; identifying columns' values are never stored (identifying.ts).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import type { Engine } from '../engine/dialect.js';
import { quoteLiteral } from '../engine/dialect.js';
import type { FileAccount } from './source-loader.js';

export interface Rejection {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface Unmapped {
  attribute: string;
  column: string | null;
  code: string | null;
  rows: number;
}

/** One source's totals (the CLI's table; the per-file table goes to `filesFile`). */
export interface SourceAccount {
  source: string;
  type: string;
  files: number;
  read: number;
  loaded: number;
  rejected: number;
}

export interface Reconciliation {
  read: number;
  loaded: number;
  rejected: number;
  files: FileAccount[];
  /** Per source: its files' totals. */
  sources: SourceAccount[];
  /** CSV of the per-file table (written when a source has more than one file). */
  filesFile?: string;
  /** The first 100 rejections; all of them are in `rejectionsFile`. */
  rejections: Rejection[];
  rejectionsFile?: string;
  unmapped: Unmapped[];
}

export const MAX_LISTED_REJECTIONS = 100;

export async function readRejections(engine: Engine, schema: string): Promise<Rejection[]> {
  return engine.all<Rejection & Record<string, unknown>>(
    `SELECT file, line, column_name AS "column", value, reason FROM ${schema}.rejections
     ORDER BY file, line LIMIT ${MAX_LISTED_REJECTIONS}`,
  );
}

export async function readUnmapped(engine: Engine, schema: string): Promise<Unmapped[]> {
  return engine.all<Unmapped & Record<string, unknown>>(
    `SELECT attribute, column_name AS "column", code, CAST(SUM(rows) AS BIGINT) AS rows FROM ${schema}.unmapped
     GROUP BY ALL ORDER BY attribute, rows DESC, code`,
  );
}

/** The per-file table of a version, in the workspace. */
export const filesFileName = (version: number): string => `files-v${version}.csv`;

/** Write the per-file table (source, file, read, loaded, rejected) as CSV. */
export function writeFilesFile(path: string, rows: readonly (FileAccount & { source: string })[]): void {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    'source,file,read,loaded,rejected',
    ...rows.map((r) => [r.source, r.file, r.read, r.loaded, r.rejected].map(cell).join(',')),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** The rejections file of a version, in the workspace: marked internal in its name. */
export const rejectionsFileName = (version: number): string => `rejections-v${version}.internal.csv`;

/** Write every rejection of a version to a CSV file (DuckDB COPY, streamed), readable by its owner only. */
export async function writeRejectionsFile(engine: Engine, schema: string, path: string): Promise<void> {
  await engine.run(
    `COPY (SELECT source, file, line, column_name AS "column", value, reason FROM ${schema}.rejections ORDER BY file, line)
     TO ${quoteLiteral(path)} (HEADER, DELIMITER ',')`,
  );
  try {
    chmodSync(path, 0o600);
  } catch {
    // a file system without modes (e.g. some network shares): the name still marks it internal
  }
}
