import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/index.js';
import { openWorkspace } from '../engine/workspace.js';
import { listWorkforceVersions } from '../engine/workforce/index.js';
import { defaultSpec, generate, nullSpec } from '../synth/index.js';
import { loadConfig } from '../config/load.js';
import { DEMO_PAY_GAP, DEMO_WORKFORCE, demoSvi, equityStep } from './equity-step.js';

const NO_AREAS = { counts: [], svi: new Map<string, number>(), names: new Map<string, string>() };

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function demoEquity(spec: ReturnType<typeof defaultSpec>, seed: number) {
  const out = mkdtempSync(join(tmpdir(), 'equilens-equity-'));
  dirs.push(out);
  const r = await generate(spec, { seed, patients: 6000, out });
  const workspace = join(out, '.equilens');
  await ingest({ configPath: r.files.config, workspace });
  await equityStep({ workspace, out, seed });
  const read = (f: string) => JSON.parse(readFileSync(join(out, f), 'utf8'));
  return {
    community: read('community.json'),
    payer: read('payer-mix.json'),
    workforce: read('workforce.json'),
    pub: read('workforce.public.json'),
    workspace,
  };
}

type Unit = { facet: string; unit: string; flag: string | null };

describe('the demo: who we serve and who we employ', () => {
  it('finds the planted Surgery payer-mix gap and the planted pay gap', async () => {
    const { community, payer, workforce, pub, workspace } = await demoEquity(defaultSpec(), 7);
    // A synthetic SVI percentile for each catchment county, fixed by the county (not the patient stream).
    const areas = community.areas as { area: string; svi: number }[];
    expect(areas.map((a) => a.area)).toEqual(community.catchment.areas);
    for (const a of areas) expect(a.svi).toBeGreaterThan(0);
    for (const a of areas) expect(a.svi).toBeLessThan(1);
    expect(areas.find((a) => a.area === '17031')?.svi).toBe(demoSvi(NO_AREAS).svi.get('17031'));
    // The extract went through the workforce mapping into a workforce version of the demo's workspace.
    const ws = await openWorkspace(workspace, { readOnly: true });
    try {
      const [v, ...more] = await listWorkforceVersions(ws.engine);
      expect(more).toEqual([]);
      expect(v).toMatchObject({ employees: 2400, rows: { read: 2400, loaded: 2400, rejected: 0 } });
    } finally {
      await ws.close();
    }
    const surgery = payer.units.find((u: Unit) => u.facet === 'department' && u.unit === 'Surgery');
    expect(surgery.flag).toBe('low');
    const gap = workforce.pay_gap.find(
      (p: { attribute: string; group: string }) =>
        p.attribute === 'race_ethnicity' && p.group === DEMO_PAY_GAP.group,
    );
    expect(gap.upper).toBeLessThan(0);
    expect(gap.lower).toBeLessThan(DEMO_PAY_GAP.gap);
    expect(gap.upper).toBeGreaterThan(DEMO_PAY_GAP.gap);
    for (const row of pub.representation)
      if (row.employees !== null) expect(row.employees === 0 || row.employees >= 20).toBe(true);
    // Hires, promotions and exits are employees too: none of 1–19 in workforce.public.json, nor of 1–19
    // without the event, and some withheld in groups that are shown (the demo's small groups).
    type Rate = { employees: number | null; events: number | null };
    for (const r of pub.rates as Rate[])
      for (const n of r.events === null || r.employees === null
        ? [r.events]
        : [r.events, r.employees - r.events])
        if (n !== null) expect(n === 0 || n >= 20).toBe(true);
    expect((pub.rates as Rate[]).some((r) => r.events === null && r.employees !== null)).toBe(true);
  }, 180_000);

  it('with nothing planted, Surgery is not flagged', async () => {
    const { payer } = await demoEquity(nullSpec(), 7);
    const surgery = payer.units.find((u: Unit) => u.facet === 'department' && u.unit === 'Surgery');
    expect(surgery.flag).toBeNull();
  }, 180_000);
});

describe('examples/workforce/equilens.yaml', () => {
  it('is the workforce: section the demo ingests with (its path aside)', () => {
    const file = join(import.meta.dirname, '..', '..', 'examples', 'workforce', 'equilens.yaml');
    const { workforce } = loadConfig(file).config;
    const { path, ...source } = workforce!.source;
    expect(path).toBe('../../equilens-demo/workforce.csv');
    const { path: _demoPath, ...demoSource } = DEMO_WORKFORCE.source;
    expect(source).toEqual(demoSource);
    expect(workforce!.mapping).toEqual(DEMO_WORKFORCE.mapping);
  });

  it('gives each demo county a plausible, fixed synthetic SVI: Cook (the most deprived ZIPs) above DuPage', () => {
    const svi = demoSvi(NO_AREAS).svi;
    expect([...svi.keys()].sort()).toEqual(['17031', '17043', '17089', '17097', '17197']);
    expect(svi.get('17031')).toBeGreaterThan(svi.get('17043') ?? 1);
    expect(demoSvi(NO_AREAS).svi).toEqual(svi); // deterministic
  });
});
