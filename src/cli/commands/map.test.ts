import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../../report/__fixtures__/results.js';
import { TRACTS } from '../../report/__fixtures__/tracts.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'map', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The fixture results with a tract stratum: its race groups relabelled as two tracts and a third. */
function withTracts(): void {
  const r = fixtureResults('internal');
  const m = r.measures[0]!;
  const race = m.strata.find((s) => s.stratifier === 'race_ethnicity' && !s.facet)!;
  const ids = ['17031010100', '17031010200', '17031010300'];
  const groups = race.groups.slice(0, 3).map((g, i) => ({ ...g, group: ids[i]! }));
  m.strata.push({ ...race, stratifier: 'tract', groups });
  writeFileSync(join(dir, 'results.json'), JSON.stringify(r));
  writeFileSync(join(dir, 'tracts.geojson'), JSON.stringify(TRACTS));
}

describe('equilens map --level tract', () => {
  withTracts();
  it('draws the tracts that have outlines and lists every tract in the table', async () => {
    const { code, err } = await run(
      ...['--results', 'results.json', '--measure', 'readmit30', '--level', 'tract'],
      ...['--boundaries', 'tracts.geojson', '--out', 'tract-map.html'],
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'tract-map.html'), 'utf8');
    expect(html).toContain('30-day readmission by census tract');
    expect(html.match(/<path d="M/g)).toHaveLength(2);
    expect(html).toContain('<th scope="row">17031010300</th>');
    expect(html).toContain('Census tract (GEOID)');
  });

  it('asks for the outlines when a tract map has none', async () => {
    const { code, err } = await run(
      '--results',
      'results.json',
      '--measure',
      'readmit30',
      '--level',
      'tract',
    );
    expect(code).not.toBe(0);
    expect(err).toMatch(/census tract map needs the areas' outlines/);
    expect(err).toMatch(/--boundaries FILE/);
  });
});
