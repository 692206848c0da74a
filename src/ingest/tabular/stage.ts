/**
 * Stage a tabular source into one temp table, every column VARCHAR, streamed by DuckDB (never through JS).
 * CSV/TSV (also .gz): the header is read and checked first (header.ts), then the rows are read with those
 * columns and no sniffing; ragged rows, stray quotes, over-long lines and bad encodings land in DuckDB's
 * reject tables (store_rejects) and become rejections with file, line, column and reason. A quote that is
 * never closed rejects its line and the lines after it are read again (remainder.ts). Parquet: columns
 * cast to text. Every value is trimmed of surrounding spaces and tabs, and an empty value is NULL, the same
 * way for ids, codes, dates and outcome columns. Each file's rows keep their
 * order (the temp table's rowid), which the conflict rule's "last row" and the line numbers rely on.
 * Staging writes no dataset version (temp tables only), so it may run before the version's transaction.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceConfig } from '../../config/index.js';
import { quoteIdent, quoteLiteral, type Engine } from '../../engine/dialect.js';
import { EquilensError, invalidInput, notFound } from '../../errors.js';
import { safeEngineMessage } from './engine-message.js';
import { checkHeader, delimiterOf, firstLine, maxLineSize, splitLine } from './header.js';
import { canCopyRemainder, copyRemainder, type Remainder } from './remainder.js';
import { collectRejects, unclosed, unclosedQuote } from './unclosed-quote.js';
import { copyRejects, countRejects, REJECT_COLUMNS } from './rejects.js';
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

/**
 * A staged value: trimmed of surrounding spaces and tabs; empty (or a configured missing value) is NULL.
 * trim() runs only on values that start or end with one (the tests are much cheaper than trim). The test
 * runs on every value of every column, so its start half is one comparison first: a value that starts with
 * a space (0x20) or a tab (0x09) sorts before '!' (0x21), byte-wise, and only those few values (and the
 * ones that start with a control character) are tested further.
 */
export function cleanSql(v: string, source: Pick<SourceConfig, 'missing'>): string {
  const [sp, tab] = ["' '", "'\t'"];
  const padded = `(${v} < '!' AND (starts_with(${v}, ${sp}) OR starts_with(${v}, ${tab}))) OR ends_with(${v}, ${sp}) OR ends_with(${v}, ${tab})`;
  const t = `trim(${v}, ' \t')`;
  const missing = source.missing?.length ? source.missing.map((m) => quoteLiteral(m.trim())).join(', ') : '';
  const trimmed = missing ? `CASE WHEN ${t} IN ('', ${missing}) THEN NULL ELSE ${t} END` : `NULLIF(${t}, '')`;
  return `CASE WHEN ${padded} THEN ${trimmed} ELSE ${v} END`;
}

function readerSql(
  type: string,
  path: string,
  source: SourceConfig,
  o: {
    /** Every column of the file, in order (CSV/TSV). */
    header: readonly string[];
    /** Columns kept (default: all). */
    columns?: readonly string[];
    /** Prefix of DuckDB's reject tables for this read. */
    rejects: string;
    /** Does the file start with the header line? (false for a remainder copy) */
    headerLine: boolean;
  },
): string {
  const keep = o.columns ?? o.header;
  if (type === 'parquet') {
    return `SELECT ${keep.map((c) => `${cleanSql(`CAST(${quoteIdent(c)} AS VARCHAR)`, source)} AS ${quoteIdent(c)}`).join(', ')} FROM read_parquet(${quoteLiteral(path)})`;
  }
  const list = keep.map((c) => `${cleanSql(quoteIdent(c), source)} AS ${quoteIdent(c)}`).join(', ');
  const encoding = source.encoding ?? 'utf-8';
  const nulls = ['', ...(source.missing ?? [])].map(quoteLiteral).join(', ');
  const columns = `{${o.header.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`;
  return `SELECT ${list} FROM read_csv(${quoteLiteral(path)}, header = ${o.headerLine}, auto_detect = false,
    columns = ${columns}, delim = ${quoteLiteral(delimiterOf(type, source))}, quote = '"', escape = '"',
    encoding = ${quoteLiteral(encoding)}, nullstr = [${nulls}], null_padding = false,
    max_line_size = ${maxLineSize(source)}, store_rejects = true,
    rejects_table = ${quoteLiteral(`${o.rejects}_e`)}, rejects_scan = ${quoteLiteral(`${o.rejects}_s`)})`;
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

/** The header of a file: Parquet's columns, or the CSV/TSV first line split and checked (header.ts). */
export async function readHeader(
  engine: Engine,
  type: string,
  path: string,
  source: SourceConfig,
): Promise<string[]> {
  checkFile(path);
  try {
    if (type === 'parquet') {
      const rows = await engine.all<{ column_name: string }>(
        `DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(path)})`,
      );
      return rows.map((r) => r.column_name);
    }
    const line = await firstLine(engine, path, source);
    if (line === null || line.trim() === '') throw emptyFile(path);
    const header = splitLine(line, delimiterOf(type, source));
    checkHeader(header, path, delimiterOf(type, source));
    return header;
  } catch (err) {
    throw readFailure(path, err, [], source);
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
  let first: string[] = [];
  for (const [i, path] of opts.paths.entries()) {
    const fileHeader = await readHeader(engine, type, path, source);
    if (i === 0) first = fileHeader;
    else if ([...fileHeader].sort().join('\u0000') !== [...first].sort().join('\u0000')) {
      throw otherColumns(path, first); // the same columns, in any order (rows are inserted by name)
    }
    const rejects = `${table}_rej${i}`;
    const before = await engine.all<{ n: number; next: number | null }>(
      i === 0 ? 'SELECT 0 AS n, NULL AS next' : `SELECT COUNT(*) AS n, MAX(rowid) + 1 AS next FROM ${table}`,
    );
    const headerLines = type === 'parquet' ? 0 : 1;
    if (type !== 'parquet') await engine.run(`CREATE TEMP TABLE ${rejects}_e (${REJECT_COLUMNS})`);
    // Read the file; after a quote that is never closed, read the lines after it again (remainder.ts).
    let segment: { path: string; offset: number; rest: Remainder | null } = { path, offset: 0, rest: null };
    for (let seg = 0; ; seg++) {
      if (seg > MAX_UNCLOSED_QUOTES) throw tooManyQuotes(path);
      const segRejects = `${rejects}_${seg}`;
      let reader = readerSql(type, segment.path, source, {
        header: fileHeader,
        columns: opts.columns,
        rejects: segRejects,
        headerLine: seg === 0,
      });
      if (opts.derived?.length) {
        reader = `SELECT r0.*, ${opts.derived.map((d) => `${d.sql} AS ${quoteIdent(d.name)}`).join(', ')} FROM (${reader}) r0`;
      }
      const select = `SELECT ${i} AS ${FILE_COL}, r.*${opts.check ? `, ${opts.check} AS ${CHECK_COL}` : ''} FROM (${reader}) r`;
      try {
        const [{ start }] = (await engine.all<{ start: number }>(
          i === 0 && seg === 0
            ? 'SELECT 0 AS start'
            : `SELECT COALESCE(MAX(rowid) + 1, 0) AS start FROM ${table}`,
        )) as [{ start: number }];
        if (i === 0 && seg === 0) await engine.run(`CREATE TEMP TABLE ${table} AS ${select}`);
        else await engine.run(`INSERT INTO ${table} BY NAME ${select}`);
        const open =
          type === 'parquet'
            ? null
            : await unclosed(engine, {
                table,
                segRejects,
                start: Number(start),
                headerLines: seg === 0 ? headerLines : 0,
              });
        if (type !== 'parquet') await collectRejects(engine, segRejects, rejects, segment.offset);
        if (open && !canCopyRemainder(path, source.encoding))
          throw unclosedQuote(path, segment.offset + open.line);
        const rest = open ? await copyRemainder(segment.path, open.at) : null;
        segment.rest?.dispose();
        if (!open || !rest) break;
        segment = { path: rest.path, offset: segment.offset + open.line, rest };
      } catch (err) {
        segment.rest?.dispose();
        throw readFailure(path, err, header, source);
      }
    }
    const own = [FILE_COL, CHECK_COL, ...(opts.derived ?? []).map((d) => d.name)];
    const cols = i === 0 ? await columnsOf(engine, table, own) : header;
    if (i === 0) header = cols;
    const [{ n, first: firstRow }] = (await engine.all<{ n: number; first: number | null }>(
      `SELECT COUNT(*) AS n, MIN(rowid) AS first FROM ${table} WHERE ${FILE_COL} = ${i}`,
    )) as [{ n: number; first: number | null }];
    const rejectedLines =
      type === 'parquet' ? 0 : await countRejects(engine, { rejects, gaps, index: i, headerLines });
    if (n === 0 && rejectedLines > 0) throw await unreadable(engine, path, rejects, rejectedLines);
    files.push({
      file: path,
      staged: n,
      rejectedLines,
      firstRowid: firstRow ?? before[0]?.next ?? 0,
      headerLines,
      rejects: type === 'parquet' ? null : rejects,
    });
  }
  return { table, header, files, gaps };
}

const otherColumns = (path: string, header: readonly string[]) =>
  invalidInput(`Input file ${basename(path)} does not have the same columns as the first file.`, {
    file: path,
    line: 1,
    fix: `Give every file of a source the same header (${header.slice(0, 10).join(', ')}…).`,
  });

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

/** Reads again after unclosed quotes, per file, before the file is refused (each read is a full pass). */
const MAX_UNCLOSED_QUOTES = 100;

const tooManyQuotes = (path: string) =>
  invalidInput(
    `${basename(path)} has more than ${MAX_UNCLOSED_QUOTES} lines with a quote that is never closed: its fields are probably not quoted with ".`,
    {
      file: path,
      fix: 'Export the file with standard CSV quoting (fields holding the delimiter or a quote wrapped in "…", quotes inside doubled).',
    },
  );

/** Every line of a file was rejected by the reader: the first line's problem, in terms of the file. */
async function unreadable(engine: Engine, path: string, rejects: string, lines: number) {
  const [first] = await engine.all<{ line: number; error_type: string; error_message: string }>(
    `SELECT line, error_type, error_message FROM ${rejects}_e ORDER BY line, column_idx LIMIT 1`,
  );
  const line = Number(first?.line ?? 2);
  const expected = /Expected Number of Columns: (\d+)/.exec(first?.error_message ?? '')?.[1];
  const found = /Found: (\d+)/.exec(first?.error_message ?? '')?.[1];
  const why =
    first?.error_type === 'MISSING COLUMNS'
      ? `line ${line} has ${found} fields, the header has ${expected}`
      : first?.error_type === 'TOO MANY COLUMNS'
        ? `line ${line} has more than ${expected} fields, the header has ${expected}`
        : `line ${line}: ${(first?.error_type ?? 'unreadable').toLowerCase()}`;
  return invalidInput(
    `No row of ${basename(path)} could be read: ${why} (all ${lines} data line(s) were rejected).`,
    {
      file: path,
      line,
      fix: 'Check that the header line matches the rows, the delimiter (sources[].delimiter) and the quoting.',
    },
  );
}

/** A file DuckDB could not read at all, said in terms of the file. */
function readFailure(path: string, err: unknown, header: readonly string[], source?: SourceConfig) {
  if (err instanceof EquilensError) return err;
  const raw = err instanceof Error ? err.message : String(err);
  const msg = raw.split('\n')[0] ?? '';
  const size = /Maximum line size of (\d+) bytes exceeded/i.exec(msg);
  if (size) {
    const line = /line (\d+)/i.exec(raw)?.[1];
    return invalidInput(
      `${basename(path)}: ${line ? `line ${line}` : 'a line'} is longer than the reader's limit of ${size[1]} bytes.`,
      {
        file: path,
        ...(line ? { line: Number(line) } : {}),
        path: 'sources[].max_line_size',
        fix: `Raise sources[].max_line_size (now ${source ? maxLineSize(source) : size[1]}) above the length of the longest line, or check that the file is a CSV/TSV.`,
      },
    );
  }
  if (header.length && /column|name/i.test(msg)) return otherColumns(path, header);
  return invalidInput(`Could not read ${basename(path)}: ${safeEngineMessage(msg)}`, {
    file: path,
    fix: 'Check the file type (sources[].type), delimiter and encoding (sources[].encoding).',
  });
}

export { STAGE_CHECK_COLUMN, STAGE_FILE_COLUMN };
