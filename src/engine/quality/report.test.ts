import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../workspace.js';
import { getDataset } from '../workspace.js';
import { qualityWorkspace } from './__fixtures__/workspace.js';
import { qualityForResults, qualityReport, type QualityReport } from './report.js';
import { withOverrides } from './thresholds.js';

let ws: Workspace;
let dir: string;
let report: QualityReport;

beforeAll(async () => {
  ({ ws, dir } = await qualityWorkspace());
  report = await qualityReport(ws.engine, await getDataset(ws.engine));
});
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const pick = (rows: { field: string }[], field: string) => rows.find((r) => r.field === field);

describe('qualityReport (counts worked out by hand from the fixture)', () => {
  it('counts known / unknown / declined / missing / conflicting over people', () => {
    expect(report.dataset).toMatchObject({ version: 1, patients: 6, measureRows: 6 });
    expect(pick(report.fields, 'race_ethnicity')).toMatchObject({
      known: 3,
      unknown: 1,
      declined: 1,
      missing: 1,
      conflicting: 2,
      total: 6,
      knownPct: 50,
      conflictingPct: 33.3,
    });
    // race: p4 has race Unknown; conflicts on race or ethnicity count for every race field.
    expect(pick(report.fields, 'race')).toMatchObject({
      known: 2,
      unknown: 2,
      declined: 1,
      missing: 1,
      conflicting: 2,
    });
    expect(pick(report.fields, 'ethnicity')).toMatchObject({
      known: 3,
      unknown: 0,
      declined: 1,
      missing: 2,
      conflicting: 2,
    });
    // sex: NULL, 'Missing' and '' are all missing.
    expect(pick(report.fields, 'sex')).toMatchObject({
      known: 3,
      unknown: 0,
      declined: 0,
      missing: 3,
      conflicting: 1,
    });
    expect(pick(report.fields, 'payer')).toMatchObject({ known: 1, declined: 1, missing: 4, conflicting: 1 });
    expect(pick(report.fields, 'zip')).toMatchObject({ known: 0, missing: 6, conflicting: 0 });
    for (const f of report.fields) expect(f.known + f.unknown + f.declined + f.missing).toBe(f.total);
  });

  it('splits by source, naming people without a source', () => {
    const re = report.bySource.filter((r) => r.field === 'race_ethnicity');
    expect(re.map((r) => r.source)).toEqual(['(none)', 'claims', 'ehr']);
    expect(re.find((r) => r.source === 'ehr')).toMatchObject({
      total: 3,
      known: 1,
      unknown: 1,
      declined: 1,
      conflicting: 1,
    });
    expect(re.find((r) => r.source === 'claims')).toMatchObject({
      total: 2,
      known: 1,
      missing: 1,
      conflicting: 1,
    });
    expect(re.find((r) => r.source === '(none)')).toMatchObject({ total: 1, known: 1 });
  });

  it('splits by period over the people with units in each period', () => {
    const re = report.byPeriod.filter((r) => r.field === 'race_ethnicity');
    expect(re.map((r) => [r.period, r.total, r.known, r.unknown, r.missing])).toEqual([
      ['2024Q1', 2, 1, 1, 0],
      ['2024Q2', 1, 1, 0, 0],
      ['2024Q3', 1, 1, 0, 0],
      ['FY24', 1, 0, 0, 1],
    ]);
  });

  it('checks targets and ranks what to fix first by people affected', () => {
    expect(report.thresholds.find((t) => t.field === 'race_ethnicity')).toMatchObject({
      minKnownPct: 90,
      actual: 50,
      passed: false,
      shortfall: 3,
    });
    // payer: 4 missing + 1 conflicting = 5 affected, the most.
    expect(report.summary[0]).toMatch(/^1\. Payer: 4 of 6 people/);
    expect(report.summary.join('\n')).toMatch(/Declined is a valid answer/);
    expect(report.summary.join('\n')).toMatch(
      /Not collected \(no known values\): Preferred language, Limited English proficiency/,
    );
  });

  it('buckets by year when asked, and honours threshold overrides', async () => {
    const r = await qualityReport(ws.engine, await getDataset(ws.engine), {
      period: 'year',
      thresholds: withOverrides([
        { field: 'race_ethnicity', minKnownPct: 40, source: 'test' },
        { field: 'sex', minKnownPct: 'off', source: 'test' },
      ]),
    });
    expect([...new Set(r.byPeriod.map((p) => p.period))]).toEqual(['2024', 'FY24']);
    expect(r.thresholds.find((t) => t.field === 'race_ethnicity')).toMatchObject({
      passed: true,
      shortfall: 0,
    });
    expect(r.thresholds.find((t) => t.field === 'sex')).toBeUndefined();
    expect(() => withOverrides([{ field: 'race', minKnownPct: 101, source: 'test' }])).toThrow(/0 to 100/);
  });
});

describe('qualityForResults', () => {
  it('gives the results.json quality block', () => {
    expect(qualityForResults(report)[0]).toEqual({
      field: 'race_ethnicity',
      known: 3,
      unknown: 1,
      declined: 1,
      missing: 1,
      total: 6,
    });
  });
});
