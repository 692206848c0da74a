import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSpec } from '../../synth/index.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-synth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('equilens synth', () => {
  it('writes the extract, config and truth and prints a JSON summary', async () => {
    const io = captureIO(dir);
    const code = await main(
      ['node', 'equilens', 'synth', '--patients', '500', '--seed', '3', '--format', 'json'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const summary = JSON.parse(io.stdout) as { patients: number; rows: number; files: { extract: string } };
    expect(summary.patients).toBe(500);
    expect(summary.files.extract).toBe(join(dir, 'synth-data', 'extract.csv'));
  });

  it('prints a spec that validates, and reads it back with --spec', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'synth', '--print-spec'], io)).toBe(0);
    expect(() => parseSpec(parse(io.stdout))).not.toThrow();
  });

  it('exits 1 on a bad --patients', async () => {
    const io = captureIO(dir);
    expect(await main(['node', 'equilens', 'synth', '--patients', 'many'], io)).toBe(1);
  });
});
