/** People's memberships of units; every change is audited. */
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB } from './schema.js';

export async function addMembership(
  db: Kysely<DB>,
  actor: string,
  userId: string,
  unitId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('memberships')
      .values({ user_id: userId, unit_id: unitId, created_by: actor, updated_by: actor })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row)
      await audit(trx, {
        actor,
        action: 'membership.add',
        table: 'memberships',
        id: `${userId}:${unitId}`,
        after: row,
      });
  });
}

/** The units a person belongs to: `{kind, name}` as the data's facets name them. */
export const unitsOf = (
  db: Kysely<DB>,
  userId: string,
): Promise<{ id: string; kind: string; name: string }[]> =>
  db
    .selectFrom('memberships')
    .innerJoin('units', 'units.id', 'memberships.unit_id')
    .select(['units.id', 'units.kind', 'units.name'])
    .where('memberships.user_id', '=', userId)
    .orderBy('units.kind')
    .orderBy('units.name')
    .execute();
