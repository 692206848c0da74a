/**
 * Who is asking: a server-side session (cookie `eq_session`: HttpOnly, SameSite=Lax, Secure behind TLS;
 * idle and absolute expiry) or, for scripts, `Authorization: Bearer <token>`. A new session id is issued at
 * every login, so an id planted before login is worthless after it.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { createSession, endSession, findUser, tokenOwner, useSession } from '../../store/index.js';
import { newToken, setCsrfCookie } from '../csrf.js';
import type { AppEnv, Ctx, SignedIn } from '../env.js';
import { ROLES, type Role } from '../permissions.js';
import { TtlCache } from '../ttl-cache.js';

export const SESSION_COOKIE = 'eq_session';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** Who a session or token is, for a few seconds (see ttl-cache.ts); dropped at sign-in and sign-out here. */
export const SESSION_CACHE_MS = 3_000;
const seen = new TtlCache<SignedIn | undefined>(SESSION_CACHE_MS);
const cacheKey = (c: Ctx, token: string, bearer: boolean) =>
  `${c.get('store').kind}:${bearer ? 'b' : 's'}:${token}`;

function whoIs(c: Ctx, token: string, bearer: boolean): Promise<SignedIn | undefined> {
  return seen.get(cacheKey(c, token, bearer), () => lookUp(c, token, bearer));
}

async function lookUp(c: Ctx, token: string, bearer: boolean): Promise<SignedIn | undefined> {
  const db = c.get('store').db;
  const s = bearer && token.startsWith('eqt_') ? undefined : await useSession(db, token, IDLE_MS);
  const userId = s ? undefined : bearer ? await tokenOwner(db, token) : undefined;
  const u = s?.user ?? (userId ? await findUser(db, userId) : undefined);
  if (!u || u.disabled || !isRole(u.role)) return undefined;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    ...(s ? { sessionId: s.id } : {}),
  };
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
