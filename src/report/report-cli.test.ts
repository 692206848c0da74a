import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { fixtureResults } from './__fixtures__/results.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('equilens report', () => {
  it('writes report.html and a JSON summary', async () => {
    writeFileSync(join(dir, 'results.json'), JSON.stringify(fixtureResults()));
    const io = captureIO(dir);
    const code = await main(
      [
        'node',
        'equilens',
        'report',
        '--results',
        'results.json',
        '--out',
        'out',
        '--lang',
        'es',
        '--format',
        'json',
      ],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const summary = JSON.parse(io.stdout) as { file: string; findings: number; lang: string };
    expect(summary).toMatchObject({ file: join(dir, 'out', 'report.html'), findings: 10, lang: 'es' });
    expect(readFileSync(summary.file, 'utf8')).toContain('Informe de equidad en salud');
  });

  it('builds the public edition from results.public.json by default', async () => {
    writeFileSync(join(dir, 'results.public.json'), JSON.stringify(fixtureResults('public')));
    const io = captureIO(dir);
    const code = await main(
      ['node', 'equilens', 'report', '--out', '.', '--audience', 'public', '--file', 'public.html'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    expect(io.stdout).toMatch(/Wrote the public report \(en\): public\.html/);
    expect(existsSync(join(dir, 'public.html'))).toBe(true);
  });

  it('refuses a public report from unsuppressed results (small_cell, exit 1, says how to fix)', async () => {
    const io = captureIO(dir);
    const code = await main(
      ['node', 'equilens', 'report', '--results', 'results.json', '--out', '.', '--audience', 'public'],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/small-cell suppression/);
    expect(io.stderr).toMatch(/results\.public\.json/);
  });

  it('says what to do when there is no results file', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'report', '--out', 'nowhere'], io)).toBe(1);
    expect(io.stderr).toMatch(/equilens analyze/);
  });
});
