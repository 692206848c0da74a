import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-standardize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// NCI SEER*Stat tutorial "Calculating age-adjusted rates": 18 age groups, US 2000 standard → 400.3 per 100,000.
const SEER: [string, number, number][] = [
  ['0-4', 116, 693068],
  ['5-9', 67, 736212],
  ['10-14', 71, 770999],
  ['15-19', 87, 651390],
  ['20-24', 177, 639159],
  ['25-29', 290, 676354],
  ['30-34', 657, 736557],
  ['35-39', 1072, 724826],
  ['40-44', 1691, 700200],
  ['45-49', 2428, 617437],
  ['50-54', 2931, 516541],
  ['55-59', 2881, 361170],
  ['60-64', 2817, 259440],
  ['65-69', 2817, 206204],
  ['70-74', 2744, 172087],
  ['75-79', 2634, 142958],
  ['80-84', 1884, 99654],
  ['85+', 1705, 92692],
];
const csv = [
  'group,age_band,events,population',
  ...SEER.map(([b, e, p]) => `seer,${b},${e},${p}`),
  'small,0-4,3,1000',
  'small,5-9,2,1000',
].join('\n');
writeFileSync(join(dir, 'deaths.csv'), csv + '\n');

const run = async (...args: string[]) => {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'standardize', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('equilens standardize', () => {
  it('prints per group value, ci, events and warnings (US 2000, SEER tutorial value)', async () => {
    const { code, out } = await run('deaths.csv', '--standard', 'us2000', '--format', 'json');
    expect(code).toBe(0);
    const [seer, small] = JSON.parse(out);
    expect(seer).toMatchObject({ group: 'seer', method: 'dobson', events: 27069, warnings: [] });
    expect(seer.value.toFixed(1)).toBe('400.3');
    expect(seer.ci.map((c: { level: number }) => c.level)).toEqual([0.95, 0.998]);
    expect(small.events).toBe(5);
    expect(small.warnings.map((w: { code: string }) => w.code)).toEqual([
      'standard_bands_not_covered',
      'few_events',
    ]);
  });

  it('defaults to ESP 2013 and takes a standard from a file; prints CSV and a table', async () => {
    writeFileSync(join(dir, 'std.csv'), 'age_band,population\n0-4,1\n5-9,1\n10+,2\n');
    const own = await run('deaths.csv', '--standard', 'std.csv', '--format', 'csv', '--confidence', '0.95');
    expect(own.code).toBe(0);
    expect(own.out.split('\n')[0]).toBe('group,events,population,value,method,lower_95,upper_95,warnings');
    const table = await run('deaths.csv');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^seer\s+27069\s+8796948\s+[\d.]+\s+dobson/m);
  });

  it('exits 1 naming the file, line and column for bad input', async () => {
    writeFileSync(join(dir, 'bad-band.csv'), 'group,age_band,events,population\nA,0-4,1,10\nA,18-24,1,100\n');
    writeFileSync(join(dir, 'neg.csv'), 'group,age_band,events,population\nA,0-4,-1,10\n');
    writeFileSync(join(dir, 'nocol.csv'), 'group,age,events,population\nA,0-4,1,10\n');
    const band = await run('bad-band.csv');
    expect(band.code).toBe(1);
    expect(band.err).toMatch(/bad-band\.csv:3:age_band: The data age band "18-24" does not line up/);
    expect((await run('neg.csv')).err).toMatch(/neg\.csv:2:events:/);
    expect((await run('nocol.csv')).err).toMatch(/nocol\.csv:1:age_band:/);
    expect((await run('deaths.csv', '--standard', 'who')).err).toMatch(/Unknown standard population "who"/);
  });
});
