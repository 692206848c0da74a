/** `equilens demo --serve` fills the equity results from the files the demo wrote beside results.json. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { listEquityResults, loadEquityResult, openStore, saveAnalysis } from '../store/index.js';
import {
  communityFixture,
  payerMixFixture,
  workforceFixture,
  workforcePublicFixture,
} from './__fixtures__/equity.js';
import { seedDemoEquity } from './demo-org.js';

const out = mkdtempSync(join(tmpdir(), 'eq-demo-equity-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('demo equity results', () => {
  it('imports community, payer mix and workforce (with its public file), tied to the demo analysis', async () => {
    const write = (f: string, v: unknown) => writeFileSync(join(out, f), JSON.stringify(v));
    write('community.json', communityFixture());
    write('payer-mix.json', payerMixFixture());
    write('workforce.json', workforceFixture());
    write('workforce.public.json', workforcePublicFixture());
    const store = await openStore();
    try {
      const a = await saveAnalysis(store.db, 'demo', 'Demo', fixtureResults());
      const ids = await seedDemoEquity(store, out, a.id);
      expect(ids).toHaveLength(3);
      const list = await listEquityResults(store.db);
      expect(list.map((r) => r.kind).sort()).toEqual(['community', 'payer_mix', 'workforce']);
      expect(list.every((r) => r.analysis_id === a.id && r.has_internal)).toBe(true);
      const wf = await loadEquityResult(store.db, list.find((r) => r.kind === 'workforce')!.id);
      const pub = wf?.public as { audience: string; representation: unknown };
      expect(pub.audience).toBe('public');
      expect(pub.representation).toEqual(JSON.parse(JSON.stringify(workforcePublicFixture().representation)));
    } finally {
      await store.close();
    }
  });

  it('skips the files the demo did not write', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'eq-demo-none-'));
    const store = await openStore();
    try {
      const a = await saveAnalysis(store.db, 'demo', 'Demo', fixtureResults());
      expect(await seedDemoEquity(store, empty, a.id)).toEqual([]);
    } finally {
      await store.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
