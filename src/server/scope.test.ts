/**
 * Department champions see and act only on their units: an analysis's unit breakdowns (facet strata and
 * findings) are cut to the champion's memberships in the page, the downloads and the API; council members
 * and staff see every unit; community members and the public see organisation-wide results only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../model/results.js';
import { fixtureResults } from '../report/__fixtures__/results.js';
import {
  addMembership,
  createUnit,
  createUser,
  openStore,
  saveAnalysis,
  type Store,
} from '../store/index.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { ROLES, type Viewer } from './permissions.js';
import { scopeResults } from './scope.js';
import { Client } from './test-client.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
let id = '';
const clients = new Map<Viewer, Client>();

/** The fixture with each stratum repeated for two departments and a site. */
function withFacets(): ResultsFile {
  const r = fixtureResults();
  const facets = [
    { name: 'department', value: 'Cardiology' },
    { name: 'department', value: 'Oncology' },
    { name: 'site', value: 'Lakeside' },
  ];
  for (const m of r.measures)
    m.strata = [...m.strata, ...facets.flatMap((facet) => m.strata.map((s) => ({ ...s, facet })))];
  r.findings = [...r.findings, ...facets.map((facet) => ({ ...r.findings[0]!, facet }))];
  return r;
}

const facetsOf = (r: ResultsFile) =>
  [
    ...new Set(
      r.measures.flatMap((m) =>
        m.strata.flatMap((s) => (s.facet ? [`${s.facet.name}:${s.facet.value}`] : [])),
      ),
    ),
  ].sort();

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  const hash = await hashPassword(PASSWORD);
  const users = new Map<string, string>();
  for (const role of ROLES)
    users.set(
      role,
      (await createUser(store.db, 't', { username: role, displayName: role, role, passwordHash: hash })).id,
    );
  const cardio = await createUnit(store.db, 't', 'department', 'Cardiology');
  await createUnit(store.db, 't', 'department', 'Oncology');
  await createUnit(store.db, 't', 'site', 'Lakeside');
  await addMembership(store.db, 't', users.get('department_champion')!, cardio.id);
  id = (await saveAnalysis(store.db, 't', 'Faceted', withFacets())).id;
  for (const role of ROLES) {
    const c = new Client((p, i) => Promise.resolve(eq.app.request(p, i)));
    expect((await c.post('/login', { username: role, password: PASSWORD })).status).toBe(303);
    clients.set(role, c);
  }
  clients.set('public', new Client((p, i) => Promise.resolve(eq.app.request(p, i))));
});
afterAll(() => store.close());

const api = async (v: Viewer, path: string) =>
  (await (await clients.get(v)!.get(path)).json()) as Record<string, unknown>;

describe('unit scope', () => {
  it('cuts the API analysis to the viewer’s units', async () => {
    const all = ['department:Cardiology', 'department:Oncology', 'site:Lakeside'];
    const expected: Record<Viewer, string[]> = {
      administrator: all,
      analyst: all,
      council_member: all,
      department_champion: ['department:Cardiology'],
      community_member: [],
      public: [],
    };
    for (const [v, want] of Object.entries(expected) as [Viewer, string[]][]) {
      const body = (await api(v, `/api/v1/analyses/${id}`)) as { results: ResultsFile };
      expect(facetsOf(body.results), v).toEqual(want);
      const findings = body.results.findings.flatMap((f) =>
        f.facet ? [`${f.facet.name}:${f.facet.value}`] : [],
      );
      expect(
        findings.filter((f) => !want.includes(f)),
        v,
      ).toEqual([]);
    }
  });

  it('offers a champion only their unit on the dashboard and ignores another unit asked for by URL', async () => {
    const c = clients.get('department_champion')!;
    const page = await (await c.get(`/dashboard?analysis=${id}`)).text();
    expect(page).toContain('department: Cardiology');
    expect(page).not.toContain('Oncology');
    expect(page).not.toContain('Lakeside');
    const other = await (await c.get(`/dashboard?analysis=${id}&facet=department:Oncology`)).text();
    // The page echoes its own URL only in the language switch's return address; the content never names it.
    expect(other.slice(other.indexOf('<main'))).not.toContain('Oncology');
    const rows = (await api(
      'department_champion',
      `/api/v1/analyses/${id}/groups.json?facet=department:Oncology`,
    )) as {
      selection: { facet?: string };
    };
    expect(rows.selection.facet).toBeUndefined();
    const own = (await api(
      'department_champion',
      `/api/v1/analyses/${id}/groups.json?facet=department:Cardiology`,
    )) as {
      selection: { facet?: string };
      rows: unknown[];
    };
    expect(own.selection.facet).toBe('department:Cardiology');
    expect(own.rows.length).toBeGreaterThan(0);
  });

  it('lists a champion only their units; a council member all of them', async () => {
    const names = async (v: Viewer) =>
      ((await api(v, '/api/v1/units')) as { units: { name: string }[] }).units.map((u) => u.name).sort();
    expect(await names('department_champion')).toEqual(['Cardiology']);
    expect(await names('council_member')).toEqual(['Cardiology', 'Lakeside', 'Oncology']);
  });

  it('leaves organisation-wide strata whatever the scope', () => {
    const r = withFacets();
    const none = scopeResults(r, { all: false, units: new Set() });
    expect(none.measures.map((m) => m.strata.length)).toEqual(
      fixtureResults().measures.map((m) => m.strata.length),
    );
    expect(scopeResults(r, { all: true })).toBe(r);
  });
});
