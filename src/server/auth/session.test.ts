/**
 * The session cache (session.ts) never outlives what it caches by more than SESSION_CACHE_MS: sign-out here
 * ends access at once; a session or API token ended in the store (as by another server process), a changed
 * role or a disabled account takes effect within SESSION_CACHE_MS (at once after forgetSessions()); a cached
 * token is never honoured past its own expiry.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureResults } from '../../report/__fixtures__/results.js';
import { createApiToken, createUser, openStore, saveAnalysis, type Store } from '../../store/index.js';
import { createApp, type EquilensApp } from '../app.js';
import { Client } from '../test-client.js';
import { hashPassword } from './passwords.js';
import { forgetSessions, SESSION_CACHE_MS, SESSION_COOKIE } from './session.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
let analysis = '';
const ids = new Map<string, string>();
const client = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  for (const name of ['carol', 'dana', 'erin', 'finn', 'gwen']) {
    const u = await createUser(store.db, 't', {
      username: name,
      displayName: name,
      role: 'council_member',
      passwordHash: hash,
    });
    ids.set(name, u.id);
  }
  analysis = (await saveAnalysis(store.db, 't', 'Fixture', fixtureResults())).id;
});
afterAll(() => store.close());
afterEach(() => vi.restoreAllMocks());

async function signedIn(name: string): Promise<Client> {
  const c = client();
  expect((await c.post('/login', { username: name, password: PASSWORD })).status).toBe(303);
  return c;
}

/** Pretend SESSION_CACHE_MS (and a little) have passed, for the cache's clock only. */
function later(): void {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + SESSION_CACHE_MS + 1);
}

/** 200 while signed in; a signed-out API caller is refused (401). */
const units = async (c: Client | Record<string, string>) =>
  (c instanceof Client ? await c.get('/api/v1/units') : await eq.app.request('/api/v1/units', { headers: c }))
    .status;

/** What the analysis API answers this caller: `internal` (staff), `public` (everyone else). */
const audience = async (c: Client | Record<string, string>) => {
  const res =
    c instanceof Client
      ? await c.get(`/api/v1/analyses/${analysis}`)
      : await eq.app.request(`/api/v1/analyses/${analysis}`, { headers: c });
  if (res.status !== 200) return res.status;
  return ((await res.json()) as { results: { stamp: { audience: string } } }).results.stamp.audience;
};

describe('the session cache', () => {
  it('ends access at once on sign-out, even for a copy of the old cookie', async () => {
    const c = await signedIn('carol');
    const old = c.jar.get(SESSION_COOKIE)!;
    expect((await c.get('/organisation')).status).toBe(200);
    expect((await c.post('/logout')).status).toBe(303);
    const thief = client();
    thief.jar.set(SESSION_COOKIE, old);
    const res = await thief.get('/organisation');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('stops a session ended in the store within SESSION_CACHE_MS', async () => {
    const c = await signedIn('dana');
    expect((await c.get('/organisation')).status).toBe(200);
    await store.db.deleteFrom('sessions').where('user_id', '=', ids.get('dana')!).execute();
    later();
    const res = await c.get('/organisation');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('stops a revoked API token within SESSION_CACHE_MS, and an expired one at once', async () => {
    const { token } = await createApiToken(store.db, 't', ids.get('erin')!, 'script', 60_000);
    const bearer = { authorization: `Bearer ${token}` };
    expect(await units(bearer)).toBe(200);
    await store.db.deleteFrom('api_tokens').where('user_id', '=', ids.get('erin')!).execute();
    later();
    expect(await units(bearer)).toBe(401);
    vi.restoreAllMocks();
    const short = await createApiToken(store.db, 't', ids.get('erin')!, 'brief', 300);
    const auth = { authorization: `Bearer ${short.token}` };
    expect(await units(auth)).toBe(200);
    await new Promise((r) => setTimeout(r, 350)); // past the token's expiry, well within the cache's 3 s
    expect(await units(auth)).toBe(401);
  });

  it('applies a changed role within SESSION_CACHE_MS, and at once after forgetSessions()', async () => {
    const c = await signedIn('finn');
    expect(await audience(c)).toBe('public');
    const setRole = (role: string) =>
      store.db.updateTable('users').set({ role }).where('id', '=', ids.get('finn')!).execute();
    await setRole('analyst');
    later();
    expect(await audience(c)).toBe('internal');
    vi.restoreAllMocks();
    await setRole('council_member');
    forgetSessions();
    expect(await audience(c)).toBe('public');
  });

  it('refuses a disabled account within SESSION_CACHE_MS', async () => {
    const c = await signedIn('gwen');
    expect(await units(c)).toBe(200);
    await store.db.updateTable('users').set({ disabled: true }).where('id', '=', ids.get('gwen')!).execute();
    later();
    expect(await units(c)).toBe(401);
  });
});
