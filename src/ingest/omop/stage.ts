/**
 * Staging: each CDM table the source has becomes a temporary all-VARCHAR table `omop_stage_<table>` with
 * `_file` (where the row came from) and `_line` (1-based line in the CSV file, header = line 1; for a
 * PostgreSQL table, the row's ordinal in key order). Tables the source lacks are staged empty, so the
 * transformation SQL runs the same way whatever subset of the CDM is present.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteIdent } from '../../engine/dialect.js';
import { CDM_TABLES, stageTable, type CdmTable } from './cdm-tables.js';

export interface StagedTable {
  table: CdmTable;
  /** File (or `postgresql:schema.table`) the rows came from; undefined when the source lacks the table. */
  file?: string;
  rows: number;
}

/** Create the empty staging table of a CDM table. */
export async function createStage(engine: Engine, table: CdmTable): Promise<void> {
  const cols = table.columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ');
  await engine.run(
    `CREATE OR REPLACE TEMP TABLE ${stageTable(table.name)} (_file VARCHAR, _line BIGINT, ${cols})`,
  );
}

/** Stage every CDM table through `stageOne` (which fills a created stage and returns its file and rows). */
export async function stageAll(
  engine: Engine,
  stageOne: (table: CdmTable) => Promise<{ file: string; rows: number } | undefined>,
): Promise<StagedTable[]> {
  const out: StagedTable[] = [];
  await engine.run(
    'CREATE OR REPLACE TEMP TABLE omop_malformed (file VARCHAR, line BIGINT, column_name VARCHAR, error VARCHAR)',
  );
  for (const table of CDM_TABLES) {
    await createStage(engine, table);
    const got = await stageOne(table);
    out.push({ table, file: got?.file, rows: got?.rows ?? 0 });
  }
  return out;
}

/** Drop the staging tables (the transaction would drop them too; this frees memory early). */
export async function dropStages(engine: Engine): Promise<void> {
  for (const table of CDM_TABLES) await engine.run(`DROP TABLE IF EXISTS ${stageTable(table.name)}`);
  await engine.run('DROP TABLE IF EXISTS omop_malformed');
}
