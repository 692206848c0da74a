import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditModel } from '../audit/index.js';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { PLANTED, syntheticPredictions } from '../synth/predictions.js';
import { fixtureResults } from './__fixtures__/results.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-audit-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = syntheticPredictions({ seed: 9, perGroup: 600 }).map((r) => ({
  score: r.score,
  label: r.label,
  attributes: { race: r.race },
}));

async function report(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'report', '--out', 'out', ...args], io);
  return { code, err: io.stderr };
}

describe('equilens report --audit', () => {
  it('adds the model audit section with the planted problems', async () => {
    writeFileSync(join(dir, 'results.json'), JSON.stringify(fixtureResults()));
    writeFileSync(
      join(dir, 'audit.json'),
      JSON.stringify(auditModel(rows, { thresholds: [0.3], stratifiers: ['race'] })),
    );
    const { code, err } = await report('--results', 'results.json', '--audit', 'audit.json');
    expect(code, err).toBe(0);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<section id="model-audit">');
    const rowOf = (g: string) => html.split('<tr>').find((tr) => tr.startsWith(`<th scope="row">${g}</th>`))!;
    expect(rowOf(PLANTED.under)).toMatch(/under-predicts/);
    expect(rowOf(PLANTED.over)).toMatch(/over-predicts/);
  });

  it('refuses an unsuppressed audit in a public report and takes a suppressed one', async () => {
    writeFileSync(join(dir, 'results.public.json'), JSON.stringify(fixtureResults('public')));
    let r = await report('--results', 'results.public.json', '--audience', 'public', '--audit', 'audit.json');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--audience public/);
    writeFileSync(
      join(dir, 'audit-public.json'),
      JSON.stringify(auditModel(rows, { thresholds: [0.3], stratifiers: ['race'], audience: 'public' })),
    );
    r = await report(
      '--results',
      'results.public.json',
      '--audience',
      'public',
      '--audit',
      'audit-public.json',
    );
    expect(r.code, r.err).toBe(0);
  });

  it('leaves the report unchanged without --audit', async () => {
    writeFileSync(join(dir, 'results.json'), JSON.stringify(fixtureResults()));
    const { code } = await report('--results', 'results.json', '--file', 'plain.html');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'plain.html'), 'utf8')).not.toContain('model-audit');
  });
});
