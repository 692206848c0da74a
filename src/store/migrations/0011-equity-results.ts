/**
 * Equity results (issue #16): the community comparison, payer mix and workforce results that `equilens
 * community`, `payer-mix` and `workforce` write, kept whole as aggregates (never patient or employee rows),
 * each with an internal edition (null when only a public file was imported) and a public edition (small
 * counts withheld). `analysis_id` optionally ties a result to the analysis it accompanies.
 */
import { sql, type Kysely } from 'kysely';
import { stamped } from './stamps.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('equity_results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('community', 'payer_mix', 'workforce')`),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('analysis_id', 'text', (c) => c.references('analyses.id'))
      .addColumn('internal', 'jsonb')
      .addColumn('public', 'jsonb', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('equity_results_kind')
    .on('equity_results')
    .columns(['kind', 'created_at'])
    .execute();
}
