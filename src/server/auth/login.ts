/**
 * Password login with rate limits: at most 10 wrong passwords per account and 30 per address in a minute
 * (the 11th is refused without checking the password), and an account is locked for 15 minutes after 10
 * consecutive wrong passwords. Counts live in the store, so they hold across server processes.
 */
import type { Kysely } from 'kysely';
import { invalidInput } from '../../errors.js';
import {
  countFailures,
  findUserByName,
  recordFailure,
  setLoginState,
  type DB,
  type User,
} from '../../store/index.js';
import { ServerError } from '../errors.js';
import { verifyPassword } from './passwords.js';

export const PER_ACCOUNT = 10;
export const PER_ADDRESS = 30;
export const WINDOW_MS = 60_000;
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * 60_000;

const tooMany = (fix: string) =>
  new ServerError('rate_limited', 'Too many sign-in attempts. For your safety, sign-in is paused.', { fix });

async function checkLimits(db: Kysely<DB>, username: string, address: string, now: Date): Promise<void> {
  if ((await countFailures(db, 'account', username, WINDOW_MS, now)) >= PER_ACCOUNT)
    throw tooMany('Wait one minute, then try again.');
  if ((await countFailures(db, 'address', address, WINDOW_MS, now)) >= PER_ADDRESS)
    throw tooMany('Wait one minute, then try again from this address.');
}

export async function login(
  db: Kysely<DB>,
  username: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<User> {
  await checkLimits(db, username, address, now);
  const user = await findUserByName(db, username);
  if (user?.locked_until && new Date(user.locked_until) > now)
    throw new ServerError('rate_limited', 'This account is locked after too many wrong passwords.', {
      fix: `Try again after ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC, or ask an administrator.`,
    });
  const ok = Boolean(
    user?.password_hash && !user.disabled && (await verifyPassword(user.password_hash, password)),
  );
  if (!ok || !user) {
    await recordFailure(db, 'account', username, now);
    await recordFailure(db, 'address', address, now);
    if (user) {
      const failed = user.failed_logins + 1;
      await setLoginState(db, user.id, {
        failed_logins: failed,
        locked_until: failed >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MS) : null,
      });
    }
    throw invalidInput('The username or password is wrong.', { fix: 'Check both and try again.' });
  }
  if (user.failed_logins > 0) await setLoginState(db, user.id, { failed_logins: 0, locked_until: null });
  return user;
}
