/**
 * Stage a folder of CDM CSV files (`PERSON.csv`, `person.csv.gz`, …: any case, optionally gzip) with
 * DuckDB `read_csv` (all columns read as text; header names matched case-insensitively). `_line` is the
 * row's line in the file assuming one line per record (quoted newlines inside a field would shift it).
 * Malformed lines (too many or too few fields, unreadable quoting) are kept in `omop_malformed` (file, line,
 * column, error type) and become rejections; the rest of the file loads.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '../../errors.js';
import type { Engine } from '../../engine/dialect.js';
import { quoteIdent, quoteLiteral } from '../../engine/dialect.js';
import { stageTable, type CdmTable } from './cdm-tables.js';

/** The file of a CDM table in `folder`, matched case-insensitively (`.csv` or `.csv.gz`), or undefined. */
export function findCdmFile(files: readonly string[], table: string): string | undefined {
  const want = [`${table}.csv`, `${table}.csv.gz`].map((f) => f.toLowerCase());
  return files.find((f) => want.includes(f.toLowerCase()));
}

/** List the folder (throwing a user error when it is not one). */
export function listCdmFolder(folder: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw invalidInput(`The OMOP source path ${folder} is not a folder of CDM CSV files.`, {
      file: folder,
      fix: 'Point the source path at the folder holding PERSON.csv (or .csv.gz), or use postgres://…#schema.',
    });
  }
  return readdirSync(folder);
}

/** Fill the stage of `table` from its CSV file in `folder`; undefined when the folder has no such file. */
export async function stageCsvTable(
  engine: Engine,
  folder: string,
  files: readonly string[],
  table: CdmTable,
): Promise<{ file: string; rows: number } | undefined> {
  const name = findCdmFile(files, table.name);
  if (!name) return undefined;
  const file = join(folder, name);
  // Malformed lines (wrong number of fields, bad quoting) go to a rejects table instead of failing the read.
  const reader = `read_csv(${quoteLiteral(file)}, all_varchar = true, header = true, auto_detect = true,
    store_rejects = true, rejects_table = 'omop_raw_rejects', rejects_scan = 'omop_raw_scans')`;
  await engine.run('DROP TABLE IF EXISTS omop_raw_rejects; DROP TABLE IF EXISTS omop_raw_scans');
  let present: string[];
  try {
    // Read the file once (all text); an empty (0-byte) file has no header to sniff and holds no rows.
    await engine.run(`CREATE OR REPLACE TEMP TABLE omop_raw AS SELECT * FROM ${reader}`);
    const cols = await engine.all<{ column_name: string }>('DESCRIBE omop_raw');
    present = cols.map((c) => c.column_name);
  } catch (err) {
    if (/empty|no data|no columns|could not sniff/i.test(String(err))) return { file, rows: 0 };
    throw invalidInput(`Could not read the OMOP file ${file} as CSV: ${String(err)}`, {
      file,
      fix: 'Check that the file is a comma-separated CDM export with a header row.',
    });
  }
  const byLower = new Map(present.map((c) => [c.toLowerCase(), c]));
  if (table.person && !byLower.has(table.person)) {
    throw invalidInput(`The OMOP file ${file} has no ${table.person} column.`, {
      file,
      column: table.person,
      fix: `Export ${table.name} with its CDM header row (column ${table.person}).`,
    });
  }
  const select = table.columns.map((c) => {
    const src = byLower.get(c);
    return src ? `${quoteIdent(src)} AS ${quoteIdent(c)}` : `NULL::VARCHAR AS ${quoteIdent(c)}`;
  });
  const f = quoteLiteral(file);
  await engine.run(
    `INSERT INTO omop_malformed SELECT DISTINCT ${f}, line, column_name, error_type FROM omop_raw_rejects`,
  );
  // Line of the k-th good row: the k-th line from 2 on that is not a malformed line (one line per record).
  await engine.run(
    `INSERT INTO ${stageTable(table.name)} SELECT ${f}, ln.l, ${select.join(', ')}
     FROM (SELECT *, ROW_NUMBER() OVER () AS _k FROM omop_raw) r
     JOIN (SELECT l, ROW_NUMBER() OVER (ORDER BY l) AS _k FROM range(2, (SELECT COUNT(*) FROM omop_raw)
       + (SELECT COUNT(DISTINCT line) FROM omop_raw_rejects) + 2) t(l)
       WHERE l NOT IN (SELECT line FROM omop_raw_rejects)) ln USING (_k)`,
  );
  await engine.run(
    'DROP TABLE omop_raw; DROP TABLE IF EXISTS omop_raw_rejects; DROP TABLE IF EXISTS omop_raw_scans',
  );
  const [{ n }] = (await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${stageTable(table.name)}`,
  )) as [{ n: number }];
  return { file, rows: n };
}
