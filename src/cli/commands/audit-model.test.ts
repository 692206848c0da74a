import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { PLANTED, predictionsCsv, syntheticPredictions } from '../../synth/predictions.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-audit-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'audit-model', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

type Row = Record<string, unknown>;
const find = (rows: Row[], s: string, g: string) => rows.find((r) => r.stratifier === s && r.group === g)!;

describe('equilens audit-model', () => {
  writeFileSync(join(dir, 'scores.csv'), predictionsCsv(syntheticPredictions({ seed: 11, perGroup: 1200 })));

  it('finds the planted problems in a CSV grouped by its own columns', async () => {
    const { code, out, err } = await run(
      '--predictions',
      'scores.csv',
      '--by',
      'race,sex,race*sex',
      '--threshold',
      '0.2,0.4',
      '--out',
      'res',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['groups', 'calibration']));
    const overall = result.groups.filter((r: Row) => r.stratifier === 'overall');
    expect(overall.map((r: Row) => r.threshold)).toEqual([0.2, 0.4]);
    for (const k of [
      'n',
      'tp',
      'fp',
      'tn',
      'fn',
      'prevalence',
      'selection_rate',
      'tpr',
      'fpr',
      'tnr',
      'fnr',
      'ppv',
      'npv',
      'fdr',
      'for',
      'tpr_lower',
      'for_upper',
    ])
      expect(overall[0]).toHaveProperty(k);
    for (const k of [
      'observed_expected',
      'calibration_intercept',
      'calibration_slope',
      'brier',
      'ece',
      'auc',
      'auc_lower',
      'auc_upper',
    ])
      expect(result.calibration[0]).toHaveProperty(k);
    const cal = (g: string) => find(result.calibration, 'race', g);
    expect(cal(PLANTED.under).observed_expected).toBeGreaterThan(1.2);
    expect(cal(PLANTED.over).observed_expected).toBeLessThan(0.85);
    expect(cal(PLANTED.poor).auc as number).toBeLessThan((cal(PLANTED.reference).auc as number) - 0.1);
    expect(find(result.groups, 'race*sex', `${PLANTED.over} × male`).n).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'res', 'audit.json'), 'utf8')).groups).toHaveLength(
      result.groups.length,
    );
  });

  it('reads Parquet and flags the top N', async () => {
    const engine = await openDuckDB();
    const csv = join(dir, 'scores.csv').replace(/'/g, "''");
    await engine.run(
      `COPY (SELECT * FROM read_csv_auto('${csv}')) TO '${join(dir, 'scores.parquet')}' (FORMAT parquet)`,
    );
    await engine.close();
    const { code, out } = await run('--predictions', 'scores.parquet', '--by', 'race', '--top', '500');
    expect(code).toBe(0);
    const overall = find(JSON.parse(out).groups, 'overall', 'overall');
    expect((overall.tp as number) + (overall.fp as number)).toBeGreaterThanOrEqual(500);
    expect((overall.tp as number) + (overall.fp as number)).toBeLessThan(510);
  });

  it('prints a table with the guidance', async () => {
    const { code, out } = await run(
      '--predictions',
      'scores.csv',
      '--by',
      'sex',
      '--top-pct',
      '5',
      '--format',
      'table',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/score ≥ threshold/);
    expect(out).toMatch(/proxy/);
  });

  it('names a missing column and a bad label', async () => {
    let r = await run('--predictions', 'scores.csv', '--by', 'ethnicity', '--threshold', '0.5');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/no column "ethnicity"/);
    writeFileSync(join(dir, 'bad.csv'), 'patient_id,score,label\nA,0.5,maybe\nB,0.2,0\n');
    r = await run('--predictions', 'bad.csv', '--threshold', '0.5');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/1 a label that is not 0\/1/);
  });
});

describe('equilens audit-model with a dataset', () => {
  it('joins the patients on the engine and keeps Declined, Unknown and Missing apart', async () => {
    const { qualityWorkspace } = await import('../../engine/quality/__fixtures__/workspace.js');
    const { ws, dir: wsDir } = await qualityWorkspace();
    await ws.close();
    try {
      writeFileSync(
        join(dir, 'ds.csv'),
        'patient_id,score,label\np1,0.9,1\np2,0.2,0\np3,0.7,0\np4,0.4,1\np5,0.1,0\np6,0.8,1\n',
      );
      const { code, out, err } = await run(
        '--workspace',
        wsDir,
        '--predictions',
        'ds.csv',
        '--by',
        'race_ethnicity,sex',
        '--threshold',
        '0.5',
      );
      expect(err).toBe('');
      expect(code).toBe(0);
      const groups = JSON.parse(out).groups as Row[];
      // p3 (Declined) is flagged but has no event: fp 1. p2 Unknown, p5 Missing: tn 1 each.
      expect(find(groups, 'race_ethnicity', 'Declined')).toMatchObject({ n: 1, fp: 1, tpr: null });
      expect(find(groups, 'race_ethnicity', 'Unknown')).toMatchObject({ n: 1, tn: 1 });
      expect(find(groups, 'race_ethnicity', 'Missing')).toMatchObject({ n: 1, tn: 1 });
      expect(find(groups, 'race_ethnicity', 'Declined').tpr_difference).toBeNull();
      expect(find(groups, 'overall', 'overall')).toMatchObject({ n: 6, tp: 2, fp: 1, fn: 1, tn: 2 });
      // p6 has sex '' → Missing; p3 has NULL → Missing: two rows.
      expect(find(groups, 'sex', 'Missing').n).toBe(3);
      writeFileSync(join(dir, 'stranger.csv'), 'patient_id,score,label\np1,0.9,1\nzz,0.2,0\n');
      const r = await run('--workspace', wsDir, '--predictions', 'stranger.csv', '--threshold', '0.5');
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/1 of 2 predictions have a patient id that is not in the dataset/);
    } finally {
      rmSync(wsDir, { recursive: true, force: true });
    }
  });
});

describe('equilens synth --predictions → audit-model', () => {
  it('generates a file whose planted problems the audit finds', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'synth', '--predictions', 'planted.csv', '--seed', '4'], io)).toBe(
      0,
    );
    const { code, out } = await run('--predictions', 'planted.csv', '--by', 'race', '--threshold', '0.3');
    expect(code).toBe(0);
    const cal = (g: string) => find(JSON.parse(out).calibration, 'race', g);
    expect(cal(PLANTED.under).calibration_intercept).toBeGreaterThan(0.5);
    expect(cal(PLANTED.over).calibration_intercept).toBeLessThan(-0.5);
    expect(cal(PLANTED.poor).auc_difference).toBeLessThan(-0.1);
  });
});
