import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset, openWorkspace } from '../engine/workspace.js';
import { captureIO } from './io.js';
import { main } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-community-ds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

const CONFIG = 'synth-data/equilens.yaml';

describe('community and payer mix from a dataset in the workspace', () => {
  beforeAll(async () => {
    expect((await run('synth', '--patients', '400', '--seed', '5', '--format', 'json')).code).toBe(0);
    expect((await run('ingest', '--config', CONFIG, '-q')).code).toBe(0);
    const rows = ['area,attribute,group,estimate,moe,denominator'];
    for (const c of ['17031', '17043', '17089', '17097', '17111', '17197'])
      rows.push(`${c},payer,medicaid,2000,100,10000`, `${c},payer,uninsured,800,60,10000`);
    writeFileSync(join(dir, 'acs.csv'), rows.join('\n') + '\n');
  }, 120_000);

  it('counts the Medicaid and uninsured patients of the catchment as a direct query does', async () => {
    const { code, out, err } = await run(
      'payer-mix',
      '--config',
      CONFIG,
      '--community',
      'acs.csv',
      '--areas',
      '17031,17043',
    );
    expect(code, err).toBe(0);
    const r = JSON.parse(out);
    const ws = await openWorkspace(join(dir, 'synth-data', '.equilens'));
    try {
      const ds = await getDataset(ws.engine);
      // Direct: people in the two counties by payer label (dual-eligible people count as Medicaid).
      const [row] = await ws.engine.all<{ x: number; n: number }>(
        `SELECT SUM(CASE WHEN payer IN ('Medicaid', 'Dual (Medicare and Medicaid)', 'Uninsured/self-pay') THEN 1 ELSE 0 END) AS x,
                SUM(CASE WHEN payer IN ('Medicaid', 'Dual (Medicare and Medicaid)', 'Uninsured/self-pay', 'Medicare', 'Commercial', 'Other') THEN 1 ELSE 0 END) AS n
         FROM ${ds.schema}.patients WHERE county IN ('17031', '17043')`,
      );
      expect(r.system.patients).toBe(Number(row!.x));
      expect(r.system.patients_total).toBe(Number(row!.n));
    } finally {
      await ws.close();
    }
    expect(r.units.some((u: { facet: string }) => u.facet === 'department')).toBe(true);
  });

  it('community comparison by race and ethnicity from the dataset', async () => {
    const rows = ['area,attribute,group,estimate,moe,denominator'];
    rows.push('17031,race_ethnicity,black,3000,100,10000', '17031,race_ethnicity,white,7000,100,10000');
    rows.push('17031,uninsured,yes,800,40,10000');
    writeFileSync(join(dir, 'acs-race.csv'), rows.join('\n') + '\n');
    const { code, out, err } = await run(
      'community',
      '--config',
      CONFIG,
      '--community',
      'acs-race.csv',
      '--areas',
      '17031',
    );
    expect(code, err).toBe(0);
    const r = JSON.parse(out);
    const black = r.comparison.find(
      (c: { group: string; facet?: string }) => c.group === 'black' && !c.facet,
    );
    expect(black.community_share).toBeCloseTo(0.3, 12);
    expect(black.patients_share).toBeGreaterThan(0);
    // SVI's uninsured attribute comes from the dataset's payer (uninsured/self-pay = yes).
    const uninsured = r.comparison.find(
      (c: { attribute: string; facet?: string }) => c.attribute === 'uninsured' && !c.facet,
    );
    expect(uninsured.community_share).toBeCloseTo(0.08, 12);
  });

  it('says how to give counts when neither a file nor a dataset is named', async () => {
    const { code, err } = await run('payer-mix', '--community', 'acs.csv');
    expect(code).toBe(1);
    expect(err).toContain('COUNTS');
  });
});
