import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-egfr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'egfr', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('equilens egfr', () => {
  writeFileSync(
    join(dir, 'labs.csv'),
    'age_years,sex,creatinine_mg_dl,cystatin_c_mg_l,race\n50,female,1.0,,Black\n60,male,3.5,1.4,Black\n',
  );

  it('prints {"rows": [...]} with every equation and its KDIGO category', async () => {
    const { code, out } = await run('labs.csv', '--format', 'json');
    expect(code).toBe(0);
    const { rows } = JSON.parse(out);
    expect(rows).toHaveLength(2);
    expect(rows[0].ckd_epi_2021_cr).toBeCloseTo(142 * (1 / 0.7) ** -1.2 * 0.9938 ** 50 * 1.012, 8);
    expect(rows[0].ckd_epi_2012_cys).toBeNull();
    expect(rows[0].kdigo_g_ckd_epi_2021_cr).toBe('G2');
    expect(rows[1].kdigo_g_ckd_epi_2009_cr_black).toBe('G4');
    expect(typeof rows[1].ckd_epi_2021_cr_cys).toBe('number');
  });

  it('counts waitlist crossings by race', async () => {
    const { code, out } = await run('labs.csv', '--by-race', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).by_race[0]).toMatchObject({ race: 'Black', n: 2, cross_waitlist_only_2021: 1 });
  });

  it('names line and column of a bad sex value', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'age_years,sex,creatinine_mg_dl\n50,F,1.0\n');
    const { code, err } = await run('bad.csv');
    expect(code).not.toBe(0);
    expect(err).toMatch(/bad\.csv:2:sex/);
  });
});
