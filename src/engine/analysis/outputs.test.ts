import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import type { Workspace } from '../workspace.js';
import { analyzeRun, type AnalyzeRun } from './analyze.js';
import { handDataset, tempWorkspace } from './__fixtures__/canonical.js';
import { longRows } from '../../analysis/long-table.js';
import { resultsJsonSchema, ResultsSchema } from '../../model/results-schema.js';

const schemaFile = new URL('../../../schemas/results.schema.json', import.meta.url);
const CONFIG = `project: { name: outputs test }
sources: [{ name: x, type: csv, path: x.csv }]
mapping: { patient_id: id }
measures:
  - { id: readmit, title: Readmission, direction: lower_is_better, numerator: "x" }
analysis:
  stratifiers: [race_ethnicity, sex]
  intersections: [[race_ethnicity, sex]]
  discovery: { min_size: 1 }
`;

let ws: Workspace;
let dir: string;
let run: AnalyzeRun;
beforeAll(async () => {
  ({ ws, dir } = await tempWorkspace());
  await handDataset(ws);
  await ws.close();
  writeFileSync(join(dir, 'equilens.yaml'), CONFIG);
  run = await analyzeRun({ configPath: 'equilens.yaml', workspace: '.', out: 'out', cwd: dir });
});
afterAll(() => undefined);

describe('analysis outputs', () => {
  it('writes results.json, results.public.json, results.csv and results.parquet', () => {
    for (const f of Object.values(run.files)) expect(existsSync(f), f).toBe(true);
    expect(run.files.results).toBe(join(dir, 'out', 'results.json'));
    const saved = JSON.parse(readFileSync(run.files.results, 'utf8')) as ResultsFile;
    expect(saved.dataset.version).toBe(1);
    expect(saved.stamp.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes a JSON Schema that matches the zod schema and validates results.json', () => {
    const published = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    expect(published).toEqual(JSON.parse(JSON.stringify(resultsJsonSchema())));
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(published);
    for (const file of [run.files.results, run.files.public!]) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(ResultsSchema.safeParse(json).success).toBe(true);
    }
    const broken = JSON.parse(readFileSync(run.files.results, 'utf8')) as Record<string, unknown>;
    delete broken.findings;
    expect(validate(broken)).toBe(false);
  });

  it('suppresses small cells in the public file only', () => {
    const black = (r: ResultsFile) =>
      r.measures[0]!.strata.find((s) => s.stratifier === 'race_ethnicity')!.groups.find(
        (g) => g.group === 'Black or African American',
      )!;
    expect(black(run.results).numerator).toBe(2);
    expect(black(run.publicResults)).toMatchObject({ numerator: null, suppressed: true });
    expect(run.publicResults.stamp.audience).toBe('public');
  });

  it('writes the same long table to CSV and Parquet', async () => {
    const rows = longRows(run.results);
    const csv = readFileSync(run.files.csv, 'utf8').trim().split('\n');
    expect(csv.length).toBe(rows.length + 1);
    const duck = await openDuckDB();
    try {
      const [p] = await duck.all<{ n: number; den: number; v: number }>(
        `SELECT COUNT(*) AS n, SUM(denominator) FILTER (WHERE scope = 'group') AS den, MIN(dataset_version) AS v FROM read_parquet('${run.files.parquet}')`,
      );
      expect(p).toEqual({ n: rows.length, den: 20, v: 1 });
    } finally {
      await duck.close();
    }
  });
});

describe('protection below the public minimum (issue #10 item 5)', () => {
  const runWith = (suppression: string, out: string) => {
    writeFileSync(join(dir, `${out}.yaml`), `${CONFIG}suppression: ${suppression}\n`);
    return analyzeRun({ configPath: `${out}.yaml`, workspace: '.', out, cwd: dir });
  };

  it('threshold 1 or complementary off: no public edition, and a stale one is removed', async () => {
    for (const [i, setting] of ['{ threshold: 1 }', '{ complementary: false }'].entries()) {
      const out = `weak-${i}`;
      await runWith('{}', out);
      expect(existsSync(join(dir, out, 'results.public.json'))).toBe(true);
      const r = await runWith(setting, out);
      expect(r.files.public).toBeUndefined();
      for (const f of ['results.public.json', 'results.public.csv', 'results.restricted.json'])
        expect(existsSync(join(dir, out, f)), f).toBe(false);
      expect(r.publicResults.stamp.audience).toBe('restricted');
      expect(r.publicResults.warnings.map((w) => w.code)).toContain('below_public_minimum');
    }
  });

  it('an explicit override writes a restricted edition, recorded in the file, never a public one', async () => {
    const r = await runWith(
      '{ threshold: 5, below_public_minimum: "data-sharing agreement 42" }',
      'override',
    );
    expect(r.files.public).toBeUndefined();
    const saved = JSON.parse(readFileSync(r.files.restricted!, 'utf8')) as ResultsFile;
    expect(saved.stamp.audience).toBe('restricted');
    const w = saved.warnings.find((x) => x.code === 'below_public_minimum')!;
    expect(w).toMatchObject({ keys: ['suppression.threshold'], override: 'data-sharing agreement 42' });
  });
});
