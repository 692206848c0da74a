/** API tokens: created (audited) by their owner, looked up by hash. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from './audit.js';
import type { DB } from './schema.js';
import { hashToken } from './sessions.js';

export async function createApiToken(
  db: Kysely<DB>,
  actor: string,
  userId: string,
  name: string,
  ttlMs: number,
  now = new Date(),
) {
  const token = `eqt_${randomBytes(32).toString('base64url')}`;
  const expires = new Date(now.getTime() + ttlMs);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        id: hashToken(token),
        user_id: userId,
        name,
        expires_at: expires,
        created_by: actor,
        updated_by: actor,
      })
      .returning(['user_id', 'name', 'expires_at', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor,
      action: 'token.create',
      table: 'api_tokens',
      id: hashToken(token).slice(0, 12),
      after: row,
    });
  });
  return { token, name, expires_at: expires.toISOString() };
}

/** The owner of a live token and when the token expires, or undefined. */
export async function liveToken(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<{ userId: string; expiresAt: number } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['user_id', 'expires_at'])
    .where('id', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { userId: row.user_id, expiresAt: new Date(row.expires_at).getTime() };
}

/** The owner of a live token, or undefined. */
export async function tokenOwner(
  db: Kysely<DB>,
  token: string,
  now = new Date(),
): Promise<string | undefined> {
  return (await liveToken(db, token, now))?.userId;
}
