import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-rates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'counts.csv'),
  'race,sex,numerator,denominator\nBlack,F,81,263\nWhite,F,15,148\nAsian,F,0,20\nOther,F,0,0\n',
);

const run = async (...args: string[]) => {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'rates', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('equilens rates', () => {
  it('prints the JSON contract: one object per row with value, method, ci and the grouping columns', async () => {
    const { code, out } = await run('counts.csv', '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(out);
    expect(rows).toHaveLength(4);
    // Wilson 81/263: 0.2553 to 0.3662 (Newcombe 1998 Stat Med 17:857, Table II, method 3).
    expect(rows[0]).toMatchObject({
      race: 'Black',
      sex: 'F',
      method: 'wilson',
      value: expect.closeTo(0.30798, 5),
    });
    expect(rows[0].ci).toEqual([
      { level: 0.95, lower: expect.closeTo(0.2553, 4), upper: expect.closeTo(0.3662, 4) },
      { level: 0.998, lower: expect.any(Number), upper: expect.any(Number) },
    ]);
    expect(rows[3]).toMatchObject({ value: null, ci: [], warnings: [{ code: 'zero_denominator' }] });
  });

  it('computes rates with a multiplier and chosen levels, as CSV and as a table', async () => {
    const csv = await run(
      'counts.csv',
      '--type',
      'rate',
      '--multiplier',
      '1000',
      '--confidence',
      '95',
      '--format',
      'csv',
    );
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('race,sex,numerator,denominator,value,method,lower_95,upper_95,warnings');
    expect(lines[1]).toMatch(/^Black,F,81,263,307\.98\d*,byar,/);
    // 0 events in 20: exact upper limit 3.688879/20 × 1000 = 184.444 (Garwood 1936).
    expect(lines[3]).toMatch(/^Asian,F,0,20,0,exact-poisson,0,184\.44/);
    const table = await run('counts.csv');
    expect(table.out).toMatch(/Black\s+F\s+81\s+263\s+0\.308\s+wilson\s+0\.2553\s+0\.3662/);
  });

  it('exits 1 naming the file, line and column for bad input', async () => {
    const bad = (name: string, text: string) => writeFileSync(join(dir, name), text);
    bad('big.csv', 'numerator,denominator\n1,2\n5,3\n');
    bad('neg.csv', 'numerator,denominator\n-1,2\n');
    bad('text.csv', 'numerator,denominator\n1,many\n');
    bad('nocol.csv', 'numerator,total\n1,2\n');
    const big = await run('big.csv');
    expect(big.code).toBe(1);
    expect(big.err).toMatch(/big\.csv:3:numerator: The numerator is larger than the denominator/);
    expect((await run('neg.csv')).err).toMatch(/neg\.csv:2:numerator: .*at least 0/);
    expect((await run('text.csv')).err).toMatch(/text\.csv:2:denominator: .*not a number/);
    expect((await run('nocol.csv')).err).toMatch(
      /nocol\.csv:1:denominator: The file has no column "denominator"/,
    );
    expect((await run('absent.csv')).code).toBe(1);
    expect((await run('counts.csv', '--confidence', '2')).code).toBe(1);
    // A rate may have more events than people (repeat events), so this is not an error for --type rate.
    expect((await run('big.csv', '--type', 'rate')).code).toBe(0);
  });
});
