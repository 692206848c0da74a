/**
 * The dashboard's caches (rendered content, downloads, the page shell, entity tags) never give one viewer
 * what is another's: keys carry audience, unit scope, language and the analysis list; the shell carries each
 * visitor's own CSRF token and navigation; a 304 is given only for the very bytes the viewer would get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { fixtureResults } from '../../report/__fixtures__/results.js';
import {
  addMembership,
  createUnit,
  createUser,
  openStore,
  saveAnalysis,
  type Store,
} from '../../store/index.js';
import { createApp, type EquilensApp } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { CSRF_COOKIE } from '../csrf.js';
import type { Role } from '../permissions.js';
import { Client } from '../test-client.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
let id = '';
const users = new Map<string, string>();
const client = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

/** The fixture with its strata repeated for two departments. */
function withFacets(): ResultsFile {
  const r = fixtureResults();
  const facets = [
    { name: 'department', value: 'Cardiology' },
    { name: 'department', value: 'Oncology' },
  ];
  for (const m of r.measures)
    m.strata = [...m.strata, ...facets.flatMap((facet) => m.strata.map((s) => ({ ...s, facet })))];
  return r;
}

async function as(name: string): Promise<Client> {
  const c = client();
  expect((await c.post('/login', { username: name, password: PASSWORD })).status).toBe(303);
  return c;
}

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  const people: [string, Role][] = [
    ['ana', 'analyst'],
    ['cora', 'council_member'],
    ['cleo', 'council_member'],
    ['dee', 'department_champion'],
    ['adam', 'administrator'],
  ];
  for (const [name, role] of people)
    users.set(
      name,
      (await createUser(store.db, 't', { username: name, displayName: name, role, passwordHash: hash })).id,
    );
  await createUnit(store.db, 't', 'department', 'Cardiology');
  await createUnit(store.db, 't', 'department', 'Oncology');
  id = (await saveAnalysis(store.db, 't', 'Faceted', withFacets())).id;
});
afterAll(() => store.close());

const groups = () => `/api/v1/analyses/${id}/groups.json`;
const main = (page: string) => page.slice(page.indexOf('<main'));

describe('dashboard caches', () => {
  it('gives staff and council their own bytes and tags; one’s tag earns the other no 304', async () => {
    const staff = await (await as('ana')).get(groups());
    const council = await as('cora');
    const theirs = await council.get(groups());
    expect(await staff.text()).not.toBe(await theirs.text());
    expect(staff.headers.get('etag')).not.toBe(theirs.headers.get('etag'));
    const borrowed = await council.send(groups(), {
      headers: { 'if-none-match': staff.headers.get('etag')! },
    });
    expect(borrowed.status).toBe(200);
    expect(await borrowed.text()).toBe(await (await council.get(groups())).text());
  });

  it('answers 304 with no body for the bytes the viewer already has, page and download', async () => {
    const c = await as('cora');
    for (const path of [groups(), `/dashboard?analysis=${id}`]) {
      const first = await c.get(path);
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await c.send(path, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('puts each visitor’s own CSRF token and navigation in the shell around shared content', async () => {
    const a = await as('cora');
    const b = await as('cleo');
    const admin = await as('adam');
    const path = `/dashboard?analysis=${id}`;
    const [pa, pb, padmin] = await Promise.all([a, b, admin].map(async (c) => (await c.get(path)).text()));
    const token = (c: Client) => decodeURIComponent(c.jar.get(CSRF_COOKIE)!);
    expect(token(a)).not.toBe(token(b));
    expect(pa).toContain(token(a));
    expect(pa).not.toContain(token(b));
    expect(pb).toContain(token(b));
    expect(padmin).toContain('href="/audit"');
    expect(pa).not.toContain('href="/audit"');
    // Same audience and scope: the same content, in different shells.
    expect(main(pa!).replace(token(a), '')).toBe(main(pb!).replace(token(b), ''));
  });

  it('shows a new import at once and a champion’s new unit at once', async () => {
    const c = await as('dee');
    const before = await (await c.get(`/dashboard?analysis=${id}`)).text();
    expect(main(before)).not.toContain('Cardiology');
    await addMembership(store.db, 't', users.get('dee')!, await unitId('Cardiology'));
    const after = await (await c.get(`/dashboard?analysis=${id}`)).text();
    expect(main(after)).toContain('department: Cardiology');
    expect(main(after)).not.toContain('Oncology');
    const analyst = await as('ana');
    const form = new FormData();
    form.set('_csrf', decodeURIComponent(analyst.jar.get(CSRF_COOKIE)!));
    form.set('title', 'Second import');
    form.set('results', new File([JSON.stringify(fixtureResults())], 'results.json'));
    expect((await analyst.send('/analyses', { method: 'POST', body: form })).status).toBe(303);
    expect(await (await c.get(`/dashboard?analysis=${id}`)).text()).toContain('Second import');
  });

  it('renders the language the visitor chose', async () => {
    const c = await as('cora');
    const en = await (await c.get(`/dashboard?analysis=${id}`)).text();
    c.jar.set('eq_lang', 'es');
    const es = await (await c.get(`/dashboard?analysis=${id}`)).text();
    expect(en).toContain('<html lang="en"');
    expect(es).toContain('<html lang="es"');
    expect(main(es)).not.toBe(main(en));
  });
});

async function unitId(name: string): Promise<string> {
  const row = await store.db
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}
