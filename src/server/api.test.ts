/** The JSON API: the OpenAPI document covers every /api/v1 route; bearer tokens work without cookies or CSRF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { createUser, openStore, type Store } from '../store/index.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { can } from './permissions.js';
import { Client } from './test-client.js';

let store: Store;
let eq: EquilensApp;
const call = (p: string, i?: RequestInit) => Promise.resolve(eq.app.request(p, i));

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  await createUser(store.db, 'test', {
    username: 'admin',
    displayName: 'Admin',
    role: 'administrator',
    passwordHash: await hashPassword('correct horse battery'),
  });
});
afterAll(() => store.close());

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
};

describe('OpenAPI', () => {
  it('describes every /api/v1 route, marking the public ones security: []', async () => {
    const doc = (await (await call('/api/v1/openapi.json')).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    for (const r of eq.table.filter((x) => x.path.startsWith('/api/v1/'))) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op!.security, `${r.method} ${r.path}`).toEqual(can('public', r.action) ? [] : undefined);
    }
    expect(doc.paths['/api/v1/analyses']!.post!.requestBody).toBeDefined();
  });
});

describe('API tokens', () => {
  it('signs in through the API, makes a token, and uses it as a bearer without cookies or CSRF', async () => {
    const c = new Client(call);
    await c.get('/api/v1/health');
    const login = await c.send('/api/v1/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': decodeURIComponent(c.jar.get('eq_csrf')!),
      },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    const made = await c.send('/api/v1/tokens', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': decodeURIComponent(c.jar.get('eq_csrf')!),
      },
      body: JSON.stringify({ name: 'script' }),
    });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const imported = await call('/api/v1/analyses', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'By script', results: fixtureResults() }),
    });
    expect(imported.status).toBe(201);
    const units = await call('/api/v1/units', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'site', name: 'East' }),
    });
    expect(units.status).toBe(201);
    expect((await call('/api/v1/audit', { headers: { authorization: 'Bearer eqt_wrong' } })).status).toBe(
      401,
    );
    const body = (await (
      await call('/api/v1/units', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { error: { code: string } };
    expect(body.error.code).toBe('csrf');
  });
});
