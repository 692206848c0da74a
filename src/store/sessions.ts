/**
 * Server-side sessions. The cookie carries a random token; the store keeps only its SHA-256, so a copy of
 * the store cannot be replayed as a login.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, User } from './schema.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  absoluteMs: number,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + absoluteMs),
    })
    .execute();
  return token;
}

export interface SessionRow {
  id: string;
  user_id: string;
  last_seen_at: Date;
  expires_at: Date;
  /** The session's account, read in the same query. */
  user: User;
}

/** The live session for a token, touching its idle clock; undefined when unknown, idle too long or expired. */
export async function useSession(
  db: Kysely<DB>,
  token: string,
  idleMs: number,
  now = new Date(),
): Promise<SessionRow | undefined> {
  const id = hashToken(token);
  const s = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  if (new Date(s.expires_at) <= now || now.getTime() - new Date(s.last_seen_at).getTime() > idleMs) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  const { session_id, last_seen_at, expires_at, ...user } = s;
  return { id: session_id, user_id: user.id, last_seen_at, expires_at, user };
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
