/**
 * The page shell. Every page is built with Hono's `html` tagged template, which escapes every interpolated
 * value; only markup built the same way (or the report's own escaped SVG, passed through `raw`) goes in
 * unescaped. Scripts and styles are same-origin files (the CSP allows nothing inline).
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Ctx } from '../env.js';
import { t } from '../i18n.js';
import { can } from '../permissions.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** A hidden CSRF field for a form. */
export const csrfField = (c: Ctx): Html =>
  html`<input type="hidden" name="_csrf" value="${c.get('csrf')}" />`;

function nav(c: Ctx): Html {
  const lang = c.get('lang');
  const v = c.get('viewer');
  const link = (href: string, key: string) => html`<li><a href="${href}">${t(lang, key)}</a></li>`;
  const user = c.get('user');
  const other = lang === 'en' ? 'es' : 'en';
  return html`<nav aria-label="${t(lang, 'app')}">
    <ul>
      ${link('/', 'nav.home')} ${link('/dashboard', 'nav.dashboard')} ${link('/history', 'nav.history')}
      ${can(v, 'equity.view') ? html`${link('/community', 'nav.community')} ${link('/payer-mix', 'nav.payerMix')} ${link('/workforce', 'nav.workforce')}` : ''}
      ${can(v, 'analysis.view') ? link('/map', 'nav.map') : ''}
      ${can(v, 'equity.import') ? link('/equity', 'nav.equityImport') : ''}
      ${can(v, 'analysis.import') ? link('/analyses', 'nav.analyses') : ''}
      ${can(v, 'org.view') ? link('/organisation', 'nav.organisation') : ''}
      ${can(v, 'inventory.view') ? link('/inventory', 'nav.inventory') : ''}
      ${can(v, 'user.manage') ? link('/people', 'nav.people') : ''}
      ${can(v, 'audit.view') ? link('/audit', 'nav.audit') : ''}
      <li>
        <form method="post" action="/language">
          ${csrfField(c)}<input type="hidden" name="lang" value="${other}" />
          <input type="hidden" name="back" value="${c.req.path + new URL(c.req.url).search}" />
          <button type="submit" lang="${other}">${other === 'es' ? 'Español' : 'English'}</button>
        </form>
      </li>
      ${
        user
          ? html`<li>
              <form method="post" action="/logout">
                ${csrfField(c)}<button type="submit">${t(lang, 'nav.logout')}</button>
              </form>
            </li>`
          : link('/login', 'nav.login')
      }
    </ul>
  </nav>`;
}

/**
 * Everything {@link page} and {@link nav} read from the request, as a key for a cache of rendered shells
 * (src/server/send.ts): keep it in step when the shell shows something new.
 */
export const shellKey = (c: Ctx, title: string): string =>
  JSON.stringify([c.get('lang'), c.get('viewer'), Boolean(c.get('user')), c.get('csrf'), c.req.url, title]);

/**
 * A whole page, as a plain string: Hono's escaped String object would make @hono/node-server answer through
 * a fetch Response and a body stream, several times slower than writing a string (bench/serve).
 */
export async function page(c: Ctx, title: string, body: Html): Promise<string> {
  const lang = c.get('lang');
  return String(
    await html`<!doctype html>
      <html lang="${lang}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${title} · ${t(lang, 'app')}</title>
          <link rel="stylesheet" href="/assets/report.css" />
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/app.js" defer></script>
        </head>
        <body>
          <a class="skip" href="#main">${t(lang, 'nav.skip')}</a>
          <header class="app-head">
            <p class="brand"><a href="/">${t(lang, 'app')}</a></p>
            ${nav(c)}
          </header>
          <main id="main">
            <h1>${title}</h1>
            ${body}
          </main>
        </body>
      </html>`,
  );
}

/** An error page, for browsers (the API answers JSON). */
export function errorPage(c: Ctx, message: string, fix?: string): Promise<string> {
  return page(
    c,
    t(c.get('lang'), 'error.title'),
    html`<p role="alert">${message}</p>
      ${fix ? html`<p>${fix}</p>` : ''}`,
  );
}
