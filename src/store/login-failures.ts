/** Failed logins per account and per address, counted over a window (rate limiting across server processes). */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export type FailureScope = 'account' | 'address';

export async function recordFailure(
  db: Kysely<DB>,
  scope: FailureScope,
  key: string,
  now = new Date(),
): Promise<void> {
  await db.insertInto('login_failures').values({ scope, key, at: now }).execute();
}

export async function countFailures(
  db: Kysely<DB>,
  scope: FailureScope,
  key: string,
  windowMs: number,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - windowMs);
  const r = await db
    .selectFrom('login_failures')
    .select(sql<string>`count(*)`.as('n'))
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
