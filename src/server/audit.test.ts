/**
 * Every mutating route writes an audit record. The test iterates the route table: a state-changing route
 * must either have a request here (and then the audit log must grow) or be listed as changing no record.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { payerMixFixture, workforceFixture } from './__fixtures__/equity.js';
import {
  createAlgorithm,
  createInvite,
  listAudit,
  listUnits,
  openStore,
  type Store,
} from '../store/index.js';
import { createApp, type EquilensApp } from './app.js';
import { Client } from './test-client.js';

/** Sign-in, sign-out and the language switch change no record (sessions are not records). */
const NOT_A_RECORD = new Set([
  'POST /language',
  'POST /login',
  'POST /logout',
  'POST /api/v1/session',
  'DELETE /api/v1/session',
]);

let store: Store;
let eq: EquilensApp;
const tool = () =>
  createAlgorithm(store.db, 'test', {
    name: 'T',
    vendor: '',
    purpose: '',
    decisions: '',
    inputs: [],
    protected_inputs: [],
    owner: '',
    unit_id: null,
    last_audit_on: null,
    last_audit_result: '',
    mitigation: '',
  });
const admin = new Client((p, i) => Promise.resolve(eq.app.request(p, i)));
const json = (v: unknown) => JSON.stringify(v);

type Request = () => Promise<{ path?: string; body: string; type: 'json' | 'form' }>;
const REQUESTS: Record<string, Request> = {
  'POST /setup': async () => ({
    body: 'token=T&displayName=Ada&username=ada&password=correct+horse+battery',
    type: 'form',
  }),
  'POST /analyses': async () => ({ body: json({ title: 'A', results: fixtureResults() }), type: 'json' }),
  'POST /api/v1/analyses': async () => ({
    body: json({ title: 'B', results: fixtureResults() }),
    type: 'json',
  }),
  'POST /organisation': async () => ({ body: 'kind=site&name=North', type: 'form' }),
  'POST /api/v1/units': async () => ({ body: json({ kind: 'site', name: 'South' }), type: 'json' }),
  'POST /api/v1/tokens': async () => ({ body: json({ name: 'script' }), type: 'json' }),
  'POST /people/invites': async () => ({ body: 'role=community_member&displayName=Rosa', type: 'form' }),
  'POST /api/v1/invites': async () => ({ body: json({ role: 'analyst', displayName: 'Ana' }), type: 'json' }),
  'POST /invite/:token': async () => ({
    path: `/invite/${await createInvite(store.db, 'test', 'community_member', 'Guest', 60_000)}`,
    body: '',
    type: 'form',
  }),
  'POST /people/memberships': async () => ({
    body: `username=ada&unit=${(await listUnits(store.db))[0]!.id}`,
    type: 'form',
  }),
  'POST /api/v1/memberships': async () => ({
    body: json({ username: 'ada', unit: (await listUnits(store.db))[1]!.id }),
    type: 'json',
  }),
  'POST /people/email': async () => ({ body: 'username=ada&email=ada%40example.org', type: 'form' }),
  'POST /api/v1/users/email': async () => ({
    body: json({ username: 'ada', email: 'ada@example.com' }),
    type: 'json',
  }),
  'POST /inventory': async () => ({ body: 'name=Sepsis+alert&inputs=age', type: 'form' }),
  'POST /api/v1/algorithms': async () => ({
    body: json({ name: 'Risk score', inputs: ['race'] }),
    type: 'json',
  }),
  'POST /inventory/:id': async () => ({
    path: `/inventory/${(await tool()).id}`,
    body: 'name=Renamed',
    type: 'form',
  }),
  'POST /api/v1/algorithms/:id': async () => ({
    path: `/api/v1/algorithms/${(await tool()).id}`,
    body: json({ name: 'Renamed' }),
    type: 'json',
  }),
  'POST /inventory/:id/audits': async () => ({
    path: `/inventory/${(await tool()).id}/audits`,
    body: json({ title: 'A', results: { groups: [], calibration: [] } }),
    type: 'json',
  }),
  'POST /api/v1/algorithms/:id/audits': async () => ({
    path: `/api/v1/algorithms/${(await tool()).id}/audits`,
    body: json({ title: 'B', results: { groups: [], calibration: [] } }),
    type: 'json',
  }),
  'POST /jobs': async () => ({ body: 'title=Run', type: 'form' }),
  'POST /api/v1/jobs': async () => ({ body: json({ title: 'Run' }), type: 'json' }),
  'POST /equity': async () => ({
    body: json({ kind: 'payer_mix', title: 'P', internal: payerMixFixture() }),
    type: 'json',
  }),
  'POST /api/v1/equity': async () => ({
    body: json({ kind: 'workforce', title: 'W', internal: workforceFixture() }),
    type: 'json',
  }),
};

beforeAll(async () => {
  store = await openStore();
  eq = createApp({
    store,
    setupToken: 'T',
    project: { configPath: join(tmpdir(), 'missing-eq.yaml'), workspace: join(tmpdir(), 'eq-ws') },
  });
});
afterAll(() => store.close());

describe('audit of every mutation', () => {
  it('covers every state-changing route', () => {
    const mutating = eq.table.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(mutating.filter((k) => !NOT_A_RECORD.has(k) && !REQUESTS[k])).toEqual([]);
  });

  it('writes at least one audit record for each', async () => {
    await admin.get('/healthz');
    const keys = Object.keys(REQUESTS);
    const silent: string[] = [];
    for (const key of keys) {
      const [method, route] = key.split(' ') as [string, string];
      const req = await REQUESTS[key]!();
      const before = (await listAudit(store.db, 100_000)).length;
      const csrf = decodeURIComponent(admin.jar.get('eq_csrf')!);
      const body = req.type === 'form' ? `${req.body}&_csrf=${encodeURIComponent(csrf)}` : req.body;
      const res = await admin.send(req.path ?? route, {
        method,
        body,
        headers: {
          'content-type': req.type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
          'x-csrf-token': csrf,
        },
      });
      expect(res.status, `${key}: ${await res.clone().text()}`).toBeLessThan(400);
      if (key === 'POST /invite/:token')
        await admin.post('/login', { username: 'ada', password: 'correct horse battery' });
      if ((await listAudit(store.db, 100_000)).length <= before) silent.push(key);
    }
    expect(silent).toEqual([]);
  });
});
