/**
 * Linking accounts to single sign-on: by the provider's subject once linked, or the first time by a verified
 * email the administrator recorded on the account. Linking never creates an account or changes a role.
 */
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB, User } from './schema.js';

export const findUserByOidc = (db: Kysely<DB>, issuer: string, subject: string): Promise<User | undefined> =>
  db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();

export const findUserByEmail = (db: Kysely<DB>, email: string): Promise<User | undefined> =>
  db
    .selectFrom('users')
    .selectAll()
    .where((e) => e(e.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();

/** Record the provider's subject on the account (audited). */
export async function linkOidc(
  db: Kysely<DB>,
  actor: string,
  userId: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['oidc_issuer', 'oidc_subject'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('users')
      .set({ oidc_issuer: issuer, oidc_subject: subject, updated_by: actor, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await audit(trx, {
      actor,
      action: 'user.link_sign_in',
      table: 'users',
      id: userId,
      before,
      after: { oidc_issuer: issuer, oidc_subject: subject },
    });
  });
}

/** Set (or clear) an account's email (audited). */
export async function setUserEmail(
  db: Kysely<DB>,
  actor: string,
  userId: string,
  email: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['email'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('users')
      .set({ email, updated_by: actor, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await audit(trx, {
      actor,
      action: 'user.set_email',
      table: 'users',
      id: userId,
      before,
      after: { email },
    });
  });
}
