import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityWorkspace } from '../../engine/quality/__fixtures__/workspace.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

let dir: string;
beforeAll(async () => {
  const made = await qualityWorkspace();
  dir = made.dir;
  await made.ws.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...args: string[]) => {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'quality', '--workspace', dir, ...args], io);
  return { code, io };
};

describe('equilens quality', () => {
  it('prints the JSON contract', async () => {
    const { code, io } = await run('--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(Object.keys(report)).toEqual([
      'dataset',
      'fields',
      'bySource',
      'byPeriod',
      'thresholds',
      'summary',
    ]);
    expect(report.fields[0]).toMatchObject({
      field: 'race_ethnicity',
      known: 3,
      unknown: 1,
      declined: 1,
      missing: 1,
      conflicting: 2,
      total: 6,
      knownPct: 50,
    });
  });

  it('prints a table and CSV', async () => {
    const table = await run('--threshold', 'race_ethnicity=40');
    expect(table.code).toBe(0);
    expect(table.io.stdout).toMatch(/race_ethnicity\s+3\s+1\s+1\s+1\s+2\s+6\s+50/);
    expect(table.io.stdout).toMatch(/What to fix first/);
    const csv = await run('--format', 'csv', '--period', 'year');
    expect(csv.io.stdout.split('\n')[0]).toBe(
      'scope,source,period,field,known,unknown,declined,missing,conflicting,total,knownPct,unknownPct,declinedPct,missingPct,conflictingPct',
    );
    expect(csv.io.stdout).toMatch(/^period,,2024,race_ethnicity,2,1,0,0,2,3,/m);
  });

  it('takes the period from the config (analysis.period)', async () => {
    writeFileSync(
      join(dir, 'equilens.yaml'),
      'project: { name: T }\nsources: [{ name: ehr, type: csv }]\nmapping: { patient_id: pid }\nanalysis: { period: year }\n',
    );
    const { code, io } = await run('--config', 'equilens.yaml', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout);
    expect(report.dataset.period).toBe('year');
    expect([...new Set(report.byPeriod.map((p: { period: string }) => p.period))]).toEqual(['2024', 'FY24']);
    rmSync(join(dir, 'equilens.yaml'));
  });

  it('exits 1 for a missing dataset version or workspace', async () => {
    const missing = await run('--dataset', '9');
    expect(missing.code).toBe(1);
    expect(missing.io.stderr).toMatch(/not in the workspace/);
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'quality', '--workspace', `${dir}/nope`], io)).toBe(1);
    expect(io.stderr).toMatch(/No workspace/);
  });
});
