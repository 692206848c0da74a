/**
 * Write the outputs of a run: results.json (internal), results.public.json (small-cell suppressed),
 * results.csv (the long table) and results.parquet (the same table, written by DuckDB's COPY).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuppressionConfig } from '../../config/suppression.js';
import type { ResultsFile } from '../../model/results.js';
import { quoteLiteral } from '../dialect.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { suppressResults } from '../../suppression/index.js';
import { LONG_COLUMNS, LONG_TYPES, longRows } from '../../analysis/long-table.js';
import { csvLine } from '../../model/csv.js';

export interface OutputFiles {
  results: string;
  public: string;
  csv: string;
  publicCsv: string;
  parquet: string;
}

export function toCsv(results: ResultsFile): string {
  const rows = longRows(results);
  return (
    [LONG_COLUMNS.join(','), ...rows.map((r) => csvLine(LONG_COLUMNS.map((c) => r[c])))].join('\n') + '\n'
  );
}

export async function writeOutputs(
  results: ResultsFile,
  out: string,
  suppression: SuppressionConfig,
): Promise<{ files: OutputFiles; publicResults: ResultsFile }> {
  mkdirSync(out, { recursive: true });
  const files: OutputFiles = {
    results: join(out, 'results.json'),
    public: join(out, 'results.public.json'),
    csv: join(out, 'results.csv'),
    publicCsv: join(out, 'results.public.csv'),
    parquet: join(out, 'results.parquet'),
  };
  const publicResults = suppressResults(results, suppression);
  writeFileSync(files.results, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(files.public, JSON.stringify(publicResults, null, 2) + '\n');
  writeFileSync(files.csv, toCsv(results));
  writeFileSync(files.publicCsv, toCsv(publicResults));
  await writeParquet(files.csv, files.parquet);
  return { files, publicResults };
}

/** CSV → Parquet with the long table's column types, in a throwaway in-memory DuckDB. */
export async function writeParquet(csv: string, parquet: string): Promise<void> {
  const engine = await openDuckDB(':memory:');
  try {
    const types = `{${LONG_COLUMNS.map((c) => `${quoteLiteral(c)}: ${quoteLiteral(LONG_TYPES[c] as string)}`).join(', ')}}`;
    await engine.run(
      `COPY (SELECT * FROM read_csv(${quoteLiteral(csv)}, header = true, columns = ${types})) TO ${quoteLiteral(parquet)} (FORMAT PARQUET)`,
    );
  } finally {
    await engine.close();
  }
}
