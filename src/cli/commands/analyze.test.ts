import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handDataset, tempWorkspace } from '../../engine/analysis/__fixtures__/canonical.js';
import { rateDataset } from '../../engine/analysis/__fixtures__/rate-dataset.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const CONFIG = `project: { name: cli test }
sources: [{ name: x, type: csv, path: x.csv }]
mapping: { patient_id: id }
measures:
  - { id: readmit, title: Readmission, direction: lower_is_better, numerator: "x" }
analysis: { stratifiers: [race_ethnicity, sex]{ANALYSIS} }
`;

async function setup(): Promise<string> {
  const { ws, dir } = await tempWorkspace('equilens-analyze-cli-');
  await handDataset(ws);
  await ws.close();
  writeFileSync(join(dir, 'equilens.yaml'), CONFIG.replace('{ANALYSIS}', ''));
  return dir;
}

/** readmit (a proportion) and ed-visits (a count-based rate per 1,000: 12 visits among 8 patients). */
async function setupRate(): Promise<string> {
  const { ws, dir } = await tempWorkspace('equilens-analyze-cli-rate-');
  await rateDataset(ws);
  await ws.close();
  writeFileSync(
    join(dir, 'equilens.yaml'),
    // fdr 0.5: the small sample's Male vs Female visit gap (2,000 vs 1,200 per 1,000) becomes a finding.
    CONFIG.replace('{ANALYSIS}', ', fdr: 0.5').replace(
      'numerator: "x" }',
      `numerator: "x" }\n  - { id: ed-visits, library: ed-visits, period: { start: "2024-01-01", end: "2024-12-31" } }`,
    ),
  );
  return dir;
}

describe('equilens analyze', () => {
  it('prints a JSON summary with the dataset, counts, findings and paths', async () => {
    const dir = await setup();
    const io = captureIO(dir);
    const code = await main(
      [
        'node',
        'equilens',
        'analyze',
        '--config',
        'equilens.yaml',
        '--workspace',
        '.',
        '--out',
        'out',
        '--format',
        'json',
      ],
      io,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(io.stdout) as {
      dataset: { version: number; rows: number };
      counts: { measures: number; strata: number };
      findings: unknown[];
      files: { results: string };
    };
    expect(s.dataset).toMatchObject({ version: 1, rows: 12 });
    expect(s.counts).toMatchObject({ measures: 1, strata: 2 });
    expect(Array.isArray(s.findings)).toBe(true);
    expect(s.files.results).toBe(join(dir, 'out', 'results.json'));
  });

  it('prints a table by default', async () => {
    const dir = await setup();
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'analyze', '-c', 'equilens.yaml', '-w', '.'], io)).toBe(0);
    expect(io.stdout).toMatch(/readmit +4 +10 +0\.4/);
    expect(io.stdout).toMatch(/results\.json/);
  });

  it('prints a count-based rate with its unit, a proportion as before, and keeps --format json numeric', async () => {
    const dir = await setupRate();
    const table = captureIO(dir);
    expect(await main(['node', 'equilens', 'analyze', '-c', 'equilens.yaml', '-w', '.'], table)).toBe(0);
    expect(table.stderr).toBe('');
    const lines = table.stdout.split('\n');
    const row = (start: string): string => lines.find((l) => l.startsWith(start)) ?? '';
    // 12 visits among 8 patients = 1,500 per 1,000; its interval in the same units.
    // the unit column says what the denominator counts: people for the library measure, else encounters
    expect(row('ed-visits ')).toMatch(
      /^ed-visits +12 +8 +1,500\.0 per 1,000 +[\d,]+\.\d +[\d,]+\.\d +1 +person$/,
    );
    expect(row('readmit ')).toMatch(/^readmit +4 +10 +0\.4 +0\.168 +0\.687 +0 +encounter$/);
    // Findings: a rate measure's rates carry the unit too (4 visits per Black patient vs 1 per White).
    expect(row('1 ')).toMatch(/ed-visits .* 4,000\.0 per 1,000 +White +1,000\.0 per 1,000 +6 /);
    // The rate column stays right-aligned: both rows' rates end where the column ends.
    const end = row('measure ').indexOf('lower') - 2;
    expect(row('ed-visits ').slice(0, end)).toMatch(/ per 1,000$/);
    expect(row('readmit ').slice(0, end)).toMatch(/ 0\.4$/);

    const json = captureIO(dir);
    expect(
      await main(['node', 'equilens', 'analyze', '-c', 'equilens.yaml', '-w', '.', '--format', 'json'], json),
    ).toBe(0);
    const s = JSON.parse(json.stdout) as {
      counts: { measures: number };
      findings: Record<string, unknown>[];
    };
    expect(s.counts.measures).toBe(2);
    expect(json.stdout).not.toMatch(/per 1,000/);
    for (const f of s.findings)
      for (const k of ['rate', 'comparisonRate']) expect(typeof f[k]).not.toBe('string');
  });

  it('exits 1 for a dataset version that does not exist', async () => {
    const dir = await setup();
    const io = captureIO(dir);
    expect(
      await main(['node', 'equilens', 'analyze', '-c', 'equilens.yaml', '-w', '.', '--dataset', '9'], io),
    ).toBe(1);
    expect(io.stderr).toMatch(/Dataset version 9/);
  });
});
