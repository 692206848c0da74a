/**
 * Start the workspace server: open the store (PGlite in `<workspace>/app/` or PostgreSQL from
 * `DATABASE_URL`), apply migrations, and listen. While the store has no account, a one-time set-up link is
 * returned for the first administrator (there is no default password).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { countUsers, failInterruptedJobs, openStore, type Store } from '../store/index.js';
import { createApp } from './app.js';
import { oidcFromEnv, type OidcOptions } from './auth/oidc.js';

export interface ServeOptions {
  workspace: string;
  /** The project config jobs run on. */
  configPath?: string;
  host?: string;
  port?: number;
  databaseUrl?: string;
  /** Single sign-on; default from EQUILENS_OIDC_* in the environment (redirect: this server's callback). */
  oidc?: OidcOptions;
  /** An open store to serve instead (tests). */
  store?: Store;
  onInternalError?: (err: unknown) => void;
}

export interface RunningServer {
  url: string;
  /** `…/setup?token=…` while the workspace has no administrator. */
  setupUrl: string | undefined;
  store: Store;
  close(): Promise<void>;
}

function listen(
  fetch: (r: Request) => Response | Promise<Response>,
  host: string,
  port: number,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, () => resolve(server));
    server.once('error', reject);
  });
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const store =
    opts.store ??
    (await openStore(
      opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dir: join(opts.workspace, 'app') },
    ));
  const setupToken = (await countUsers(store.db)) === 0 ? randomBytes(24).toString('base64url') : undefined;
  await failInterruptedJobs(store.db);
  const project = opts.configPath ? { configPath: opts.configPath, workspace: opts.workspace } : undefined;
  const oidc = opts.oidc ? { ...opts.oidc } : oidcFromEnv(process.env);
  const { app } = createApp({
    store,
    setupToken,
    ...(oidc ? { oidc } : {}),
    onInternalError: opts.onInternalError,
    ...(project ? { project } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  const server = await listen(app.fetch, host, opts.port ?? 8080);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  if (oidc && !oidc.redirectUri) oidc.redirectUri = `${url}auth/oidc/callback`;
  return {
    url,
    setupUrl: setupToken ? `${url}setup?token=${setupToken}` : undefined,
    store,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      if (!opts.store) await store.close();
    },
  };
}
