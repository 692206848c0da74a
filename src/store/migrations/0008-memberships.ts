/** Memberships: which people belong to which units (a department champion's scope). */
import type { Kysely } from 'kysely';
import { stamped } from './stamps.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('memberships')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'unit_id']),
  ).execute();
}
