/**
 * Equity results through the real app: staff import community.json, payer-mix.json and workforce.json
 * (form with CSRF, and the API), errors name the key, every import is audited; staff see the internal
 * edition and everyone else the public one — pages, CSV/JSON downloads and the API — with unit breakdowns
 * only in the viewer's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import {
  addMembership,
  createUnit,
  createUser,
  listAudit,
  openStore,
  saveAnalysis,
  type Store,
} from '../store/index.js';
import {
  communityFixture,
  payerMixFixture,
  workforceFixture,
  workforcePublicFixture,
} from './__fixtures__/equity.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { ROLES, type Viewer } from './permissions.js';
import { Client } from './test-client.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
const c = new Map<Viewer, Client>();
const ids = { community: '', payer: '', workforce: '', derived: '' };
const newClient = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

interface Doc {
  audience: string;
  document: Record<string, Record<string, unknown>[]>;
}

async function upload(v: Viewer, fields: Record<string, string | object>, csrf = true): Promise<Response> {
  const x = c.get(v)!;
  if (!x.jar.has('eq_csrf')) await x.get('/healthz');
  const form = new FormData();
  if (csrf) form.set('_csrf', decodeURIComponent(x.jar.get('eq_csrf')!));
  for (const [k, val] of Object.entries(fields))
    form.set(k, typeof val === 'string' ? val : new File([JSON.stringify(val)], `${k}.json`));
  return x.send('/equity', { method: 'POST', body: form });
}

async function postJson(v: Viewer, body: unknown): Promise<Response> {
  const x = c.get(v)!;
  return x.send('/api/v1/equity', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': decodeURIComponent(x.jar.get('eq_csrf') ?? ''),
    },
  });
}

const getJson = async <T>(v: Viewer, path: string): Promise<T> => {
  const res = await c.get(v)!.get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  const cardio = await createUnit(store.db, 't', 'department', 'Cardiology');
  for (const role of ROLES) {
    const u = await createUser(store.db, 't', {
      username: role,
      displayName: role,
      role,
      passwordHash: hash,
    });
    if (role === 'department_champion') await addMembership(store.db, 't', u.id, cardio.id);
    const x = newClient();
    expect((await x.post('/login', { username: role, password: PASSWORD })).status).toBe(303);
    c.set(role, x);
  }
  c.set('public', newClient());
  const res = await upload('analyst', {
    kind: 'community',
    title: 'Community 2025',
    internal: communityFixture(),
  });
  expect(res.status).toBe(303);
  ids.community = new URL(res.headers.get('location')!, 'http://x').searchParams.get('id')!;
  expect(res.headers.get('location')).toMatch(/^\/community\?id=/);
  const payer = await postJson('administrator', {
    kind: 'payer_mix',
    title: 'Payer 2025',
    internal: payerMixFixture(),
  });
  expect(payer.status).toBe(201);
  ids.payer = ((await payer.json()) as { result: { id: string } }).result.id;
  const wf = await postJson('analyst', {
    kind: 'workforce',
    title: 'Workforce 2025',
    internal: workforceFixture(),
    public: workforcePublicFixture(),
  });
  expect(wf.status).toBe(201);
  ids.workforce = ((await wf.json()) as { result: { id: string } }).result.id;
  const derived = await postJson('analyst', {
    kind: 'workforce',
    title: 'Derived',
    internal: workforceFixture(),
  });
  ids.derived = ((await derived.json()) as { result: { id: string } }).result.id;
});
afterAll(() => store.close());

describe('import', () => {
  it('audits every import with who did it', async () => {
    const entries = (await listAudit(store.db)).filter((e) => e.action === 'equity.import');
    expect(entries.map((e) => e.record_id).sort()).toEqual(Object.values(ids).sort());
    expect(entries.find((e) => e.record_id === ids.payer)?.actor).toBe('administrator');
  });

  it('refuses an upload without the CSRF token, and refuses everyone but staff', async () => {
    expect(
      (await upload('analyst', { kind: 'community', title: 'x', internal: communityFixture() }, false))
        .status,
    ).toBe(403);
    for (const v of ['council_member', 'department_champion', 'community_member'] as const)
      expect(
        (await postJson(v, { kind: 'community', title: 'x', internal: communityFixture() })).status,
        v,
      ).toBe(403);
    await c.get('public')!.get('/healthz');
    const pr = await postJson('public', { kind: 'community', title: 'x', internal: communityFixture() });
    expect(pr.status).toBe(401);
  });

  it('names the wrong key, the broken JSON, the missing file and a mixed-up edition', async () => {
    const bad = communityFixture() as unknown as { comparison: Record<string, unknown>[] };
    delete bad.comparison[1]!.attribute;
    const r1 = await postJson('analyst', { kind: 'community', title: 'Bad', internal: bad });
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as { error: { message: string } }).error.message).toContain(
      '"comparison.1.attribute"',
    );
    const x = c.get('analyst')!;
    const form = new FormData();
    form.set('_csrf', decodeURIComponent(x.jar.get('eq_csrf')!));
    form.set('kind', 'payer_mix');
    form.set('title', 'Broken');
    form.set('internal', new File(['{\n "system": }'], 'payer-mix.json'));
    const r2 = await x.send('/equity', { method: 'POST', body: form });
    expect(r2.status).toBe(400);
    expect(await r2.text()).toMatch(/payer-mix\.json is not valid JSON/);
    const r3 = await postJson('analyst', { kind: 'payer_mix', title: 'Nothing' });
    expect(((await r3.json()) as { error: { details: { path: string } } }).error.details.path).toBe(
      'internal',
    );
    const r4 = await postJson('analyst', {
      kind: 'workforce',
      title: 'Mixed',
      internal: workforcePublicFixture(),
    });
    expect(r4.status).toBe(400);
    const r5 = await postJson('analyst', { kind: 'census', title: 'x', internal: {} });
    expect(((await r5.json()) as { error: { message: string } }).error.message).toContain('"kind"');
    const r6 = await postJson('analyst', {
      kind: 'community',
      title: 'x',
      internal: communityFixture(),
      threshold: 5,
    });
    expect(((await r6.json()) as { error: { message: string } }).error.message).toContain('"threshold"');
  });
  it('refuses a public file that shows a small count (the public guard of the report)', async () => {
    const tampered = workforcePublicFixture();
    const row = tampered.representation.find((r) => 'suppressed' in r && r.suppressed)!;
    Object.assign(row, { employees: 5, share: 0.01, suppressed: false });
    const res = await postJson('analyst', {
      kind: 'workforce',
      title: 'Tampered',
      internal: workforceFixture(),
      public: tampered,
    });
    const body = (await res.json()) as { error: { code: string; details: { path: string } } };
    expect(body.error.code).toBe('small_cell');
    expect(body.error.details.path).toMatch(/^workforce\.representation\.\d+\.employees$/);
  });
});

describe('who sees what', () => {
  const clinic = (rows: Record<string, unknown>[], group: string) =>
    rows.find((r) => r.unit === 'Clinic' && r.attribute === 'race_ethnicity' && r.group === group);

  it('staff see every count; the council sees the public edition with small counts withheld', async () => {
    const staff = await getJson<Doc>('analyst', `/api/v1/equity/${ids.community}`);
    expect(staff.audience).toBe('internal');
    // Clinic: 3 Black patients in each of the two areas = 6, under the threshold of 11.
    expect(clinic(staff.document.comparison!, 'Black')?.patients).toBe(6);
    const council = await getJson<Doc>('council_member', `/api/v1/equity/${ids.community}`);
    expect(council.audience).toBe('public');
    expect(clinic(council.document.comparison!, 'Black')).toMatchObject({ patients: null, suppressed: true });
    // Complementary: the next smallest of the Clinic's groups (Hispanic, 14) goes too.
    expect(clinic(council.document.comparison!, 'Hispanic')).toMatchObject({
      patients: null,
      suppressed: true,
    });
    const shown = council.document.comparison!.filter((r) => r.patients !== null);
    expect(shown.every((r) => (r.patients as number) === 0 || (r.patients as number) >= 11)).toBe(true);
  });

  it('downloads give the same edition: CSV and JSON', async () => {
    const csv = await (
      await c.get('council_member')!.get(`/api/v1/equity/${ids.community}/table.csv?table=comparison`)
    ).text();
    const lines = csv.trim().split('\r\n');
    const head = lines[0]!.split(',');
    const row = lines
      .map((l) => l.split(','))
      .find((r) => r[head.indexOf('unit')] === 'Clinic' && r[head.indexOf('group')] === 'Black')!;
    expect(row[head.indexOf('patients')]).toBe('');
    expect(row[head.indexOf('suppressed')]).toBe('true');
    const staffCsv = await (
      await c.get('analyst')!.get(`/api/v1/equity/${ids.community}/table.csv?table=comparison`)
    ).text();
    expect(staffCsv).toContain('department,Clinic,race_ethnicity,Black,6,');
    const json = await getJson<{ audience: string; rows: Record<string, unknown>[] }>(
      'council_member',
      `/api/v1/equity/${ids.payer}/table.json?table=units`,
    );
    expect(json.audience).toBe('public');
    expect(json.rows.find((r) => r.unit === 'Clinic')).toMatchObject({
      count: null,
      share: null,
      suppressed: true,
    });
    const wrong = await c.get('analyst')!.get(`/api/v1/equity/${ids.payer}/table.csv?table=pay_gap`);
    expect(wrong.status).toBe(400);
  });

  it('the public and community members see the whole system only; a champion only their unit', async () => {
    for (const v of ['public', 'community_member'] as const) {
      const d = await getJson<Doc>(v, `/api/v1/equity/${ids.payer}`);
      expect(d.document.units, v).toEqual([]);
      const com = await getJson<Doc>(v, `/api/v1/equity/${ids.community}`);
      expect(
        com.document.comparison!.every((r) => !r.facet),
        v,
      ).toBe(true);
    }
    const champ = await getJson<Doc>('department_champion', `/api/v1/equity/${ids.payer}`);
    expect(champ.document.units!.map((u) => u.unit)).toEqual(['Cardiology']);
    const page = await (await c.get('department_champion')!.get('/payer-mix')).text();
    expect(page).not.toContain('Emergency');
  });

  it('workforce: everyone but staff gets workforce.public.json; a derived one equals it', async () => {
    const pub = await getJson<Doc>('council_member', `/api/v1/equity/${ids.workforce}`);
    expect(pub.audience).toBe('public');
    // workforce.public.json as the workforce rule wrote it (small event counts already withheld there, in
    // groups that are shown), served as it is: the report's view finds nothing more to withhold.
    const file = workforcePublicFixture();
    expect(pub.document.representation).toEqual(JSON.parse(JSON.stringify(file.representation)));
    expect(pub.document.rates).toEqual(JSON.parse(JSON.stringify(file.rates)));
    expect(file.rates.some((r) => r.events === null && r.employees !== null)).toBe(true);
    const events = pub.document.rates!.map((r) => r.events as number | null);
    expect(events.every((n) => n === null || n === 0 || n >= 20)).toBe(true);
    const rows = pub.document.representation!.filter((r) => r.employees !== null);
    expect(rows.every((r) => (r.employees as number) === 0 || (r.employees as number) >= 20)).toBe(true);
    expect(pub.document.representation!.some((r) => r.suppressed)).toBe(true);
    const derived = await getJson<Doc>('council_member', `/api/v1/equity/${ids.derived}`);
    expect(derived.document).toEqual(pub.document);
    const staff = await getJson<Doc>('analyst', `/api/v1/equity/${ids.workforce}`);
    expect(staff.audience).toBe('internal');
  });
});

describe('pages', () => {
  it('render every chart with its table and downloads, and say which edition', async () => {
    for (const [path, id, table] of [
      ['/community', ids.community, 'comparison'],
      ['/payer-mix', ids.payer, 'units'],
      ['/workforce', ids.workforce, 'pay_gap'],
    ] as const) {
      const res = await c.get('council_member')!.get(`${path}?id=${id}`);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).toContain('<svg');
      expect(text, path).toContain('<table');
      expect(text, path).toContain(`/api/v1/equity/${id}/table.csv?table=${table}`);
      expect(text, path).toContain('Public edition');
    }
    const staff = await (await c.get('analyst')!.get(`/payer-mix?id=${ids.payer}`)).text();
    expect(staff).toContain('Internal edition');
    expect(staff).toContain('Cardiology (lower than expected)');
  });

  it('filters by GET parameters (no script needed)', async () => {
    const text = await (
      await c.get('analyst')!.get(`/community?id=${ids.community}&unit=department:Emergency&attribute=payer`)
    ).text();
    expect(text).toContain('payer: patients against community, department: Emergency');
    const wf = await (await c.get('analyst')!.get(`/workforce?id=${ids.workforce}&attribute=sex`)).text();
    expect(wf).toContain('Pay gap: sex');
  });

  it('speaks Spanish from the catalogue', async () => {
    const x = c.get('council_member')!;
    x.jar.set('eq_lang', 'es');
    const text = await (await x.get(`/payer-mix?id=${ids.payer}`)).text();
    x.jar.delete('eq_lang');
    expect(text).toContain('Combinación de pagadores');
    expect(text).toContain('Edición pública');
  });

  it('shows the import form to staff only', async () => {
    expect((await c.get('analyst')!.get('/equity')).status).toBe(200);
    expect((await c.get('council_member')!.get('/equity')).status).toBe(403);
    const nav = await (await c.get('analyst')!.get('/')).text();
    expect(nav).toContain('href="/equity"');
    expect(await (await c.get('public')!.get('/')).text()).not.toContain('href="/equity"');
  });

  it('documents the API in OpenAPI', async () => {
    const doc = await getJson<{ paths: Record<string, unknown> }>('public', '/api/v1/openapi.json');
    for (const p of ['/api/v1/equity', '/api/v1/equity/{id}', '/api/v1/equity/{id}/table.csv'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('county map', () => {
  it("draws a measure's rate by county with its table, suppressed for everyone but staff", async () => {
    const results = fixtureResults();
    const m = results.measures[0]!;
    const race = m.strata.find((x) => x.stratifier === 'race_ethnicity' && !x.facet)!;
    const fips = ['06001', '06013', '06075', '06081', '06085', '06087', '06097', '06041'];
    m.strata.push({
      ...race,
      stratifier: 'county',
      groups: race.groups.map((g, i) => ({ ...g, group: fips[i % fips.length]! })),
    });
    const a = await saveAnalysis(store.db, 't', 'With counties', results);
    const staff = await (await c.get('analyst')!.get(`/map?analysis=${a.id}&measure=${m.id}`)).text();
    expect(staff).toContain(`${m.title} by county`);
    expect(staff).toMatch(/<svg[^>]*role="img"/);
    expect(staff).toContain('06001');
    expect(staff).toContain(`/api/v1/analyses/${a.id}/groups.csv?measure=${m.id}&amp;stratifier=county`);
    const pub = await c.get('public')!.get(`/map?analysis=${a.id}`);
    expect(pub.status).toBe(200);
    expect(await pub.text()).toContain('Small counts are hidden');
    const plain = await saveAnalysis(store.db, 't', 'No counties', fixtureResults());
    const none = await (await c.get('analyst')!.get(`/map?analysis=${plain.id}`)).text();
    expect(none).toContain('no county breakdown');
  });
});
