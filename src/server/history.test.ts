/**
 * History and comparison of analyses (page and API), and the dashboard's period and facet filters through
 * GET parameters (the form works without JavaScript: every choice is a URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { createUser, openStore, saveAnalysis, type Store } from '../store/index.js';
import { createApp, type EquilensApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import type { CompareRow } from './compare.js';
import { periodsOf } from './dashboard-view.js';
import { Client } from './test-client.js';

let store: Store;
let eq: EquilensApp;
let a = '';
let b = '';
const analyst = new Client((p, i) => Promise.resolve(eq.app.request(p, i)));
const publicClient = new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  await createUser(store.db, 't', {
    username: 'ana',
    displayName: 'Ana',
    role: 'analyst',
    passwordHash: await hashPassword('correct horse battery'),
  });
  expect((await analyst.post('/login', { username: 'ana', password: 'correct horse battery' })).status).toBe(
    303,
  );
  a = (await saveAnalysis(store.db, 't', 'Spring', fixtureResults())).id;
  const later = fixtureResults();
  const g = later.measures[0]!.strata[0]!.groups.find((x) => x.label !== 'reference' && x.rate !== null)!;
  for (const k of ['rate', 'lower', 'upper', 'difference', 'differenceLower', 'differenceUpper'] as const)
    g[k] = g[k]! - 0.04;
  b = (await saveAnalysis(store.db, 't', 'Autumn', later)).id;
});
afterAll(() => store.close());

describe('history and compare', () => {
  it('lists every analysis with its provenance and offers to compare two', async () => {
    const page = await (await publicClient.get('/history')).text();
    expect(page).toContain('Spring');
    expect(page).toContain('Autumn');
    expect(page).toContain('action="/compare"');
  });

  it('gives the change in rate and gap per group with intervals, in the API and on the page', async () => {
    const m = fixtureResults().measures[0]!;
    const res = await analyst.get(`/api/v1/compare?a=${a}&b=${b}&measure=${m.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: CompareRow[]; method: string };
    expect(body.method).toMatch(/MOVER/);
    expect(body.rows.every((r) => r.measure === m.id)).toBe(true);
    const moved = body.rows.filter((r) => r.rate.change !== null && Math.abs(r.rate.change) > 1e-9);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.rate.change).toBeCloseTo(-0.04, 9);
    expect(moved[0]!.gap.change).toBeCloseTo(-0.04, 9);
    expect(moved[0]!.rate.lower!).toBeLessThan(-0.04);
    expect(moved[0]!.rate.upper!).toBeGreaterThan(-0.04);
    const page = await (await analyst.get(`/compare?a=${a}&b=${b}&measure=${m.id}`)).text();
    expect(page).toContain('−4.0 pp'.replace('−', '-'));
    expect(page).toContain(moved[0]!.group);
  });

  it('compares what the public may see: small cells stay hidden', async () => {
    const pub = (await (await publicClient.get(`/api/v1/compare?a=${a}&b=${a}`)).json()) as {
      rows: CompareRow[];
    };
    const staff = (await (await analyst.get(`/api/v1/compare?a=${a}&b=${a}`)).json()) as {
      rows: CompareRow[];
    };
    const hidden = pub.rows.filter((r) => r.rate.reason === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    expect(staff.rows.filter((r) => r.rate.reason === 'suppressed').length).toBeLessThan(hidden.length);
  });

  it('asks for two analyses when one is missing', async () => {
    const res = await analyst.get(`/api/v1/compare?a=${a}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/two analyses/);
    expect((await analyst.get(`/api/v1/compare?a=${a}&b=nope`)).status).toBe(404);
  });
});

describe('dashboard filters by GET parameters', () => {
  it('cuts trends to a period range, in the page and the download', async () => {
    const r = fixtureResults();
    const m = r.measures[0]!;
    const periods = periodsOf(r, m.id);
    expect(periods.length).toBeGreaterThan(2);
    const [from, to] = [periods[1]!, periods[periods.length - 2]!];
    const page = await (
      await analyst.get(`/dashboard?analysis=${a}&measure=${m.id}&from=${from}&to=${to}`)
    ).text();
    expect(page).toContain(`<option value="${from}" selected>`);
    const rows = (await (
      await analyst.get(`/api/v1/analyses/${a}/groups.json?measure=${m.id}&from=${from}&to=${to}`)
    ).json()) as { selection: { from: string; to: string }; rows: { period: string | null }[] };
    expect(rows.selection).toMatchObject({ from, to });
    const seen = [...new Set(rows.rows.flatMap((x) => (x.period ? [x.period] : [])))].sort();
    expect(seen).toEqual(periods.slice(1, -1));
  });

  it('takes a facet as facet=kind:name or kind=name', async () => {
    const r = fixtureResults();
    const m = r.measures[0]!;
    m.strata = [...m.strata, ...m.strata.map((s) => ({ ...s, facet: { name: 'site', value: 'Lakeside' } }))];
    const id = (await saveAnalysis(store.db, 't', 'Sites', r)).id;
    for (const q of ['facet=site:Lakeside', 'site=Lakeside']) {
      const body = (await (
        await analyst.get(`/api/v1/analyses/${id}/groups.json?measure=${m.id}&${q}`)
      ).json()) as {
        selection: { facet?: string };
      };
      expect(body.selection.facet, q).toBe('site:Lakeside');
    }
    const page = await (await analyst.get(`/dashboard?analysis=${id}&site=Lakeside`)).text();
    expect(page).toContain('<optgroup label="Site">');
    expect(page).toContain('<option value="site:Lakeside" selected>');
  });
});
