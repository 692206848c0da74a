/** Background jobs (ingest + analyze from the server): status and progress survive a page reload. */
import type { Kysely } from 'kysely';
import { stamped } from './stamps.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('progress', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('error', 'jsonb')
      .addColumn('analysis_id', 'text'),
  ).execute();
}
