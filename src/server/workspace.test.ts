/**
 * The workspace end to end in-process: every route × every role against the permission table, import of a
 * results.json, the dashboard (suppressed for non-staff), hostile names rendered inert, audit of mutations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { createInvite, createUser, listAudit, openStore, type Store } from '../store/index.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { can, ROLES, VIEWERS, type Viewer } from './permissions.js';
import { Client } from './test-client.js';

let store: Store;
let eq: EquilensApp;
const PASSWORD = 'correct horse battery';
const clients = new Map<Viewer, Client>();
let analysisId = '';
const newClient = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

async function signIn(role: (typeof ROLES)[number]): Promise<void> {
  const c = newClient();
  expect((await c.post('/login', { username: role, password: PASSWORD })).status).toBe(303);
  clients.set(role, c);
}

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    await createUser(store.db, 'test', { username: role, displayName: role, role, passwordHash: hash });
    await signIn(role);
  }
  clients.set('public', newClient());
  const res = await importAs('analyst', 'Fixture', JSON.stringify(fixtureResults()));
  expect(res.status).toBe(303);
  analysisId = new URL(res.headers.get('location')!, 'http://x').searchParams.get('analysis')!;
});
afterAll(() => store.close());

async function importAs(viewer: Viewer, title: string, text: string): Promise<Response> {
  const c = clients.get(viewer)!;
  if (!c.jar.has('eq_csrf')) await c.get('/healthz');
  const form = new FormData();
  form.set('_csrf', decodeURIComponent(c.jar.get('eq_csrf')!));
  form.set('title', title);
  form.set('results', new File([text], 'results.json', { type: 'application/json' }));
  return c.send('/analyses', { method: 'POST', body: form });
}

describe('every route × every role', () => {
  it('allows, refuses (403) or sends to sign-in exactly as the permission table says', async () => {
    const wrong: string[] = [];
    for (const r of eq.table) {
      const path = r.path.replace(':id', analysisId);
      for (const v of VIEWERS) {
        const c = clients.get(v)!;
        const res = r.method === 'GET' ? await c.get(path) : await c.post(path, {}, { method: r.method });
        const location = res.headers.get('location') ?? '';
        const toLogin = res.status === 303 && location.startsWith('/login');
        const page = r.method === 'GET' && !path.startsWith('/api/');
        const expected = can(v, r.action) ? 'allowed' : v === 'public' ? (page ? 'login' : '401') : '403';
        const got = toLogin ? 'login' : res.status === 401 ? '401' : res.status === 403 ? '403' : 'allowed';
        if (got !== expected)
          wrong.push(`${r.method} ${r.path} as ${v}: expected ${expected}, got ${res.status}`);
        // Signing out ends the session the next request needs.
        if (v !== 'public' && r.action === 'account.self' && r.method !== 'GET') await signIn(v);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('analyses and the dashboard', () => {
  it('names the key of an invalid results.json and the line of broken JSON', async () => {
    const bad = await importAs('analyst', 'Bad', JSON.stringify({ schemaVersion: 1 }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('stamp');
    const broken = await importAs('analyst', 'Broken', '{\n "a": }');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/not valid JSON/);
  });

  it('shows staff every cell and everyone else the suppressed results, in pages and downloads', async () => {
    const staff = (await (await clients.get('analyst')!.get(`/api/v1/analyses/${analysisId}`)).json()) as {
      results: { stamp: { audience: string } };
    };
    expect(staff.results.stamp.audience).toBe('internal');
    const pub = (await (await clients.get('public')!.get(`/api/v1/analyses/${analysisId}`)).json()) as {
      results: { stamp: { audience: string } };
    };
    expect(pub.results.stamp.audience).toBe('public');
    const page = await (await clients.get('public')!.get(`/dashboard?analysis=${analysisId}`)).text();
    expect(page).toContain('<svg');
    expect(page).toContain('Small counts are hidden');
  });

  it('filters by GET parameters and downloads the same slice', async () => {
    const m = fixtureResults().measures[0]!;
    const s = m.strata[0]!.stratifier;
    const c = clients.get('council_member')!;
    const res = await c.get(`/dashboard?analysis=${analysisId}&measure=${m.id}&stratifier=${s}`);
    expect(res.status).toBe(200);
    const csv = await (
      await c.get(`/api/v1/analyses/${analysisId}/groups.csv?measure=${m.id}&stratifier=${s}`)
    ).text();
    const lines = csv.trim().split('\r\n');
    const head = lines[0]!.split(',');
    const at = (k: string) => head.indexOf(k);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[at('measure')] === m.id && [s, ''].includes(r[at('stratifier')]!))).toBe(true);
  });
});

describe('hostile names', () => {
  it('renders a department named <script> as text and keeps =HYPERLINK inert in CSV', async () => {
    const admin = clients.get('administrator')!;
    for (const name of ['<script>alert(1)</script>', '=HYPERLINK("x")'])
      expect((await admin.post('/organisation', { kind: 'department', name })).status).toBe(303);
    const html = await (await admin.get('/organisation')).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    const csv = await (await admin.get('/api/v1/audit.csv')).text();
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('hostile names in the data', () => {
  it('renders a group named <script> as text on the dashboard and neutralises =HYPERLINK in CSV', async () => {
    const r = fixtureResults();
    const s = r.measures[0]!.strata[0]!;
    s.groups[0]!.group = '<script>alert(1)</script>';
    s.groups[1]!.group = '=HYPERLINK("x")';
    const res = await importAs('analyst', 'Hostile', JSON.stringify(r));
    const id = new URL(res.headers.get('location')!, 'http://x').searchParams.get('analysis')!;
    const c = clients.get('analyst')!;
    const page = await (
      await c.get(`/dashboard?analysis=${id}&measure=${r.measures[0]!.id}&stratifier=${s.stratifier}`)
    ).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csv = await (
      await c.get(`/api/v1/analyses/${id}/groups.csv?measure=${r.measures[0]!.id}&stratifier=${s.stratifier}`)
    ).text();
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('audit', () => {
  it('writes an audit record for every mutation', async () => {
    const before = (await listAudit(store.db, 100_000)).length;
    await importAs('administrator', 'Again', JSON.stringify(fixtureResults()));
    await clients.get('administrator')!.post('/organisation', { kind: 'site', name: 'North' });
    const entries = await listAudit(store.db, 2);
    expect((await listAudit(store.db, 100_000)).length).toBe(before + 2);
    expect(entries.map((e) => e.action).sort()).toEqual(['analysis.import', 'unit.create']);
  });
});

describe('invites', () => {
  it('lets a community member join once; a reused or expired link is refused', async () => {
    const made = await clients
      .get('administrator')!
      .post('/people/invites', { role: 'community_member', displayName: 'Rosa' });
    expect(made.status).toBe(201);
    const url = /<code>([^<]+)<\/code>/.exec(await made.text())![1]!;
    const path = new URL(url).pathname;
    const guest = newClient();
    expect((await guest.get(path)).status).toBe(200);
    expect((await guest.post(path)).status).toBe(303);
    expect(await (await guest.get('/')).text()).toContain('Rosa (community member)');
    const again = await newClient().post(path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used');
    const old = await createInvite(store.db, 'test', 'community_member', 'Late', -1000);
    const late = await newClient().get(`/invite/${old}`);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('expired');
  });
});
