/**
 * The first hour with your own data (issue #13, done-when): a small messy extract written for it
 * (test/fixtures/messy-extract, its README lists each problem by line) goes init → ingest → analyze →
 * public report. Each problem is reported at its line; nothing aborts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../support/needs.js';

const EXTRACT = join(ROOT, 'test', 'fixtures', 'messy-extract', 'extract.csv');

interface Rejection {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}
interface IngestJson {
  reconciliation: {
    read: number;
    loaded: number;
    rejected: number;
    rejections: Rejection[];
    unmapped: { attribute: string; code: string; rows: number }[];
  };
}
interface QualityJson {
  fields: { field: string; declined: number; missing: number; unknown: number; conflicting: number }[];
}

describe('a messy extract from init to a public report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-messy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]) => {
    const io = captureIO(dir);
    const code = await main(['node', 'equilens', ...args], io);
    return { code, ...io };
  };
  let ingest: IngestJson;

  it('init writes a config the extract fits', async () => {
    expect((await run('init', '-q')).code).toBe(0);
  });

  it('ingest loads the rest and reports every bad row at its line', async () => {
    const r = await run('ingest', '--data', EXTRACT, '--format', 'json', '-q');
    expect(r.code, r.stderr).toBe(0);
    ingest = JSON.parse(r.stdout) as IngestJson;
    const rec = ingest.reconciliation;
    expect(rec.read).toBe(200);
    expect(rec.loaded + rec.rejected).toBe(rec.read);
    for (const x of rec.rejections) expect(x.file).toBe(EXTRACT);
    const at = (line: number) => rec.rejections.find((x) => x.line === line);
    expect(at(120)).toMatchObject({ column: 'encounter_date' }); // 2024-13-45
    expect(at(122)).toMatchObject({ column: 'encounter_date' }); // 02/30/2024
    // A bad birth date is reported at its line: today as a rejection; once the ingest keeps the visit with
    // age unknown (issue #13 item 2) it is loaded instead, and this line may go.
    if (at(121)) expect(at(121)).toMatchObject({ column: 'birth_date' });
    expect(rec.unmapped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: 'race', code: 'Z', rows: 2 }),
        expect.objectContaining({ attribute: 'payer', code: 'XYZ', rows: 1 }),
      ]),
    );
  });

  it('rejects the short and the long row at their lines instead of aborting', () => {
    const at = (line: number) => ingest.reconciliation.rejections.find((x) => x.line === line);
    expect(at(100)?.reason).toMatch(/field/i); // 10 fields, the header has 12
    expect(at(150)?.reason).toMatch(/field/i); // 13 fields
    // Nothing else is rejected: blanks, Declined, unknown codes and duplicates load.
    const lines = ingest.reconciliation.rejections.map((x) => x.line).sort((a, b) => a - b);
    expect(lines.filter((l) => ![100, 120, 121, 122, 150].includes(l))).toEqual([]);
  });

  it('the quality report counts blanks, Declined and the duplicate MRN with two sexes', async () => {
    const r = await run('quality', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const q = JSON.parse(r.stdout) as QualityJson;
    const field = (f: string) => q.fields.find((x) => x.field === f)!;
    expect(field('race').missing).toBeGreaterThan(0);
    expect(field('race').declined).toBeGreaterThan(0);
    expect(field('race').unknown).toBeGreaterThan(0); // the unmapped Z
    expect(field('sex').conflicting).toBe(1); // P007: F on line 8, M on line 128
  });

  it('analyze writes a public edition and report builds the public report from it', async () => {
    const a = await run('analyze', '--out', 'out', '-q');
    expect(a.code, a.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'results.public.json'))).toBe(true);
    const p = await run('report', '--audience', 'public', '--out', 'out');
    expect(p.code, p.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'report-public.html'))).toBe(true);
    expect(p.stdout).toContain('results.public.json');
  });
});
