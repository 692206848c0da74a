/**
 * Single sign-on routes: `/auth/oidc/login` sends the browser to the provider with a fresh state, nonce and
 * PKCE verifier (kept in a short-lived HttpOnly cookie scoped to `/auth/oidc`); `/auth/oidc/callback`
 * checks them, finds or links the account (auth/oidc.ts) and starts a session. Off unless configured.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import { accountFor, type Oidc } from '../auth/oidc.js';
import { signIn } from '../auth/session.js';
import type { Ctx } from '../env.js';
import { ServerError } from '../errors.js';
import { safeNext } from '../form.js';
import { notFound } from '../../errors.js';

const FLOW = 'eq_oidc';
const PATH = '/auth/oidc';

const off = () =>
  notFound('Single sign-on is not configured on this workspace.', {
    fix: 'Sign in with your username and password, or ask the administrator to configure EQUILENS_OIDC_*.',
  });

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

export const oidcLogin = (oidc: Oidc | undefined) => async (c: Ctx) => {
  if (!oidc) throw off();
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    next: safeNext(c.req.query('next')),
  };
  const url = await oidc.authorizationUrl(flow);
  setCookie(c, FLOW, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: PATH,
    maxAge: 600,
    secure: new URL(c.req.url).protocol === 'https:',
  });
  return c.redirect(url.toString(), 303);
};

function readFlow(c: Ctx): Flow {
  const raw = getCookie(c, FLOW);
  try {
    const f = JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')) as Partial<Flow>;
    if (f.state && f.nonce && f.verifier) return { next: '/', ...f } as Flow;
  } catch {
    // fall through
  }
  throw new ServerError('forbidden', 'The single sign-on attempt expired or was not started here.', {
    fix: 'Start again from the sign-in page.',
  });
}

export const oidcCallback = (oidc: Oidc | undefined) => async (c: Ctx) => {
  if (!oidc) throw off();
  const flow = readFlow(c);
  deleteCookie(c, FLOW, { path: PATH });
  let who;
  try {
    who = await oidc.callback(new URL(c.req.url).search, flow);
  } catch (err) {
    throw new ServerError('forbidden', 'The single sign-on provider did not confirm this sign-in.', {
      reason: err instanceof Error ? err.message : String(err),
      fix: 'Start again from the sign-in page; if it keeps failing, ask the administrator.',
    });
  }
  const user = await accountFor(c, who);
  await signIn(c, user.id);
  return c.redirect(safeNext(flow.next), 303);
};
