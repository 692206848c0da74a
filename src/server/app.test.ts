/** The server's contracts: every route has a permission entry, security headers, CSRF, set-up, sessions, rate limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createApp, MAX_BODY, type EquilensApp } from './app.js';
import { Client } from './test-client.js';

let store: Store;
let eq: EquilensApp;
const client = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store, setupToken: 'TOKEN' });
});
afterAll(() => store.close());

describe('routes', () => {
  it('registers no route without a permission entry', () => {
    const declared = new Set(eq.table.map((r) => `${r.method} ${r.path}`));
    const registered = eq.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    expect(registered.filter((r) => !declared.has(r))).toEqual([]);
    expect(new Set(registered)).toEqual(declared);
  });

  it('sends a CSP without inline script, no framing, no sniffing, no referrer', async () => {
    const res = await client().get('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await res.text()).not.toMatch(/<script>[^<]/);
  });

  it('refuses a request body over MAX_BODY (GET and HEAD carry none and skip the check)', async () => {
    const res = await eq.app.request('/api/v1/analyses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY + 1) },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
    expect((await client().get('/healthz')).status).toBe(200);
  });

  it('answers an unknown address with 404 as data', async () => {
    const res = await client().send('/api/v1/nothing', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('set-up, sign-in, sessions', () => {
  it('refuses a state change without the CSRF token', async () => {
    const res = await client().post('/login', { username: 'x', password: 'y' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('security token');
  });

  it('refuses set-up with a wrong token, creates the first administrator once', async () => {
    const c = client();
    expect((await c.get('/setup?token=WRONG')).status).toBe(403);
    expect((await c.get('/setup?token=TOKEN')).status).toBe(200);
    const res = await c.post('/setup', {
      token: 'TOKEN',
      displayName: 'Ada <b>',
      username: 'ada',
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    const home = await (await c.get('/')).text();
    expect(home).toContain('Ada &lt;b&gt;');
    expect(
      (
        await client().post('/setup', {
          token: 'TOKEN',
          displayName: 'Eve',
          username: 'eve',
          password: PASSWORD,
        })
      ).status,
    ).toBe(409);
  });

  it('issues a new session id at login and ends it at logout', async () => {
    const c = client();
    c.jar.set('eq_session', 'planted-before-login');
    expect((await c.post('/login', { username: 'ada', password: PASSWORD })).status).toBe(303);
    const after = c.jar.get('eq_session');
    expect(after).toBeDefined();
    expect(after).not.toBe('planted-before-login');
    const cookie = (await c.post('/login', { username: 'ada', password: PASSWORD })).headers.get(
      'set-cookie',
    )!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await c.post('/logout')).status).toBe(303);
    expect(c.jar.has('eq_session')).toBe(false);
  });

  it('refuses the 11th wrong password in a minute with a message', async () => {
    const c = client();
    for (let i = 0; i < 10; i++)
      expect((await c.post('/login', { username: 'ada', password: `wrong${i}` })).status).toBe(400);
    const res = await c.post('/login', { username: 'ada', password: PASSWORD });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('Too many sign-in attempts');
  });
});
