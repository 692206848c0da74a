import { describe, expect, it } from 'vitest';
import { at, marks } from './__fixtures__/marks.js';
import { fixtureEquity, withCounty } from './__fixtures__/equity.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import type { EquityFiles } from './community-files.js';
import { createLocale, type Lang } from './i18n.js';

/** The fixture's community file with the SVI of two counties (as from an SVI source; RPL_THEMES 2020). */
function withSvi(audience: 'internal' | 'public' = 'internal'): EquityFiles {
  const eq = fixtureEquity(audience);
  const community = eq.community;
  if (!community) throw new Error('the fixture has a community file');
  return {
    ...eq,
    community: {
      ...community,
      areas: [
        { area: '17031', name: 'Cook County, Illinois', svi: 0.816 },
        { area: '17043', name: 'DuPage County, Illinois', svi: 0.1023 },
      ],
    },
  };
}

const mapBlock = (html: string): string =>
  /<details class="data equity-map">[\s\S]*?<\/details><\/details>/.exec(html)?.[0] ?? '';

async function report(equity: EquityFiles, lang: Lang = 'en', audience: 'internal' | 'public' = 'internal') {
  const { results } = withCounty(fixtureResults(audience));
  return buildReport(results, { audience, lang, equity });
}

describe('the SVI map beside the measure map in the report', () => {
  it('draws the SVI of the same counties, with its own legend and table, numbers equal to community.json', async () => {
    const eq = withSvi();
    const block = mapBlock(await report(eq));
    expect(block).toContain('with the Social Vulnerability Index beside it');
    expect(block.match(/<svg /g)).toHaveLength(2);
    expect(block).toContain('aria-labelledby="svi-map-title"');
    expect(block).toContain('<title>Cook: 0.82</title>');
    expect(block).toContain('<title>DuPage: 0.10</title>');
    // The measure's other counties are outside the catchment: no SVI here, none invented.
    expect(block).toContain('<title>Kane: no data</title>');
    const svi = marks(block).filter((m) => m.field?.startsWith('community.areas.'));
    expect(svi.map((m) => m.field)).toEqual(['community.areas.0.svi', 'community.areas.1.svi']);
    for (const m of svi) expect(Number(m.value)).toBe(at(eq, m.field ?? ''));
    expect(block).toContain('<th scope="col">SVI percentile</th>');
    // Two maps on one page: each its own ids.
    const ids = [...block.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has no SVI map when community.json has no areas (an ACS-style source)', async () => {
    const block = mapBlock(await report(fixtureEquity()));
    expect(block.match(/<svg /g)).toHaveLength(1);
    expect(block).not.toContain('Social Vulnerability');
  });

  it('without a county breakdown in the results, maps the SVI of the catchment alone', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en', equity: withSvi() });
    const block = mapBlock(html);
    expect(block).toContain('Show the map of the Social Vulnerability Index by county');
    expect(block.match(/<svg /g)).toHaveLength(1);
    expect(block).toContain('<title>DuPage: 0.10</title>');
  });

  it('shows the SVI in a public report too (area data, not patient data)', async () => {
    const block = mapBlock(await report(withSvi('public'), 'en', 'public'));
    expect(block).toContain('data-f="community.areas.0.svi"');
  });

  it('in Spanish: titles, legend keys, area titles and tables from the catalogue, none in English', async () => {
    const block = mapBlock(await report(withSvi(), 'es'));
    const loc = createLocale('es');
    expect(block).toContain(loc.t('eq.map.sviTitle'));
    expect(block).toContain(`>${loc.t('eq.map.suppressedKey')}</text>`);
    expect(block).toContain(`>${loc.t('eq.map.standsOut')}</text>`);
    expect(block).toContain('<title>Cook: 0,82</title>');
    expect(block).toContain('Kane: sin datos');
    for (const english of ['suppressed', 'stands out', 'no data', 'Social Vulnerability', ' by county'])
      expect(block).not.toContain(english);
  });
});
