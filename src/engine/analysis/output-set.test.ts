import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { analyzeRun } from './analyze.js';
import { MANIFEST, type Manifest, verifyOutputFile } from './output-set.js';
import { handDataset, tempWorkspace } from './__fixtures__/canonical.js';

const ENTRY = fileURLToPath(new URL('../../../test/support/cli-entry.ts', import.meta.url));
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const config = (title: string) => `project: { name: kill test }
sources: [{ name: x, type: csv, path: x.csv }]
mapping: { patient_id: id }
measures:
  - { id: readmit, title: ${title}, direction: lower_is_better, numerator: "x" }
analysis:
  stratifiers: [race_ethnicity, sex]
  intersections: [[race_ethnicity, sex]]
`;

let dir: string;
beforeAll(async () => {
  const t = await tempWorkspace();
  dir = t.dir;
  await handDataset(t.ws);
  await t.ws.close();
});
afterAll(() => undefined);

/** The folder is one run's set: every manifest file matches, and every results file has its config hash. */
function oneRun(out: string): string {
  verifyOutputFile(join(out, 'results.json'));
  const m = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
  for (const name of ['results.json', 'results.public.json']) {
    const r = JSON.parse(readFileSync(join(out, name), 'utf8')) as ResultsFile;
    expect(r.stamp.configHash, name).toBe(m.configHash);
  }
  return m.configHash;
}

describe('output sets are written atomically (issue #10 item 7)', () => {
  it('writes a manifest with the dataset version, config hash and every file hash', async () => {
    writeFileSync(join(dir, 'a.yaml'), config('First'));
    const run = await analyzeRun({ configPath: 'a.yaml', workspace: '.', out: 'set', cwd: dir });
    const m = JSON.parse(readFileSync(join(dir, 'set', MANIFEST), 'utf8')) as Manifest;
    expect(m).toMatchObject({ datasetVersion: 1, configHash: run.results.stamp.configHash });
    expect(Object.keys(m.files).sort()).toEqual([
      'results.csv',
      'results.json',
      'results.parquet',
      'results.public.csv',
      'results.public.json',
    ]);
    expect(oneRun(join(dir, 'set'))).toBe(run.results.stamp.configHash);
  });

  it('a reader refuses a folder holding files of two different runs', async () => {
    writeFileSync(join(dir, 'b.yaml'), config('Second'));
    await analyzeRun({ configPath: 'b.yaml', workspace: '.', out: 'other', cwd: dir });
    const mixed = mkdtempSync(join(tmpdir(), 'equilens-mixed-'));
    for (const f of ['results.json', 'results.public.csv', MANIFEST])
      copyFileSync(join(dir, 'set', f), join(mixed, f));
    copyFileSync(join(dir, 'other', 'results.public.csv'), join(mixed, 'results.public.csv'));
    expect(() => verifyOutputFile(join(mixed, 'results.json'))).toThrow(/files from two different runs/);
  });

  it('kill -9 at any point of `analyze` leaves the old set or the new one, never a mix', async () => {
    const out = join(dir, 'killed');
    const run = (cfg: string, killAfter?: number) =>
      new Promise<number>((done) => {
        const started = Date.now();
        const child = spawn(
          process.execPath,
          ['--import', TSX, ENTRY, 'analyze', '-c', cfg, '-w', '.', '-o', out],
          {
            cwd: dir,
            stdio: 'ignore',
          },
        );
        const timer =
          killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
        child.on('exit', () => {
          clearTimeout(timer);
          done(Date.now() - started);
        });
      });
    writeFileSync(join(dir, 'old.yaml'), config('Old'));
    writeFileSync(join(dir, 'new.yaml'), config('New'));
    const full = await run('old.yaml');
    const old = oneRun(out);
    const hashes = new Set([old]);
    for (let i = 0; i < 8; i++) {
      await run(i % 2 ? 'old.yaml' : 'new.yaml', Math.round((full * (i + 1)) / 8));
      hashes.add(oneRun(out));
    }
    await run('new.yaml');
    hashes.add(oneRun(out));
    expect(hashes.size).toBe(2); // exactly the two configurations, each whole
  }, 120_000);
});
