/**
 * The dashboard's /map page with the SVI beside the measure: from the newest imported community result
 * carrying the areas' SVI, the same counties, its own table and CSV/JSON download, for staff and public
 * alike (area data, not patient data), and in Spanish from the catalogue (legend and titles too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../../report/__fixtures__/results.js';
import { createUser, openStore, saveAnalysis, type Store } from '../../store/index.js';
import { communityFixture } from '../__fixtures__/equity.js';
import { createApp, type EquilensApp } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import { Client } from '../test-client.js';

const PASSWORD = 'correct horse battery';
let store: Store;
let eq: EquilensApp;
let analyst: Client;
let analysisId = '';
let communityId = '';
const FIPS = ['06001', '06013', '06075'];
// As `equilens community --svi` writes them: 06001 and 06013 are the fixture's catchment (RPL_THEMES 2020).
const AREAS = [
  { area: '06001', name: 'Alameda County, California', svi: 0.5966 },
  { area: '06013', name: 'Contra Costa County, California', svi: 0.3835 },
];
const newClient = () => new Client((p, i) => Promise.resolve(eq.app.request(p, i)));

async function importCommunity(doc: unknown, title: string): Promise<string> {
  if (!analyst.jar.has('eq_csrf')) await analyst.get('/healthz');
  const res = await analyst.send('/api/v1/equity', {
    method: 'POST',
    body: JSON.stringify({ kind: 'community', title, internal: doc }),
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': decodeURIComponent(analyst.jar.get('eq_csrf') ?? ''),
    },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { result: { id: string } }).result.id;
}

beforeAll(async () => {
  store = await openStore();
  eq = createApp({ store });
  await createUser(store.db, 't', {
    username: 'analyst',
    displayName: 'analyst',
    role: 'analyst',
    passwordHash: await hashPassword(PASSWORD),
  });
  analyst = newClient();
  expect((await analyst.post('/login', { username: 'analyst', password: PASSWORD })).status).toBe(303);
  const results = fixtureResults();
  const m = results.measures[0];
  const race = m?.strata.find((x) => x.stratifier === 'race_ethnicity' && !x.facet);
  if (!m || !race) throw new Error('the fixture has a race stratum');
  const groups = race.groups.slice(0, FIPS.length).map((g, i) => ({ ...g, group: FIPS[i] ?? '' }));
  m.strata.push({ ...race, stratifier: 'county', groups });
  analysisId = (await saveAnalysis(store.db, 't', 'With counties', results)).id;
  communityId = await importCommunity({ ...communityFixture(), areas: AREAS }, 'Community with SVI');
});
afterAll(() => store.close());

const svg = (html: string, id: string): string =>
  new RegExp(`<svg[^>]*aria-labelledby="${id}"[\\s\\S]*?</svg>`).exec(html)?.[0] ?? '';

describe('/map with the SVI beside the measure', () => {
  it('staff: the SVI of the same counties from the newest community result, its table and download', async () => {
    const text = await (await analyst.get(`/map?analysis=${analysisId}`)).text();
    const map = svg(text, 'svi-map-title');
    expect(map).toContain('Social Vulnerability Index (overall percentile) by county');
    expect(map).toContain('<title>Alameda: 0.60</title>');
    expect(map).toContain('<title>Contra Costa: 0.38</title>');
    expect(map).toContain('<title>San Francisco: no data</title>'); // outside the catchment
    expect(text).toContain('Community with SVI');
    expect(text).toContain('<th scope="col">SVI percentile</th>');
    expect(text).toContain(`/api/v1/equity/${communityId}/table.csv?table=areas`);
    const csv = await (await analyst.get(`/api/v1/equity/${communityId}/table.csv?table=areas`)).text();
    expect(csv).toBe(
      'area,name,svi\r\n06001,"Alameda County, California",0.5966\r\n06013,"Contra Costa County, California",0.3835\r\n',
    );
  });

  it('public: the SVI is area data, in the public edition too', async () => {
    const pub = newClient();
    const text = await (await pub.get(`/map?analysis=${analysisId}`)).text();
    expect(svg(text, 'svi-map-title')).toContain('<title>Alameda: 0.60</title>');
    const json = (await (await pub.get(`/api/v1/equity/${communityId}/table.json?table=areas`)).json()) as {
      audience: string;
      rows: unknown[];
    };
    expect(json.audience).toBe('public');
    expect(json.rows).toEqual(AREAS);
  });

  it('in Spanish: titles, legend and area titles from the catalogue, none in English', async () => {
    analyst.jar.set('eq_lang', 'es');
    const text = await (await analyst.get(`/map?analysis=${analysisId}`)).text();
    analyst.jar.delete('eq_lang');
    const measure = svg(text, 'map-title');
    const svi = svg(text, 'svi-map-title');
    expect(measure).toContain('por condado');
    expect(measure).toContain('>suprimido</text>');
    expect(measure).toContain('>destaca</text>');
    expect(svi).toContain('Índice de Vulnerabilidad Social');
    expect(svi).toContain('<title>Alameda: 0,60</title>');
    expect(svi).toContain('San Francisco: sin datos');
    for (const english of ['suppressed', 'stands out', 'no data', 'Social Vulnerability', 'by county'])
      expect(measure + svi).not.toContain(english);
  });
});
