import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../ingest/aggregate/read-table.js';
import { sharedData } from '../../test/support/needs.js';
import {
  communityReport,
  communityShares,
  longAreas,
  selectCatchment,
  sviAreas,
  type PatientCount,
} from './index.js';

const SVI = sharedData('cdc-svi-2020-county/SVI2020_US_COUNTY.csv.gz');

describe.skipIf(!SVI)('SVI 2020 county file', () => {
  const read = () => {
    const [header, ...rows] = parseCsv(gunzipSync(readFileSync(SVI!)).toString('utf8'), 'svi');
    return sviAreas({ file: 'svi', header: header!.cells, rows });
  };
  let cached: ReturnType<typeof read> | undefined;
  const load = () => (cached ??= read());
  it('community figures for three counties equal a direct count from the file', () => {
    // Direct from the file (E_TOTPOP, E_HISP, E_MINRTY, E_UNINSUR, E_AFAM):
    // 06037 Los Angeles 10040682 4851344 7437402 914046 779166; 06059 Orange 3170345 1071393 1907705 225042 49452;
    // 36061 New York 1629153 418442 865951 75705 199377.
    const table = load();
    const shares = communityShares(table.counts, ['06037', '06059', '36061']);
    const get = (a: string, g: string) => shares.find((s) => s.attribute === a && s.group === g)!;
    const total = 10040682 + 3170345 + 1629153;
    expect(get('race_ethnicity', 'hispanic').estimate).toBe(4851344 + 1071393 + 418442);
    expect(get('race_ethnicity', 'black').estimate).toBe(779166 + 49452 + 199377);
    expect(get('race_ethnicity', 'white').estimate).toBe(total - 7437402 - 1907705 - 865951);
    expect(get('uninsured', 'yes').share).toBeCloseTo((914046 + 225042 + 75705) / total, 12);
    const race = shares.filter((s) => s.attribute === 'race_ethnicity');
    expect(race.reduce((s, r) => s + r.estimate, 0)).toBe(total); // 1997 OMB groups are exhaustive
  });
  it('reads every county and its SVI rank', () => {
    const table = load();
    expect(table.svi.size).toBeGreaterThan(3000);
    expect(table.names.get('06037')).toBe('Los Angeles County, California');
  });
  it("carries each catchment area's SVI overall percentile (RPL_THEMES) into the result", () => {
    // RPL_THEMES from the file: 06037 0.8689, 06059 0.5812, 36061 0.6849.
    const patients = ['06037', '06059', '36061'].map((a) => pc(a, 'hispanic', 10));
    const r = communityReport(patients, load(), { areas: ['06037', '06059', '36061', '99999'] });
    expect(r.areas).toEqual([
      { area: '06037', name: 'Los Angeles County, California', svi: 0.8689 },
      { area: '06059', name: 'Orange County, California', svi: 0.5812 },
      { area: '36061', name: 'New York County, New York', svi: 0.6849 },
      { area: '99999', name: null, svi: null }, // not a county: no SVI, not invented
    ]);
  });
});

const community = longAreas({
  file: 'acs.csv',
  header: ['area', 'attribute', 'group', 'estimate', 'moe'],
  rows: [
    ['A', 'race_ethnicity', 'black', '300', '30'],
    ['A', 'race_ethnicity', 'white', '700', '30'],
    ['B', 'race_ethnicity', 'black', '100', '10'],
    ['B', 'race_ethnicity', 'white', '900', '10'],
  ].map((cells, i) => ({ line: i + 2, cells })),
});

const pc = (area: string, group: string, count: number, facet = '', unit = ''): PatientCount => ({
  facet,
  unit,
  area,
  attribute: 'race_ethnicity',
  group,
  count,
});

describe('community comparison', () => {
  it('selects the areas supplying the share of patients, most patients first', () => {
    const byArea = new Map([
      ['A', 80],
      ['B', 15],
      ['C', 5],
    ]);
    expect(selectCatchment(byArea)).toEqual({ areas: ['A', 'B'], share: 0.95 });
    expect(selectCatchment(byArea, { share: 0.8 })).toEqual({ areas: ['A'], share: 0.8 });
    expect(selectCatchment(byArea, { areas: ['C'] })).toEqual({ areas: ['C'], share: 0.05 });
  });
  it('compares shares with a MOVER interval around the difference (worked)', () => {
    const patients = [pc('A', 'black', 100), pc('A', 'white', 100), pc('B', 'black', 0), pc('B', 'white', 0)];
    const r = communityReport(patients, community, { areas: ['A', 'B'] });
    const black = r.comparison.find((c) => c.group === 'black')!;
    // Patients 100/200 = 0.5; community 400/2000 = 0.2; d = 0.3.
    expect(black.patients_share).toBe(0.5);
    expect(black.community_share).toBeCloseTo(0.2, 12);
    expect(black.difference).toBeCloseTo(0.3, 12);
    // Wilson 100/200 (z=1.95996): lower 0.43135; community se = √(30²+10²)/2000/1.645 = 0.0096115.
    const z = 1.959964;
    const lower = 0.3 - Math.hypot(0.5 - 0.431353, z * (Math.hypot(30, 10) / 2000 / 1.645));
    expect(black.lower).toBeCloseTo(lower, 4);
    const ix = r.inclusivity[0]!;
    expect(ix.index).toBeCloseTo(0.7, 12); // 1 − ½(|0.5−0.2| + |0.5−0.8|)
    expect(ix.lower).toBeLessThan(0.7);
    expect(ix.upper).toBeGreaterThan(0.7);
  });
  it('splits by facet and unit', () => {
    const patients = [
      pc('A', 'black', 10),
      pc('A', 'white', 10),
      pc('A', 'black', 4, 'department', 'ED'),
      pc('A', 'white', 6, 'department', 'ED'),
    ];
    const r = communityReport(patients, community, { areas: ['A'] });
    expect(r.comparison.filter((c) => c.unit === 'ED').map((c) => c.patients_share)).toEqual([0.4, 0.6]);
  });
  it('has no areas field when the community source carries no SVI (an ACS-style table)', () => {
    const r = communityReport([pc('A', 'black', 1)], community, { areas: ['A'] });
    expect('areas' in r).toBe(false);
  });
  it('gives each catchment area its SVI and name from an SVI source, in catchment order', () => {
    const svi = { ...community, svi: new Map([['B', 0.25]]), names: new Map([['B', 'Bee County']]) };
    const r = communityReport([pc('A', 'black', 9), pc('B', 'black', 1)], svi, { share: 1 });
    expect(r.catchment.areas).toEqual(['A', 'B']);
    expect(r.areas).toEqual([
      { area: 'A', name: null, svi: null },
      { area: 'B', name: 'Bee County', svi: 0.25 },
    ]);
  });
});
