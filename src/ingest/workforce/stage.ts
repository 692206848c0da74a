/**
 * The HR extract staged like a patient source (tabular/stage.ts: CSV/TSV/Parquet, the source's reader
 * options, ragged rows and bad encodings rejected with their line), then read into records with each row's
 * file line — what the pure row reader (src/workforce/employees.ts) takes. HR extracts are thousands of rows,
 * not millions, so the rows come to JS once; only the staged columns the mapping names.
 */
import type { WorkforceConfig } from '../../config/index.js';
import type { Engine } from '../../engine/dialect.js';
import type { EmployeeRecords } from '../../workforce/index.js';
import { readHeader, stageFiles, type Staged } from '../tabular/stage.js';
import { STAGE_FILE_COLUMN } from '../tabular/stage-columns.js';
import { workforceReading } from './columns.js';

export const WORKFORCE_STAGE = '__eq_wf_stage';

export interface StagedWorkforce {
  staged: Staged;
  /** One record set per file (rows that reached the stage, with their line). */
  records: EmployeeRecords[];
  reading: ReturnType<typeof workforceReading>['reading'];
}

/** Line of each staged row: its ordinal in the file + header + 1 + the rejected lines before it (rejects.ts). */
async function lines(engine: Engine, staged: Staged): Promise<(ord: number, f: number) => number> {
  const gaps = await engine.all<{ f: number; g: number; cnt: number }>(
    `SELECT f, g, cnt FROM ${staged.gaps} ORDER BY f, g`,
  );
  return (ord, f) => {
    let before = 0;
    for (const gp of gaps)
      if (Number(gp.f) === f && Number(gp.g) <= ord) before = Math.max(before, Number(gp.cnt));
    return ord + staged.files[f]!.headerLines + 1 + before;
  };
}

export async function stageWorkforce(
  engine: Engine,
  workforce: WorkforceConfig,
  paths: readonly string[],
): Promise<StagedWorkforce> {
  const { source } = workforce;
  const header = await readHeader(engine, source.type, paths[0]!, source);
  const { reading, columns } = workforceReading(workforce, header, paths[0]!);
  const staged = await stageFiles(engine, {
    table: WORKFORCE_STAGE,
    type: source.type,
    source,
    paths,
    columns,
  });
  const lineOf = await lines(engine, staged);
  const rows = await engine.all<Record<string, unknown>>(
    `SELECT rowid AS __rid, ${engine.ident(STAGE_FILE_COLUMN)} AS __f, ${columns.map((c) => engine.ident(c)).join(', ')}
     FROM ${WORKFORCE_STAGE} ORDER BY rowid`,
  );
  const records: EmployeeRecords[] = staged.files.map((f) => ({ file: f.file, header: columns, rows: [] }));
  for (const r of rows) {
    const f = Number(r.__f);
    const ord = Number(r.__rid) - staged.files[f]!.firstRowid;
    records[f]!.rows.push({
      line: lineOf(ord, f),
      cells: columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
    });
  }
  return { staged, records, reading };
}

/** Drop the stage's temp tables (the stage, its gaps and reject tables). */
export async function dropWorkforceStage(engine: Engine): Promise<void> {
  const rows = await engine.all<{ t: string }>(
    `SELECT table_name AS t FROM duckdb_tables() WHERE temporary AND starts_with(table_name, $1)`,
    [WORKFORCE_STAGE],
  );
  for (const r of rows) await engine.run(`DROP TABLE IF EXISTS ${engine.ident(r.t)}`);
}
