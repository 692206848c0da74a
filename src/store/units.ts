/** Organisation units: departments, sites, clinician groups (named as the data's facets name them). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB, Unit } from './schema.js';

export const UNIT_KINDS = ['department', 'site', 'clinician_group'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export async function createUnit(db: Kysely<DB>, actor: string, kind: UnitKind, name: string): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('units')
      .values({ id: randomUUID(), kind, name, created_by: actor, updated_by: actor })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'unit.create', table: 'units', id: row.id, after: row });
    return row;
  });
}

export const listUnits = (db: Kysely<DB>): Promise<Unit[]> =>
  db.selectFrom('units').selectAll().orderBy('kind').orderBy('name').execute();
