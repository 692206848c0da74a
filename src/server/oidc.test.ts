/**
 * Single sign-on against a real OpenID provider (`oidc-provider`, its own process on loopback): the
 * authorization code flow with PKCE signs in an existing account linked by verified email, then by subject;
 * an unverified or unknown email, and a forged state, are refused; the role stays the one Equilens gave.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/needs.js';
import {
  createUser,
  findUserByName,
  listAudit,
  openStore,
  setUserEmail,
  type Store,
} from '../store/index.js';
import { oidcFromEnv } from './auth/oidc.js';
import { startServer, type RunningServer } from './serve.js';
import { Client } from './test-client.js';

const ACCOUNTS = {
  'nora-sub': { email: 'Nora@Example.org', email_verified: true },
  'una-sub': { email: 'una@example.org', email_verified: false },
  'stranger-sub': { email: 'stranger@example.org', email_verified: true },
};

let provider: ChildProcess;
let issuer = '';
let server: RunningServer;
let store: Store;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  const redirect = `http://127.0.0.1:${port}/auth/oidc/callback`;
  provider = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/server/auth/__fixtures__/oidc-provider.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        OIDC_CLIENT: JSON.stringify({
          client_id: 'equilens',
          client_secret: 'test-secret',
          redirect_uris: [redirect],
        }),
        OIDC_ACCOUNTS: JSON.stringify(ACCOUNTS),
      },
    },
  );
  issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    provider.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    provider.once('exit', (code) => reject(new Error(`oidc-provider exited ${code}`)));
  });
  store = await openStore();
  for (const [username, role, email] of [
    ['nora', 'council_member', 'nora@example.org'],
    ['una', 'analyst', 'una@example.org'],
  ] as const) {
    const u = await createUser(store.db, 't', { username, displayName: username, role, passwordHash: null });
    await setUserEmail(store.db, 't', u.id, email);
  }
  server = await startServer({
    workspace: '',
    port,
    store,
    oidc: { issuer, clientId: 'equilens', clientSecret: 'test-secret' },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
  if (provider && provider.exitCode === null) {
    const gone = new Promise((r) => provider.once('exit', r));
    provider.kill('SIGTERM');
    await gone;
  }
});

/** Fill and submit the provider's one form (login: any password; consent: continue). */
function formOf(html: string, sub: string): { action: string; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  const body = new URLSearchParams();
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    body.set(m[1]!, m[2]!);
  if (/name="login"/.test(html)) {
    body.set('login', sub);
    body.set('password', 'any');
  }
  return { action, body };
}

/** Drive the browser's part: from /auth/oidc/login to the provider and back; returns the callback response. */
async function signInVia(sub: string, tamper?: (u: URL) => void): Promise<{ eq: Client; res: Response }> {
  const eq = new Client((p, i) => fetch(new URL(p, server.url), i));
  const idp = new Client((p, i) => fetch(new URL(p, issuer), i));
  let res = await eq.get('/auth/oidc/login?next=/dashboard');
  expect(res.status).toBe(303);
  let url = new URL(res.headers.get('location')!);
  for (let i = 0; i < 20; i++) {
    if (url.origin === new URL(server.url).origin) {
      tamper?.(url);
      return { eq, res: await eq.get(url.pathname + url.search) };
    }
    res = await idp.get(url.pathname + url.search);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    const f = formOf(await res.text(), sub);
    res = await idp.send(f.action, {
      method: 'POST',
      body: f.body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    url = new URL(res.headers.get('location')!, url);
  }
  throw new Error('the provider never sent the browser back');
}

describe('single sign-on (OpenID Connect)', () => {
  it('reads its settings from EQUILENS_OIDC_* and names what is missing', () => {
    expect(oidcFromEnv({})).toBeUndefined();
    expect(() => oidcFromEnv({ EQUILENS_OIDC_ISSUER: issuer })).toThrow(
      /EQUILENS_OIDC_CLIENT_ID, EQUILENS_OIDC_CLIENT_SECRET/,
    );
  });

  it('offers single sign-on on the sign-in page', async () => {
    expect(await (await fetch(new URL('/login', server.url))).text()).toContain('/auth/oidc/login');
  });

  it('links an account by verified email (any case), then by subject; the role stays Equilens’s', async () => {
    const { eq, res } = await signInVia('nora-sub');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard');
    expect(await (await eq.get('/')).text()).toContain('Signed in as nora (council member)');
    expect((await eq.get('/api/v1/users')).status).toBe(403);
    const nora = (await findUserByName(store.db, 'nora'))!;
    expect(nora).toMatchObject({ oidc_issuer: issuer, oidc_subject: 'nora-sub', role: 'council_member' });
    expect(
      (await listAudit(store.db)).some((e) => e.action === 'user.link_sign_in' && e.record_id === nora.id),
    ).toBe(true);
    await setUserEmail(store.db, 't', nora.id, null);
    const again = await signInVia('nora-sub');
    expect(again.res.status).toBe(303);
  });

  it('refuses an unverified email, an unknown person and a forged state', async () => {
    const una = await signInVia('una-sub');
    expect(una.res.status).toBe(403);
    expect(await una.res.text()).toContain('no verified email');
    const stranger = await signInVia('stranger-sub');
    expect(stranger.res.status).toBe(403);
    expect(await stranger.res.text()).toContain('No Equilens account');
    expect(stranger.eq.jar.has('eq_session')).toBe(false);
    const forged = await signInVia('nora-sub', (u) => u.searchParams.set('state', 'forged'));
    expect(forged.res.status).toBe(403);
    expect(await forged.res.text()).toContain('did not confirm');
  });
});
