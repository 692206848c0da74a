/**
 * Stage a tabular source into one temp table, every column VARCHAR, streamed by DuckDB (never through JS).
 * CSV/TSV (also .gz): ragged rows and bad encodings land in DuckDB's reject tables (store_rejects) and become
 * rejections with file, line, column and reason. Parquet: columns cast to text. Each file's rows keep their
 * order (the temp table's rowid), which the conflict rule's "last row" and the line numbers rely on.
 * Staging writes no dataset version (temp tables only), so it may run before the version's transaction.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceConfig } from '../../config/index.js';
import { quoteIdent, quoteLiteral, type Engine } from '../../engine/dialect.js';
import { invalidInput, notFound } from '../../errors.js';
import { copyRejects, countRejects } from './rejects.js';
import { STAGE_CHECK_COLUMN, STAGE_FILE_COLUMN } from './stage-columns.js';

export interface StagedFile {
  file: string;
  /** Rows that reached the stage table. */
  staged: number;
  /** Lines DuckDB rejected (one per row, whatever the number of errors on it). */
  rejectedLines: number;
  /** rowid of the file's first staged row (rows of a file are contiguous). */
  firstRowid: number;
  /** Header line count (1 for CSV/TSV; 0 for Parquet, whose "lines" are row numbers). */
  headerLines: number;
  /** Prefix of DuckDB's reject tables for this file (CSV/TSV), until `writeStageRejects`. */
  rejects: string | null;
}

export interface Staged {
  table: string;
  header: string[];
  files: StagedFile[];
  /** Temp table (f, g, cnt): per file, after `g` staged rows come `cnt` rejected lines in all (for line numbers). */
  gaps: string;
}

const FILE_COL = STAGE_FILE_COLUMN;
const CHECK_COL = STAGE_CHECK_COLUMN;

function readerSql(
  type: string,
  path: string,
  source: SourceConfig,
  rejects: string | null,
  columns?: readonly string[],
): string {
  const list = columns ? columns.map((c) => quoteIdent(c)).join(', ') : '*';
  if (type === 'parquet') {
    return columns
      ? `SELECT ${columns.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`).join(', ')} FROM read_parquet(${quoteLiteral(path)})`
      : `SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${quoteLiteral(path)})`;
  }
  const delim = source.delimiter ?? (type === 'tsv' ? '\t' : ',');
  const encoding = source.encoding ?? 'utf-8';
  const nulls = ['', ...(source.missing ?? [])].map(quoteLiteral).join(', ');
  const rejecting = rejects
    ? `, store_rejects = true, rejects_table = ${quoteLiteral(`${rejects}_e`)}, rejects_scan = ${quoteLiteral(`${rejects}_s`)}`
    : ', ignore_errors = true';
  return `SELECT ${list} FROM read_csv(${quoteLiteral(path)}, header = true, all_varchar = true,
    delim = ${quoteLiteral(delim)}, quote = '"', escape = '"', encoding = ${quoteLiteral(encoding)},
    nullstr = [${nulls}], null_padding = false, normalize_names = false${rejecting})`;
}

function checkFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw notFound(`Input file ${path} not found.`, {
      file: path,
      fix: 'Check the path in sources[].path, or the input file named.',
      next: 'input_path',
    });
  }
  if (size === 0) throw emptyFile(path);
}

const emptyFile = (path: string) =>
  invalidInput(`Input file ${basename(path)} is empty: it has no header line.`, {
    file: path,
    line: 1,
    fix: 'Export the extract again with a header line naming the columns.',
  });

/** The header of the first file (DuckDB sniffs it without reading the whole file). */
export async function readHeader(
  engine: Engine,
  type: string,
  path: string,
  source: SourceConfig,
): Promise<string[]> {
  checkFile(path);
  try {
    const rows = await engine.all<{ column_name: string }>(`DESCRIBE ${readerSql(type, path, source, null)}`);
    return rows.map((r) => r.column_name);
  } catch (err) {
    throw readFailure(path, err, []);
  }
}

async function columnsOf(engine: Engine, table: string, own: readonly string[]): Promise<string[]> {
  const rows = await engine.all<{ column_name: string }>(`DESCRIBE ${table}`);
  return rows.map((r) => r.column_name).filter((c) => !own.includes(c));
}

/**
 * Stage `paths` (all with the same columns) into temp table `table`; structural rejections stay in DuckDB's
 * reject tables until `writeStageRejects` copies them into the version.
 */
export async function stageFiles(
  engine: Engine,
  opts: {
    table: string;
    type: string;
    source: SourceConfig;
    paths: readonly string[];
    /** Only these columns are kept (every field of a row is still parsed and checked). */
    columns?: readonly string[];
    /**
     * SQL over the file's (text) columns, computed as each row is staged into column CHECK_COL: NULL when
     * the row passes the row checks, else the index of the first check it fails (see row-checks.ts).
     */
    check?: string;
    /** Columns computed once per row as it is staged (e.g. a parsed date), over the text columns. */
    derived?: readonly { name: string; sql: string }[];
  },
): Promise<Staged> {
  const { table, type, source } = opts;
  const files: StagedFile[] = [];
  let header: string[] = [];
  const gaps = `${table}_gaps`;
  await engine.run(`CREATE TEMP TABLE ${gaps} (f INTEGER, g BIGINT, cnt BIGINT)`);
  for (const [i, path] of opts.paths.entries()) {
    checkFile(path);
    const rejects = `${table}_rej${i}`;
    let reader = readerSql(type, path, source, rejects, opts.columns);
    if (opts.derived?.length) {
      reader = `SELECT r0.*, ${opts.derived.map((d) => `${d.sql} AS ${quoteIdent(d.name)}`).join(', ')} FROM (${reader}) r0`;
    }
    const select = `SELECT ${i} AS ${FILE_COL}, r.*${opts.check ? `, ${opts.check} AS ${CHECK_COL}` : ''} FROM (${reader}) r`;
    const before = await engine.all<{ n: number; next: number | null }>(
      i === 0 ? 'SELECT 0 AS n, NULL AS next' : `SELECT COUNT(*) AS n, MAX(rowid) + 1 AS next FROM ${table}`,
    );
    try {
      if (i === 0) await engine.run(`CREATE TEMP TABLE ${table} AS ${select}`);
      else await engine.run(`INSERT INTO ${table} BY NAME ${select}`);
    } catch (err) {
      throw readFailure(path, err, header);
    }
    const own = [FILE_COL, CHECK_COL, ...(opts.derived ?? []).map((d) => d.name)];
    const cols = i === 0 ? await columnsOf(engine, table, own) : header;
    if (i === 0) header = cols;
    const [{ n, first }] = (await engine.all<{ n: number; first: number | null }>(
      `SELECT COUNT(*) AS n, MIN(rowid) AS first FROM ${table} WHERE ${FILE_COL} = ${i}`,
    )) as [{ n: number; first: number | null }];
    if (n === 0 && header.length === 1 && header[0] === 'column0' && type !== 'parquet')
      throw emptyFile(path);
    const headerLines = type === 'parquet' ? 0 : 1;
    const rejectedLines =
      type === 'parquet' ? 0 : await countRejects(engine, { rejects, gaps, index: i, headerLines });
    files.push({
      file: path,
      staged: n,
      rejectedLines,
      firstRowid: first ?? before[0]?.next ?? 0,
      headerLines,
      rejects: type === 'parquet' ? null : rejects,
    });
  }
  return { table, header, files, gaps };
}

/** Copy the structural rejections of every staged file into `${schema}.rejections`. */
export async function writeStageRejects(
  engine: Engine,
  staged: Staged,
  o: { schema: string; source: string },
): Promise<void> {
  for (const f of staged.files) {
    if (f.rejects) {
      await copyRejects(engine, { ...o, file: f.file, rejects: f.rejects, lines: f.rejectedLines });
    }
  }
}

function readFailure(path: string, err: unknown, header: readonly string[]) {
  const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  if (header.length && /column|name/i.test(msg)) {
    return invalidInput(`Input file ${basename(path)} does not have the same columns as the first file.`, {
      file: path,
      line: 1,
      fix: `Give every file of a source the same header (${header.slice(0, 10).join(', ')}…).`,
    });
  }
  return invalidInput(`Could not read ${basename(path)}: ${msg}`, {
    file: path,
    fix: 'Check the file type (sources[].type), delimiter and encoding (sources[].encoding).',
  });
}

export { STAGE_CHECK_COLUMN, STAGE_FILE_COLUMN };
