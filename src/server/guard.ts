/** The one place a route's permission is enforced: signed-out → sign in (pages) or 401 (API); else 403. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ServerError } from './errors.js';
import { can, type Action } from './permissions.js';

export const guard =
  (action: Action): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const viewer = c.get('viewer');
    if (!can(viewer, action)) {
      if (viewer === 'public')
        throw new ServerError('unauthenticated', 'Sign in to see this page.', {
          fix: 'Sign in, then try again.',
        });
      throw new ServerError('forbidden', 'Your role does not allow this.', {
        action,
        fix: 'Ask an administrator for access.',
      });
    }
    await next();
  };
