/**
 * The algorithm inventory (issue #15): decision-support tools and the audits run on them (an audit is an
 * imported `equilens audit-model` results file, kept whole, with its summary). `unit_id` scopes a tool to a
 * department (a champion's); null means organisation-wide.
 */
import type { Kysely } from 'kysely';
import { stamped } from './stamps.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('algorithms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('vendor', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decisions', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('inputs', 'jsonb', (c) => c.notNull())
      .addColumn('protected_inputs', 'jsonb', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('last_audit_on', 'text')
      .addColumn('last_audit_result', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('mitigation', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await stamped(
    db.schema
      .createTable('algorithm_audits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('algorithm_id', 'text', (c) => c.notNull().references('algorithms.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'jsonb', (c) => c.notNull())
      .addColumn('results', 'jsonb', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('algorithm_audits_algorithm')
    .on('algorithm_audits')
    .column('algorithm_id')
    .execute();
}
