/** What every request carries through the middleware chain (Hono `c.var`). */
import type { Context } from 'hono';
import type { Store } from '../store/index.js';
import type { Role, Viewer } from './permissions.js';

export interface SignedIn {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The server-side session id (absent for an API token). */
  sessionId?: string;
}

export interface AppVars {
  store: Store;
  user: SignedIn | undefined;
  viewer: Viewer;
  /** The CSRF token forms must echo back (`_csrf` field or `x-csrf-token` header). */
  csrf: string;
  /** Whether the request authenticated with a bearer token (no ambient cookie, so no CSRF check). */
  bearer: boolean;
  lang: 'en' | 'es';
}

export interface AppEnv {
  Variables: AppVars;
}
export type Ctx = Context<AppEnv>;
