/** Sign in, sign out, and the first-run set-up of the first administrator. */
import { html } from 'hono/html';
import { z } from 'zod';
import { countUsers, createApiToken, createUser } from '../../store/index.js';
import { LoginBody, TokenForm } from '../api-schemas.js';
import { login } from '../auth/login.js';
import { hashPassword, MIN_PASSWORD } from '../auth/passwords.js';
import { signIn, signOut } from '../auth/session.js';
import type { Ctx } from '../env.js';
import { ServerError } from '../errors.js';
import { readForm, safeNext, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { csrfField, errorPage, page } from '../pages/layout.js';

const field = (name: string, label: string, type = 'text', auto = '') =>
  html`<label for="${name}">${label}</label
    ><input id="${name}" name="${name}" type="${type}" required autocomplete="${auto}" />`;

export const loginPage = (sso: boolean) => (c: Ctx) => {
  const lang = c.get('lang');
  const next = safeNext(c.req.query('next'));
  return c.html(
    page(
      c,
      t(lang, 'login.title'),
      html`<form method="post" action="/login">
          ${csrfField(c)}<input type="hidden" name="next" value="${safeNext(c.req.query('next'))}" />
          ${field('username', t(lang, 'login.username'), 'text', 'username')}
          ${field('password', t(lang, 'login.password'), 'password', 'current-password')}
          <p><button type="submit">${t(lang, 'login.submit')}</button></p>
        </form>
        ${sso ? html`<p><a href="/auth/oidc/login?next=${encodeURIComponent(next)}">${t(lang, 'login.sso')}</a></p>` : ''}`,
    ),
  );
};

function address(c: Ctx): string {
  const info = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return info?.socket?.remoteAddress ?? 'unknown';
}

export async function loginSubmit(c: Ctx) {
  const f = await readForm(c, LoginBody);
  const user = await login(c.get('store').db, f.username, f.password, address(c));
  await signIn(c, user.id);
  if (wantsJson(c)) return c.json({ user: { id: user.id, username: user.username, role: user.role } });
  return c.redirect(safeNext(f.next), 303);
}

export async function logout(c: Ctx) {
  await signOut(c);
  return wantsJson(c) ? c.body(null, 204) : c.redirect('/', 303);
}

export interface Setup {
  /** The one-time token printed at first start; undefined once an administrator exists. */
  token: string | undefined;
}

async function checkSetup(c: Ctx, setup: Setup, token: unknown): Promise<void> {
  if ((await countUsers(c.get('store').db)) > 0 || !setup.token)
    throw new ServerError('conflict', t(c.get('lang'), 'setup.done'));
  if (token !== setup.token) throw new ServerError('forbidden', t(c.get('lang'), 'setup.badToken'));
}

export const setupPage = (setup: Setup) => async (c: Ctx) => {
  const lang = c.get('lang');
  const token = c.req.query('token');
  try {
    await checkSetup(c, setup, token);
  } catch (e) {
    if (e instanceof ServerError) return c.html(errorPage(c, e.message), e.code === 'conflict' ? 409 : 403);
    throw e;
  }
  return c.html(
    page(
      c,
      t(lang, 'setup.title'),
      html`<p>${t(lang, 'setup.lead')}</p>
        <form method="post" action="/setup">
          ${csrfField(c)}<input type="hidden" name="token" value="${token}" />
          ${field('displayName', t(lang, 'setup.displayName'), 'text', 'name')}
          ${field('username', t(lang, 'login.username'), 'text', 'username')}
          ${field('password', t(lang, 'login.password'), 'password', 'new-password')}
          <p><button type="submit">${t(lang, 'setup.submit')}</button></p>
        </form>`,
    ),
  );
};

const SetupForm = z.object({
  token: z.string(),
  displayName: z.string().trim().min(1).max(200),
  username: z.string().trim().min(1).max(100),
  password: z.string().min(MIN_PASSWORD, `use at least ${MIN_PASSWORD} characters`),
});

export const setupSubmit = (setup: Setup) => async (c: Ctx) => {
  const f = await readForm(c, SetupForm);
  await checkSetup(c, setup, f.token);
  setup.token = undefined;
  const user = await createUser(c.get('store').db, 'setup', {
    username: f.username,
    displayName: f.displayName,
    role: 'administrator',
    passwordHash: await hashPassword(f.password),
  });
  await signIn(c, user.id);
  return wantsJson(c)
    ? c.json({ user: { id: user.id, username: user.username, role: user.role } }, 201)
    : c.redirect('/', 303);
};

export const TOKEN_TTL_MS = 90 * 86_400_000;

/** A new API token for the signed-in person (shown once). */
export async function createToken(c: Ctx) {
  const f = await readForm(c, TokenForm);
  const u = c.get('user')!;
  return c.json(await createApiToken(c.get('store').db, u.username, u.id, f.name, TOKEN_TTL_MS), 201);
}
