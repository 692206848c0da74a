/**
 * Invites: the link carries a random token, the store its SHA-256. Accepting marks the invite used and
 * creates the account in one transaction, and only an unused, unexpired invite can be marked — so a link
 * works once, even when two people click it at the same moment.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB, User } from './schema.js';
import { hashToken } from './sessions.js';

export async function createInvite(
  db: Kysely<DB>,
  actor: string,
  role: string,
  displayName: string,
  ttlMs: number,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('invites')
      .values({
        id: hashToken(token),
        role,
        display_name: displayName,
        expires_at: new Date(now.getTime() + ttlMs),
        created_by: actor,
        updated_by: actor,
      })
      .returning(['role', 'display_name', 'expires_at'])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor,
      action: 'invite.create',
      table: 'invites',
      id: hashToken(token).slice(0, 12),
      after: row,
    });
  });
  return token;
}

export type InviteState = 'open' | 'used' | 'expired' | 'unknown';

export async function inviteState(db: Kysely<DB>, token: string, now = new Date()): Promise<InviteState> {
  const row = await db
    .selectFrom('invites')
    .select(['used_at', 'expires_at'])
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  return new Date(row.expires_at) <= now ? 'expired' : 'open';
}

/** Accept an open invite: the new account (no password), or undefined when the invite is not open. */
export async function acceptInvite(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<User | undefined> {
  return db.transaction().execute(async (trx) => {
    const id = hashToken(token);
    const userId = randomUUID();
    const inv = await trx
      .updateTable('invites')
      .set({ used_at: now, used_by: userId, updated_at: now, updated_by: userId })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['role', 'display_name'])
      .executeTakeFirst();
    if (!inv) return undefined;
    const user = await trx
      .insertInto('users')
      .values({
        id: userId,
        username: `guest-${userId.slice(0, 8)}`,
        display_name: inv.display_name,
        role: inv.role,
        password_hash: null,
        created_by: 'invite',
        updated_by: 'invite',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor: user.username,
      action: 'invite.accept',
      table: 'users',
      id: user.id,
      after: user,
    });
    return user;
  });
}
