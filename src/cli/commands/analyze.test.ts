import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handDataset, tempWorkspace } from '../../engine/analysis/__fixtures__/canonical.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const CONFIG = `project: { name: cli test }
sources: [{ name: x, type: csv, path: x.csv }]
mapping: { patient_id: id }
measures:
  - { id: readmit, title: Readmission, direction: lower_is_better, numerator: "x" }
analysis: { stratifiers: [race_ethnicity, sex] }
`;

async function setup(): Promise<string> {
  const { ws, dir } = await tempWorkspace('equilens-analyze-cli-');
  await handDataset(ws);
  await ws.close();
  writeFileSync(join(dir, 'equilens.yaml'), CONFIG);
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

  it('exits 1 for a dataset version that does not exist', async () => {
    const dir = await setup();
    const io = captureIO(dir);
    expect(
      await main(['node', 'equilens', 'analyze', '-c', 'equilens.yaml', '-w', '.', '--dataset', '9'], io),
    ).toBe(1);
    expect(io.stderr).toMatch(/Dataset version 9/);
  });
});
