import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../engine/workspace.js';
import { qualityReport } from '../engine/quality/index.js';
import { getDataset } from '../engine/workspace.js';
import { project } from './__fixtures__/project.js';
import { ingest, type IngestResult } from './index.js';

describe('ingest a mapped CSV (fixture rows worked by hand in __fixtures__/project.ts)', () => {
  let result: IngestResult;
  let ws: Workspace;
  let p: ReturnType<typeof project>;
  beforeAll(async () => {
    p = project();
    result = await ingest({ configPath: p.config, workspace: p.workspace });
    ws = await openWorkspace(p.workspace);
  });
  afterAll(() => ws.close());

  it('accounts for every row', () => {
    expect(result.dataset).toMatchObject({ version: 1, rows: 7, patients: 4, measureRows: 7 });
    expect(result.dataset.id).toMatch(/^v1-[0-9a-f]{8}$/);
    const r = result.reconciliation;
    expect([r.read, r.loaded, r.rejected]).toEqual([7, 7, 0]);
    expect(r.files).toEqual([{ file: p.data, read: 7, loaded: 7, rejected: 0 }]);
  });

  it('reports unmapped codes with row counts and loads them as Unknown', async () => {
    expect(result.reconciliation.unmapped).toEqual([
      { attribute: 'payer', column: 'payer', code: 'ZZZ', rows: 2 },
    ]);
    const [p2] = await ws.engine.all(`SELECT payer, payer_source FROM ds_1.patients WHERE patient_id = 'p2'`);
    expect(p2).toEqual({ payer: 'Unknown', payer_source: 'ZZZ' });
  });

  it('resolves conflicts: most frequent known value, ties to the last row; lists them in conflicts', async () => {
    const rows = await ws.engine.all<{ patient_id: string; race: string; sex: string; conflicts: string[] }>(
      `SELECT patient_id, race, race_ethnicity, ethnicity, sex, payer, conflicts FROM ds_1.patients ORDER BY patient_id`,
    );
    expect(rows).toEqual([
      {
        patient_id: 'p1',
        race: 'Black or African American',
        race_ethnicity: 'Black or African American',
        ethnicity: 'Not Hispanic or Latino',
        sex: 'Female',
        payer: 'Medicare',
        conflicts: ['race'],
      },
      // ASKU on one row, empty on the other: Declined (a status, not a conflict); F then M: tie → last row (M).
      {
        patient_id: 'p2',
        race: 'Declined',
        race_ethnicity: 'Declined',
        ethnicity: 'Declined',
        sex: 'Male',
        payer: 'Unknown',
        conflicts: ['sex'],
      },
      {
        patient_id: 'p3',
        race: 'Unknown',
        race_ethnicity: 'Unknown',
        ethnicity: 'Missing',
        sex: 'Missing',
        payer: 'Commercial',
        conflicts: [],
      },
      {
        patient_id: 'p4',
        race: 'Missing',
        race_ethnicity: 'Missing',
        ethnicity: 'Missing',
        sex: 'Unknown',
        payer: 'Missing',
        conflicts: [],
      },
    ]);
  });

  it('derives measure rows from the expressions', async () => {
    const rows = await ws.engine.all(
      `SELECT unit_id, in_numerator, excluded, CAST(event_date AS VARCHAR) AS d FROM ds_1.measure_rows ORDER BY unit_id`,
    );
    expect(rows.map((r) => [r.unit_id, r.in_numerator, r.excluded])).toEqual([
      ['e1', true, false],
      ['e2', false, false],
      ['e3', false, true],
      ['e4', true, false],
      ['e5', false, false],
      ['e6', false, false],
      ['e7', true, false],
    ]);
    expect(rows[0]!.d).toBe('2024-01-05');
  });

  it('feeds the quality report: Declined, Unknown and Missing stay distinct; conflicts counted', async () => {
    const report = await qualityReport(ws.engine, await getDataset(ws.engine), { period: 'quarter' });
    const race = report.fields.find((f) => f.field === 'race_ethnicity')!;
    expect(race).toMatchObject({ known: 1, declined: 1, unknown: 1, missing: 1, conflicting: 1, total: 4 });
    const sex = report.fields.find((f) => f.field === 'sex')!;
    expect(sex).toMatchObject({ known: 2, unknown: 1, missing: 1, conflicting: 1 });
    expect(report.byPeriod.length).toBeGreaterThan(0);
  });

  it('makes no new version for unchanged content, unless forced', async () => {
    const same = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(same.unchanged).toEqual({
      since: 1,
      message: expect.stringContaining('unchanged since version 1'),
    });
    expect(same.dataset).toEqual(result.dataset);
    expect(same.reconciliation).toEqual(result.reconciliation);
    const forced = await ingest({ configPath: p.config, workspace: p.workspace, force: true });
    expect(forced.unchanged).toBeUndefined();
    expect(forced.dataset.version).toBe(2);
    expect(forced.dataset.contentHash).toBe(result.dataset.contentHash);
    // Changed bytes (one row fewer) make a new version without --force.
    const fs = await import('node:fs');
    const lines = fs.readFileSync(p.data, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(p.data, `${lines.slice(0, -1).join('\n')}\n`);
    const changed = await ingest({ configPath: p.config, workspace: p.workspace });
    expect([changed.unchanged, changed.dataset.version]).toEqual([undefined, 3]);
  });
});
