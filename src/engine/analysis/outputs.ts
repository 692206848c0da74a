/**
 * Write the outputs of a run: results.json (internal), results.public.json (small-cell suppressed; only
 * when the settings meet the public minimum, else results.restricted.json with an explicit override),
 * results.csv (the long table) and results.parquet (the same table, written by DuckDB's COPY), as one
 * atomic output set with a manifest.json (output-set.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuppressionConfig } from '../../config/suppression.js';
import type { ResultsFile } from '../../model/results.js';
import { quoteLiteral } from '../dialect.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { suppressAgainst } from '../../suppression/index.js';
import { LONG_COLUMNS, LONG_TYPES, longRows } from '../../analysis/long-table.js';
import { csvLine } from '../../model/csv.js';
import { stageOutputs } from './output-set.js';

export interface OutputFiles {
  results: string;
  /** Absent when the settings fall short of the public minimum (src/suppression/public-minimum.ts). */
  public?: string;
  csv: string;
  publicCsv?: string;
  /** The suppressed edition below the public minimum, written only with `suppression.below_public_minimum`. */
  restricted?: string;
  restrictedCsv?: string;
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
  earlier: readonly ResultsFile[] = [],
): Promise<{ files: OutputFiles; publicResults: ResultsFile }> {
  mkdirSync(out, { recursive: true });
  const publicResults = suppressAgainst(results, earlier, suppression);
  const stage = stageOutputs(out, {
    datasetVersion: results.dataset.version,
    configHash: results.stamp.configHash,
  });
  const files: OutputFiles = {
    results: join(out, 'results.json'),
    csv: join(out, 'results.csv'),
    parquet: join(out, 'results.parquet'),
  };
  const shared = sharedNames(publicResults.stamp.audience, suppression.below_public_minimum !== undefined);
  writeFileSync(stage.path('results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(stage.path('results.csv'), toCsv(results));
  if (shared) {
    writeFileSync(stage.path(`${shared}.json`), JSON.stringify(publicResults, null, 2) + '\n');
    writeFileSync(stage.path(`${shared}.csv`), toCsv(publicResults));
    const json = join(out, `${shared}.json`);
    const csv = join(out, `${shared}.csv`);
    if (shared === 'results.public') Object.assign(files, { public: json, publicCsv: csv });
    else Object.assign(files, { restricted: json, restrictedCsv: csv });
  }
  await writeParquet(stage.path('results.csv'), stage.path('results.parquet'));
  // A stale edition of another kind must not survive beside this run's files.
  const removed = ['results.public', 'results.restricted']
    .filter((name) => name !== shared)
    .flatMap((name) => [`${name}.json`, `${name}.csv`]);
  stage.commit(removed);
  return { files, publicResults };
}

/** Which suppressed edition a run writes: public, restricted (an explicit override), or none. */
function sharedNames(audience: ResultsFile['stamp']['audience'], override: boolean): string | undefined {
  if (audience === 'public') return 'results.public';
  return override ? 'results.restricted' : undefined;
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
