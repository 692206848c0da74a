/** Analyses in the workspace: one results.json (aggregates only) per row, with its provenance. History is kept. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ResultsFile } from '../model/results.js';
import { audit } from './audit.js';
import type { Analysis, DB } from './schema.js';

export type AnalysisSummary = Omit<Analysis, 'results'>;

/** Every column but the results document: what lists and imports return. */
const SUMMARY_COLUMNS = [
  'id',
  'title',
  'dataset_version',
  'config_hash',
  'software_version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const satisfies ReadonlyArray<keyof AnalysisSummary>;

export async function saveAnalysis(
  db: Kysely<DB>,
  actor: string,
  title: string,
  results: ResultsFile,
): Promise<AnalysisSummary> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('analyses')
      .values({
        id: randomUUID(),
        title,
        dataset_version: results.stamp.dataset.version,
        config_hash: results.stamp.configHash,
        software_version: results.stamp.softwareVersion,
        results: JSON.stringify(results),
        created_by: actor,
        updated_by: actor,
      })
      .returning(SUMMARY_COLUMNS)
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'analysis.import', table: 'analyses', id: row.id, after: row });
    return row;
  });
}

export const listAnalyses = (db: Kysely<DB>): Promise<AnalysisSummary[]> =>
  db.selectFrom('analyses').select(SUMMARY_COLUMNS).orderBy('created_at', 'desc').execute();

export async function loadAnalysis(
  db: Kysely<DB>,
  id: string,
): Promise<{ summary: AnalysisSummary; results: ResultsFile } | undefined> {
  const row = await db.selectFrom('analyses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { results, ...summary } = row;
  return { summary, results: (typeof results === 'string' ? JSON.parse(results) : results) as ResultsFile };
}
