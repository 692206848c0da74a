/**
 * The reconciliation an ingest prints and saves: rows read = loaded + rejected, per file, the first
 * rejections with their location, every unmapped code with its count, and the rejections file.
 */
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

export interface Reconciliation {
  read: number;
  loaded: number;
  rejected: number;
  files: FileAccount[];
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

/** Write every rejection of a version to a CSV file (DuckDB COPY, streamed). */
export async function writeRejectionsFile(engine: Engine, schema: string, path: string): Promise<void> {
  await engine.run(
    `COPY (SELECT source, file, line, column_name AS "column", value, reason FROM ${schema}.rejections ORDER BY file, line)
     TO ${quoteLiteral(path)} (HEADER, DELIMITER ',')`,
  );
}
