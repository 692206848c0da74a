import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { DemoSummary } from '../../src/demo/index.js';
import type { ResultsFile } from '../../src/model/results.js';
import { marks } from '../../src/report/__fixtures__/marks.js';
import type { Truth } from '../../src/synth/index.js';
import { haveChromium, inspectReport, launch } from '../browser/inspect-report.js';

const COUNTS = /\.(numerator|denominator|known|unknown|declined|missing|total|excessEvents)$/;

// The whole pipeline runs in-process, on a shared 2-core CI machine: give this file room beyond the
// default 120 s (each pipeline is ~15 s on an idle machine, several times that under load).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

// End to end: `equilens demo` in an empty temporary folder, in-process. The pipeline runs ONCE (beforeAll)
// and every test reads its output; only the table-mode test runs a second, tiny demo (200 patients).
describe('equilens demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-demo-'));
  let summary: DemoSummary;
  let code: number;
  let io: ReturnType<typeof captureIO>;

  beforeAll(async () => {
    io = captureIO(dir);
    code = await main(['node', 'equilens', 'demo', '--patients', '8000', '--format', 'json'], io);
    summary = JSON.parse(io.stdout) as DemoSummary;
  }, 300_000);
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

  it('ingests the extract', () => {
    expect(landed('ingest')).toBe(true);
    const ingest = summary.steps.find((s) => s.name === 'ingest')!;
    expect(ingest.counts!.read).toBe(ingest.counts!.loaded! + ingest.counts!.rejected!);
  });

  it('writes results.json with the planted headline among the findings', () => {
    expect(landed('analyze')).toBe(true);
    expect(existsSync(join(summary.out, 'results.json'))).toBe(true);
    expect(summary.headline?.found).toBe(true);
  });

  it('writes report.html and prints its absolute path', () => {
    expect(landed('report')).toBe(true);
    expect(summary.report).toBe(join(summary.out, 'report.html'));
    expect(existsSync(summary.report!)).toBe(true);
    const html = readFileSync(summary.report!, 'utf8');
    expect(html).toContain('Key findings');
    expect(html).toContain('<svg role="img"');
    // The analysis writes results.public.json, so the demo writes the public edition too.
    expect(summary.publicReport).toBe(join(summary.out, 'report-public.html'));
    const pub = readFileSync(summary.publicReport!, 'utf8');
    expect(pub).toContain('Public edition');
    // No count below the suppression threshold in the public edition (every number in it is marked).
    const min = (JSON.parse(readFileSync(join(summary.out, 'results.public.json'), 'utf8')) as ResultsFile)
      .settings.suppressionThreshold;
    const counts = marks(pub).filter((m) => m.field && !m.field.includes(' / ') && COUNTS.test(m.field));
    expect(counts.length).toBeGreaterThan(0);
    for (const m of counts) expect(Number(m.value) === 0 || Number(m.value) >= min, m.field).toBe(true);
  });

  it('writes a report that passes the browser and axe-core checks (when Chromium is installed)', async (ctx) => {
    if (!haveChromium) ctx.skip();
    const browser = await launch();
    try {
      expect(
        await inspectReport(browser, summary.report!, {
          findings: summary.steps.some((s) => (s.counts?.findings ?? 0) > 0),
          pdf: false,
          sample: true,
        }),
      ).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);

  it('prints steps with timings in table mode', async () => {
    const io2 = captureIO(dir);
    expect(await main(['node', 'equilens', 'demo', '--patients', '200', '--out', 'small'], io2)).toBe(0);
    expect(io2.stdout).toMatch(/1\. Generate a synthetic health system/);
    expect(io2.stdout).toMatch(/done \(\d+\.\d s\)/);
    expect(io2.stdout).toContain(join(dir, 'small'));
  });
});
