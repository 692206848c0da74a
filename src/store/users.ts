/** Accounts. Every write is audited in the same transaction. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB, User } from './schema.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  passwordHash: string | null;
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function createUser(db: Kysely<DB>, actor: string, a: NewAccount): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        id: randomUUID(),
        username: a.username,
        display_name: a.displayName,
        role: a.role,
        password_hash: a.passwordHash,
        created_by: actor,
        updated_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'user.create', table: 'users', id: row.id, after: row });
    return row;
  });
}

export const findUserByName = (db: Kysely<DB>, username: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUser = (db: Kysely<DB>, id: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const listUsers = (db: Kysely<DB>): Promise<User[]> =>
  db.selectFrom('users').selectAll().orderBy('username').execute();

/** Record the outcome of a password check on the account (failure count, lockout). Not audited: not a change by a person. */
export async function setLoginState(
  db: Kysely<DB>,
  id: string,
  state: { failed_logins: number; locked_until: Date | null },
): Promise<void> {
  await db.updateTable('users').set(state).where('id', '=', id).execute();
}
