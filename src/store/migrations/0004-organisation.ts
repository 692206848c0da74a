/** Departments, sites and clinician groups: the organisation's units, matching the data's facets. */
import { sql, type Kysely } from 'kysely';
import { stamped } from './stamps.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('department', 'site', 'clinician_group')`),
      )
      .addColumn('name', 'text', (c) => c.notNull())
      .addUniqueConstraint('units_kind_name', ['kind', 'name']),
  ).execute();
}
