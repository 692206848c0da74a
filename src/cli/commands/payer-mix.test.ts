import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-payer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'payer-mix', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const lines = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

describe('equilens payer-mix', () => {
  writeFileSync(
    join(dir, 'counts.csv'),
    lines([
      ['area', 'attribute', 'group', 'count', 'facet', 'unit'],
      ['A', 'payer', 'medicaid', 60, '', ''],
      ['A', 'payer', 'uninsured', 30, '', ''],
      ['A', 'payer', 'commercial', 210, '', ''],
      ['A', 'payer', 'medicaid', 5, 'department', 'Cardiology'],
      ['A', 'payer', 'commercial', 95, 'department', 'Cardiology'],
      ['A', 'payer', 'medicaid', 40, 'department', 'Emergency'],
      ['A', 'payer', 'uninsured', 20, 'department', 'Emergency'],
      ['A', 'payer', 'commercial', 40, 'department', 'Emergency'],
      ['A', 'payer', 'medicaid', 15, 'department', 'Medicine'],
      ['A', 'payer', 'uninsured', 10, 'department', 'Medicine'],
      ['A', 'payer', 'commercial', 75, 'department', 'Medicine'],
    ]),
  );
  writeFileSync(
    join(dir, 'acs.csv'),
    lines([
      ['area', 'attribute', 'group', 'estimate', 'moe', 'denominator'],
      ['A', 'payer', 'medicaid', 2000, 100, 10000],
      ['A', 'payer', 'uninsured', 1000, 80, 10000],
    ]),
  );

  it('prints the contract fields: system share minus community share, units on the funnel', async () => {
    const { code, out } = await run('counts.csv', '--community', 'acs.csv', '--out', 'res');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    // Patients (60 + 30)/300 = 0.3; community 3000/10000 = 0.3.
    expect(r.system).toMatchObject({ patients_share: 0.3, community_share: 0.3 });
    expect(r.system.difference).toBeCloseTo(0, 12);
    for (const k of ['lower', 'upper']) expect(typeof r.system[k]).toBe('number');
    expect(r.units.map((u: { unit: string }) => u.unit)).toEqual(['Cardiology', 'Emergency', 'Medicine']);
    const keys = ['facet', 'unit', 'patients', 'share', 'expected', 'lower_limit', 'upper_limit', 'flag'];
    for (const u of r.units) for (const k of keys) expect(u).toHaveProperty(k);
    // Pooled 90/300 = 0.3: Cardiology 5/100 is far below, Emergency 60/100 far above, Medicine 25/100 within.
    expect(r.units.map((u: { flag: string | null }) => u.flag)).toEqual(['low', 'high', null]);
    expect(JSON.parse(readFileSync(join(dir, 'res', 'payer-mix.json'), 'utf8'))).toEqual(r);
  });

  it('with the SVI file (no Medicaid estimate), compares uninsured and says so', async () => {
    const cols = ['TOTPOP', 'HISP', 'AFAM', 'ASIAN', 'AIAN', 'NHPI', 'TWOMORE', 'OTHERRACE', 'MINRTY'];
    const more = ['UNINSUR', 'LIMENG', 'DISABL', 'AGE65', 'AGE17'];
    const header = ['FIPS', 'RPL_THEMES', ...[...cols, ...more].flatMap((c) => [`E_${c}`, `M_${c}`])];
    const values: Record<string, number> = { TOTPOP: 10000, UNINSUR: 1000 };
    const row = ['A', 0.5, ...[...cols, ...more].flatMap((c) => [values[c] ?? 100, 10])];
    writeFileSync(join(dir, 'svi.csv'), lines([header, row]));
    const { code, out } = await run('counts.csv', '--svi', 'svi.csv', '--format', 'table');
    expect(code).toBe(0);
    // Like with like: community uninsured 1000/10000 = 0.1 against patients' uninsured 30/300 = 0.1.
    expect(out).toContain('patients 0.1, community 0.1 (uninsured)');
  });

  it('refuses a bad --fdr with a fix', async () => {
    const { code, err } = await run('counts.csv', '--community', 'acs.csv', '--fdr', '2');
    expect(code).toBe(1);
    expect(err).toContain('--fdr');
  });
});
