import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticWorkforce } from '../../synth/workforce.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-workforce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'workforce', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('equilens workforce', () => {
  const rows = syntheticWorkforce({
    employees: 900,
    seed: 4,
    payGap: { group: 'Black or African American', gap: -0.07 },
  });
  writeFileSync(join(dir, 'hr.csv'), rows.map((r) => r.join(',')).join('\n') + '\n');

  it('finds the planted pay gap, with the contract fields', async () => {
    const { code, out, err } = await run('hr.csv');
    expect(code, err).toBe(0);
    const r = JSON.parse(out);
    const black = r.pay_gap.find(
      (p: { attribute: string; group: string }) =>
        p.attribute === 'race_ethnicity' && p.group === 'Black or African American',
    );
    for (const k of ['group', 'reference', 'unadjusted', 'adjusted', 'lower', 'upper'])
      expect(black).toHaveProperty(k);
    expect(black.reference).toBe('White');
    expect(black.adjusted).toBeGreaterThan(-0.1);
    expect(black.upper).toBeLessThan(0);
    expect(r.reconciliation).toEqual({ read: 900, loaded: 900, rejected: 0 });
    expect(Array.isArray(r.representation) && Array.isArray(r.rates)).toBe(true);
  });

  it('public: no group under the threshold is shown', async () => {
    const { code, out } = await run('hr.csv', '--audience', 'public', '--threshold', '25');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    for (const row of r.representation)
      if (row.employees !== null) expect(row.employees === 0 || row.employees >= 25).toBe(true);
    expect(
      r.pay_gap.every(
        (p: { suppressed: boolean; employees: number | null }) => p.suppressed || p.employees! >= 25,
      ),
    ).toBe(true);
  });

  it('refuses a threshold below the workforce minimum, and a file without employee_id', async () => {
    expect((await run('hr.csv', '--audience', 'public', '--threshold', '5')).code).toBe(1);
    writeFileSync(join(dir, 'bad.csv'), 'id,pay\n1,5\n');
    const { code, err } = await run('bad.csv');
    expect(code).toBe(1);
    expect(err).toContain('employee_id');
  });
});
