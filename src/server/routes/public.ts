/** Public pages: home, assets, health, language switch. */
import { html } from 'hono/html';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { APP_CSS, APP_JS, REPORT_CSS } from '../assets.js';
import type { Ctx } from '../env.js';
import { readForm, safeNext } from '../form.js';
import { t } from '../i18n.js';
import { page } from '../pages/layout.js';

export function home(c: Ctx) {
  const lang = c.get('lang');
  const u = c.get('user');
  return c.html(
    page(
      c,
      t(lang, 'home.title'),
      html`<p>${t(lang, 'home.lead')}</p>
        ${u ? html`<p>${t(lang, 'home.signedIn', { name: u.displayName, role: t(lang, `role.${u.role}`) })}</p>` : ''}
        <p><a href="/dashboard">${t(lang, 'nav.dashboard')}</a></p>`,
    ),
  );
}

const asset = (type: string, text: string) => (c: Ctx) =>
  c.body(text, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
export const appCss = asset('text/css; charset=utf-8', APP_CSS);
export const reportCss = asset('text/css; charset=utf-8', REPORT_CSS);
export const appJs = asset('text/javascript; charset=utf-8', APP_JS);

export const health = (c: Ctx) => c.json({ ok: true });

const LangForm = z.object({ lang: z.enum(['en', 'es']), back: z.string().optional() });
export async function language(c: Ctx) {
  const { lang, back } = await readForm(c, LangForm);
  setCookie(c, 'eq_lang', lang, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 86_400 });
  return c.redirect(safeNext(back), 303);
}
