/**
 * Who is asking: a server-side session (cookie `eq_session`: HttpOnly, SameSite=Lax, Secure behind TLS;
 * idle and absolute expiry) or, for scripts, `Authorization: Bearer <token>`. A new session id is issued at
 * every login, so an id planted before login is worthless after it.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { createSession, endSession, findUser, liveToken, useSession } from '../../store/index.js';
import { newToken, setCsrfCookie } from '../csrf.js';
import type { AppEnv, Ctx, SignedIn } from '../env.js';
import { ROLES, type Role } from '../permissions.js';
import { TtlCache } from '../ttl-cache.js';

export const SESSION_COOKIE = 'eq_session';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/**
 * Who a session or token is, for a few seconds (see ttl-cache.ts): sign-out here takes effect at once; a
 * session or token ended elsewhere (another server process, the store), a changed role or a disabled account
 * within SESSION_CACHE_MS. A cached entry is never used past its session's or token's own expiry. Tokens and
 * session ids are looked up by their SHA-256 (high-entropy secrets need no slow hash), so a miss costs one
 * indexed query.
 */
export const SESSION_CACHE_MS = 3_000;
interface Seen {
  user: SignedIn;
  /** When the session or token expires (ms since the epoch). */
  until: number;
}
const seen = new TtlCache<Seen | undefined>(SESSION_CACHE_MS);
const cacheKey = (c: Ctx, token: string, bearer: boolean) =>
  `${c.get('store').kind}:${bearer ? 'b' : 's'}:${token}`;

/** Forget every cached session (call after changing a role, disabling an account or revoking tokens). */
export const forgetSessions = (): void => seen.clear();

async function whoIs(c: Ctx, token: string, bearer: boolean): Promise<SignedIn | undefined> {
  const key = cacheKey(c, token, bearer);
  let hit = await seen.get(key, () => lookUp(c, token, bearer));
  if (hit && hit.until <= Date.now()) {
    seen.delete(key);
    hit = await seen.get(key, () => lookUp(c, token, bearer));
  }
  return hit?.user;
}

async function lookUp(c: Ctx, token: string, bearer: boolean): Promise<Seen | undefined> {
  const db = c.get('store').db;
  const s = bearer && token.startsWith('eqt_') ? undefined : await useSession(db, token, IDLE_MS);
  const owner = s ? undefined : bearer ? await liveToken(db, token) : undefined;
  const u = s?.user ?? (owner ? await findUser(db, owner.userId) : undefined);
  if (!u || u.disabled || !isRole(u.role)) return undefined;
  const user: SignedIn = {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    ...(s ? { sessionId: s.id } : {}),
  };
  const until = s ? Math.min(new Date(s.expires_at).getTime(), Date.now() + IDLE_MS) : owner!.expiresAt;
  return { user, until };
}

export const session = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const auth = c.req.header('authorization');
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const token = bearer ?? getCookie(c, SESSION_COOKIE);
  const user = token ? await whoIs(c, token, Boolean(bearer)) : undefined;
  if (token && !user && !bearer) deleteCookie(c, SESSION_COOKIE, { path: '/' });
  c.set('bearer', Boolean(bearer));
  c.set('user', user);
  c.set('viewer', user?.role ?? 'public');
  await next();
};

/** Start a fresh session for the user (and a fresh CSRF token); the old session, if any, is ended. */
export async function signIn(c: Ctx, userId: string): Promise<void> {
  const db = c.get('store').db;
  const old = getCookie(c, SESSION_COOKIE);
  if (old) {
    seen.delete(cacheKey(c, old, false));
    await endSession(db, old);
  }
  const token = await createSession(db, userId, ABSOLUTE_MS);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: ABSOLUTE_MS / 1000,
  });
  setCsrfCookie(c, newToken());
}

export async function signOut(c: Ctx): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    seen.delete(cacheKey(c, token, false));
    await endSession(c.get('store').db, token);
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  setCsrfCookie(c, newToken());
}
