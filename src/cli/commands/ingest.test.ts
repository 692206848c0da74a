import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../config/load.js';
import { project } from '../../ingest/__fixtures__/project.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const run = async (args: string[], cwd: string) => {
  const io = captureIO(cwd);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('equilens ingest / datasets / init', () => {
  it('ingest --format json prints the dataset and the reconciliation', async () => {
    const p = project();
    const r = await run(
      [
        'ingest',
        '--config',
        'equilens.yaml',
        '--data',
        'extract.csv',
        '--workspace',
        'ws',
        '--format',
        'json',
        '--quiet',
      ],
      p.dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      dataset: Record<string, unknown>;
      reconciliation: Record<string, unknown>;
    };
    expect(json.dataset).toMatchObject({ version: 1, rows: 7, patients: 4 });
    expect(json.reconciliation).toMatchObject({ read: 7, loaded: 7, rejected: 0 });
    expect(Object.keys(json.reconciliation)).toEqual(
      expect.arrayContaining(['files', 'rejections', 'unmapped']),
    );
    expect(r.err).toBe(''); // not a TTY: no progress
  });

  it('ingest prints a table, and an error as one line with exit code 1', async () => {
    // One row kept: an ingest that loads no row is refused (issue #10 item 6).
    const p = project({ rows: ['p1,e1,not-a-date,B,N,F,MCR,NO,1', 'p2,e2,2024-01-01,B,N,F,MCR,NO,1'] });
    const ok = await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws'], p.dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Rows read 2 = loaded 1 \+ rejected 1/);
    expect(ok.out).toContain('not a date');
    expect(existsSync(join(p.dir, 'ws', 'rejections-v1.internal.csv'))).toBe(true);
    const bad = await run(['ingest', '--config', 'missing.yaml', '--workspace', 'ws'], p.dir);
    expect(bad.code).toBe(1);
    expect(bad.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('datasets lists versions as a table and as JSON', async () => {
    const p = project();
    await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '--quiet'], p.dir);
    // Unchanged content makes a new version only with --force.
    const same = await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '--quiet'], p.dir);
    expect(same.out).toMatch(/unchanged since version 1/);
    await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '--quiet', '--force'], p.dir);
    const json = await run(['datasets', '--workspace', 'ws', '--format', 'json'], p.dir);
    expect(json.code).toBe(0);
    const list = (JSON.parse(json.out) as { datasets: { version: number; rows: { read: number } }[] })
      .datasets;
    expect(list.map((d) => [d.version, d.rows.read])).toEqual([
      [1, 7],
      [2, 7],
    ]);
    const table = await run(['datasets', '--workspace', 'ws'], p.dir);
    expect(table.out).toMatch(/version\s+id/);
    const none = await run(['datasets', '--workspace', 'nowhere'], p.dir);
    expect(none.code).toBe(1);
  });

  it('init writes a valid commented config and refuses to overwrite without --force', async () => {
    const p = project();
    const first = await run(['init', '--config', 'new.yaml'], p.dir);
    expect(first.code).toBe(0);
    const text = readFileSync(join(p.dir, 'new.yaml'), 'utf8');
    expect(text).toMatch(/^# /);
    expect(() => parseConfigText(text)).not.toThrow();
    const again = await run(['init', '--config', 'new.yaml'], p.dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/--force/);
    expect((await run(['init', '--config', 'new.yaml', '--force'], p.dir)).code).toBe(0);
  });
});
