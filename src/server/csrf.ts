/**
 * CSRF: a double-submit token. Every visitor gets a random `eq_csrf` cookie (HttpOnly, SameSite=Lax); pages
 * put the same value in a hidden `_csrf` field, scripts send it as `x-csrf-token`. A state-changing request
 * whose token does not match is refused. Bearer-token requests carry no ambient credential and are exempt.
 * The token is rotated at login together with the session.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Ctx } from './env.js';
import { ServerError } from './errors.js';

export const CSRF_COOKIE = 'eq_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const newToken = (): string => randomBytes(24).toString('base64url');

export function setCsrfCookie(c: Ctx, token: string): void {
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
  });
  c.set('csrf', token);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function sentToken(c: Ctx): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const v = body['_csrf'];
  return typeof v === 'string' ? v : undefined;
}

export const csrf = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const cookie = getCookie(c, CSRF_COOKIE);
  if (cookie) c.set('csrf', cookie);
  else setCsrfCookie(c, newToken());
  if (!SAFE.has(c.req.method) && !c.get('bearer')) {
    const sent = await sentToken(c);
    if (!cookie || !sent || !same(cookie, sent))
      throw new ServerError('csrf', 'The form was missing its security token or it had expired.', {
        fix: 'Reload the page and submit the form again.',
      });
  }
  await next();
};
