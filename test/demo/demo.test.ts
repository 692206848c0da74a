import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { DemoSummary } from '../../src/demo/index.js';
import type { Truth } from '../../src/synth/index.js';

// End to end: `equilens demo` in an empty temporary folder, in-process.
describe('equilens demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-demo-'));
  let summary: DemoSummary;
  let code: number;
  let io: ReturnType<typeof captureIO>;

  beforeAll(async () => {
    io = captureIO(dir);
    code = await main(['node', 'equilens', 'demo', '--patients', '8000', '--format', 'json'], io);
    summary = JSON.parse(io.stdout) as DemoSummary;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs with no arguments beyond the size and exits 0', () => {
    expect(code, io.stderr).toBe(0);
    expect(summary.out).toBe(join(dir, 'equilens-demo'));
  });

  it('generates the synthetic health system with a planted headline', () => {
    const synth = summary.steps.find((s) => s.name === 'synth')!;
    expect(synth.status).toBe('done');
    expect(synth.counts!.patients).toBe(8000);
    for (const f of ['extract.csv', 'equilens.yaml', 'truth.json'])
      expect(existsSync(join(summary.out, f))).toBe(true);
    const truth = JSON.parse(readFileSync(join(summary.out, 'truth.json'), 'utf8')) as Truth;
    expect(truth.headline?.measure).toBe('readmit30');
  });

  const landed = (name: string): boolean => summary?.steps.find((s) => s.name === name)?.status === 'done';

  it('ingests the extract (when src/ingest has landed)', (ctx) => {
    if (!landed('ingest')) ctx.skip();
    const ingest = summary.steps.find((s) => s.name === 'ingest')!;
    expect(ingest.counts!.read).toBe(ingest.counts!.loaded! + ingest.counts!.rejected!);
  });

  it('writes results.json with the planted headline among the findings (when analysis has landed)', (ctx) => {
    if (!landed('analyze')) ctx.skip();
    expect(existsSync(join(summary.out, 'results.json'))).toBe(true);
    expect(summary.headline?.found).toBe(true);
  });

  it('writes report.html and prints its absolute path (when the report has landed)', (ctx) => {
    if (!landed('report')) ctx.skip();
    expect(summary.report).toBe(join(summary.out, 'report.html'));
    expect(existsSync(summary.report!)).toBe(true);
  });

  it('prints steps with timings in table mode', async () => {
    const io2 = captureIO(dir);
    expect(await main(['node', 'equilens', 'demo', '--patients', '2000', '--out', 'small'], io2)).toBe(0);
    expect(io2.stdout).toMatch(/1\. Generate a synthetic health system/);
    expect(io2.stdout).toMatch(/done \(\d+\.\d s\)/);
    expect(io2.stdout).toContain(join(dir, 'small'));
  });
});
