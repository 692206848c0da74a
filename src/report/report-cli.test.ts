import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
      ['node', 'equilens', 'report', '--out', dir, '--lang', 'es', '--format', 'json'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    expect((JSON.parse(io.stdout) as { findings: number }).findings).toBe(1);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });
  it('refuses a public report from unsuppressed results (exit 1, says how to fix)', async () => {
    writeFileSync(join(dir, 'results.json'), JSON.stringify(fixtureResults('internal')));
    const io = captureIO(dir);
    const code = await main(['node', 'equilens', 'report', '--out', dir, '--audience', 'public'], io);
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/--public/);
  });
});
