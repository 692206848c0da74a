/**
 * What `equilens ingest` prints for a messy extract and for a source of many files (issue #13 items 2
 * and 9): rejections as `file:line:column: reason`, a per-source summary, the per-file table in a file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, project } from '../../ingest/__fixtures__/project.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const run = async (args: string[], cwd: string) => {
  const io = captureIO(cwd);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
};

describe('equilens ingest output', () => {
  it('lists each rejection as file:line:column: reason and names the internal rejections file', async () => {
    const rows = ['p1,e1,2024-01-05,B,N,F,MCR,NO,1', 'p2,e2,2024-13-45,B,N,F,MCR,NO,1', 'p3,e3,2024-01-05,B'];
    const p = project({ rows });
    const r = await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws'], p.dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${p.data}:3:date: month 13 does not exist`);
    expect(r.out).toContain(`${p.data}:4:eth: the row has 4 fields, the header has 9`);
    expect(r.out).toContain(`${join(p.dir, 'ws', 'rejections-v1.internal.csv')} (internal:`);
  });

  it('prints one row per source and writes the per-file table to a file', async () => {
    const p = project();
    const files = Array.from({ length: 12 }, (_, i) => {
      const f = join(p.dir, `part-${String(i).padStart(2, '0')}.csv`);
      writeFileSync(f, `${HEADER}\np${i},e${i},2024-01-05,B,N,F,MCR,NO,1\n`);
      return f;
    });
    const args = ['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '--data', ...files];
    const table = await run(args, p.dir);
    expect(table.code).toBe(0);
    expect(table.out).not.toContain('part-00.csv'); // 12 files: not one table row each
    expect(table.out).toMatch(/extract\s+csv\s+12\s+12\s+12\s+0/);
    const perFile = join(p.dir, 'ws', 'files-v1.csv');
    expect(table.out).toContain(`Per-file counts (12 files): ${perFile}`);
    const lines = readFileSync(perFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('source,file,read,loaded,rejected');
    expect(lines.slice(1)).toEqual(files.map((f) => `extract,${f},1,1,0`));

    // JSON keeps `files` (one entry per file) and adds `sources` and `filesFile`.
    const json = await run([...args, '--format', 'json', '--force'], p.dir);
    const rec = (JSON.parse(json.out) as { reconciliation: Record<string, unknown> }).reconciliation;
    expect(rec.files).toHaveLength(12);
    expect(rec.sources).toEqual([
      { source: 'extract', type: 'csv', files: 12, read: 12, loaded: 12, rejected: 0 },
    ]);
    expect(rec.filesFile).toBe(join(p.dir, 'ws', 'files-v2.csv'));
  });

  it('says unchanged since version N instead of making a new version', async () => {
    const p = project();
    await run(['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '-q'], p.dir);
    const again = await run(
      ['ingest', '--config', 'equilens.yaml', '--workspace', 'ws', '--format', 'json'],
      p.dir,
    );
    const json = JSON.parse(again.out) as { unchanged: { since: number }; dataset: { version: number } };
    expect([json.unchanged.since, json.dataset.version]).toEqual([1, 1]);
  });
});
