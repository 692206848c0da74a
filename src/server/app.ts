/**
 * The Hono application: security headers → language → session → CSRF → per-route guard → handler; anything
 * thrown is mapped to an HTTP status once (errors.ts) and shown as a page or as `{error}` JSON.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { invalidInput, notFound } from '../errors.js';
import type { Store } from '../store/index.js';
import { session } from './auth/session.js';
import { csrf } from './csrf.js';
import type { AppEnv, Ctx } from './env.js';
import { toHttp } from './errors.js';
import { wantsJson } from './form.js';
import { guard } from './guard.js';
import { isLang } from './i18n.js';
import type { Project } from './jobs.js';
import { Oidc, type OidcOptions } from './auth/oidc.js';
import { errorPage } from './pages/layout.js';
import { routes, type RouteDef } from './routes.js';
import { securityHeaders } from './security.js';

/** The largest request body accepted (an imported results.json is the largest). */
export const MAX_BODY = 64 << 20;

export interface AppOptions {
  store: Store;
  /** The one-time set-up token (present while the store has no account). */
  setupToken?: string;
  /** The project (config and workspace) jobs run ingest and analyze on. */
  project?: Project;
  /** Single sign-on (OpenID Connect); off when absent. */
  oidc?: OidcOptions;
  /** Called with unexpected errors (the CLI prints them); never given patient-level values. */
  onInternalError?: (err: unknown) => void;
}

export interface EquilensApp {
  app: Hono<AppEnv>;
  table: RouteDef[];
}

function onError(opts: AppOptions) {
  return (err: unknown, c: Ctx) => {
    const { status, body } = toHttp(err);
    if (status >= 500) opts.onInternalError?.(err);
    if (wantsJson(c)) return c.json(body, status as 400);
    if (body.error.code === 'unauthenticated' && c.req.method === 'GET')
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    const fix = typeof body.error.details.fix === 'string' ? body.error.details.fix : undefined;
    return c.html(errorPage(c, body.error.message, fix), status as 400);
  };
}

export function createApp(opts: AppOptions): EquilensApp {
  const app = new Hono<AppEnv>();
  const table = routes({
    setup: { token: opts.setupToken },
    ...(opts.project ? { project: opts.project } : {}),
    ...(opts.oidc ? { oidc: new Oidc(opts.oidc) } : {}),
  });
  app.use(securityHeaders());
  // GET and HEAD carry no body; asking (`c.req.raw.body`) would build a full fetch Request per request.
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw invalidInput(`The request is larger than ${MAX_BODY >> 20} MiB.`, {
        fix: 'Upload a smaller file (results.json holds aggregates only).',
      });
    },
  });
  app.use((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  app.use(async (c, next) => {
    c.set('store', opts.store);
    const lang = getCookie(c, 'eq_lang');
    c.set('lang', isLang(lang) ? lang : 'en');
    await next();
  });
  app.use(session());
  app.use(csrf());
  for (const r of table) app.on(r.method, r.path, guard(r.action), r.handler);
  app.notFound((c) =>
    onError(opts)(
      notFound('There is nothing at this address.', {
        path: c.req.path,
        fix: 'Check the link, or start from the home page.',
      }),
      c,
    ),
  );
  app.onError(onError(opts));
  return { app, table };
}
