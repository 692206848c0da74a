/**
 * Issue #12: a gap is a finding whichever side the reference group is on. On the Synthea example
 * (examples/synthea-fhir, ../shared/data; skipped when absent), tobacco, BMI and SDOH screening share one
 * female/male gap (61 of 78 women screened vs 75–76 of 78–79 men). The reference is the largest group,
 * and one person decides it: Male for tobacco screening (79 vs 78), Female for the other two (78 vs 78, the
 * name breaks the tie). Before, the gap was a finding only for tobacco; now it is reported the same way for
 * all three — women worse off than men — and where the reference (Female) is the worse-off group the
 * finding says so (`referenceWorse`) and the report's sentence still leads with women.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { ingest } from '../../ingest/index.js';
import type { Finding, ResultsFile } from '../../model/results.js';
import { findingSentence } from '../../report/findings-section.js';
import { createLocale } from '../../report/i18n.js';
import { openWorkspace, getDataset, type Workspace } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { sharedData } from '../../../test/support/needs.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = join(ROOT, 'examples/synthea-fhir/equilens.yaml');
const SHARED = ['tobacco-screening', 'bmi-screening', 'sdoh-screening'];

/** The worse-off group of a finding and the group it is compared with. */
const worseOff = (f: Finding): { group: string; rate: number | null; vs: string; vsRate: number | null } =>
  f.referenceWorse
    ? { group: f.comparison, rate: f.comparisonRate, vs: f.values.sex!, vsRate: f.rate }
    : { group: f.values.sex!, rate: f.rate, vs: f.comparison, vsRate: f.comparisonRate };

describe.skipIf(!sharedData('synthea-qicore-ca-ny'))('the Synthea female/male gap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-synthea-findings-'));
  let ws: Workspace;
  let results: ResultsFile;
  beforeAll(async () => {
    await ingest({ configPath: CONFIG, workspace: dir });
    ws = await openWorkspace(dir);
    const { config } = loadConfig(CONFIG);
    results = await analyzeDataset(ws.engine, await getDataset(ws.engine), config, 'synthea');
  }, 300_000);
  afterAll(async () => {
    await ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks different reference groups for the three measures (the case the issue describes)', () => {
    const refs = SHARED.map(
      (id) =>
        results.measures.find((m) => m.id === id)!.strata.find((s) => s.stratifier === 'sex')!.reference,
    );
    expect(new Set(refs).size).toBe(2);
  });

  it('reports the gap for all three measures, women worse off than men, with the same rates', () => {
    const gaps = SHARED.map((id) => {
      const sex = results.findings.filter((f) => f.measure === id && Object.keys(f.values).join() === 'sex');
      expect(sex, id).toHaveLength(1);
      return { f: sex[0]!, ...worseOff(sex[0]!) };
    });
    for (const g of gaps) {
      expect(g).toMatchObject({ group: 'Female', vs: 'Male' });
      expect(g.rate).toBeCloseTo(61 / 78, 12);
      expect(g.vsRate! > g.rate!).toBe(true);
      expect(g.f.referenceRule).toBe('largest');
      // the reference is the worse-off group exactly when it is Female
      expect(g.f.referenceWorse === true).toBe(
        results.measures.find((m) => m.id === g.f.measure)!.strata.find((s) => s.stratifier === 'sex')!
          .reference === 'Female',
      );
    }
    expect(gaps.some((g) => g.f.referenceWorse)).toBe(true);
    expect(gaps.some((g) => !g.f.referenceWorse)).toBe(true);
  });

  it('words the three findings the same way in the report', () => {
    const loc = createLocale('en');
    const sentences = SHARED.map((id) => {
      const i = results.findings.findIndex((f) => f.measure === id && Object.keys(f.values).join() === 'sex');
      return findingSentence(loc, results, results.findings[i]!, i)
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ');
    });
    for (const s of sentences)
      expect(s).toMatch(/^Female patients had a lower rate of .* than Male patients: 78\.2% vs 9\d\.\d%/);
    expect(sentences.filter((s) => s.includes('the reference group is the worse-off group'))).toHaveLength(
      results.findings.filter((f) => SHARED.includes(f.measure) && f.values.sex && f.referenceWorse).length,
    );
  });
});
