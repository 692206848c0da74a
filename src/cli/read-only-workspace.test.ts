/**
 * An archived workspace (read-only) can still be listed, checked and analysed (issue #10 item 10): those
 * commands open it read-only. Writing to it (ingest, or a public edition it has not recorded) is an
 * io_failure naming the folder, exit 1. As root (which chmod does not stop) the workspace is on a tmpfs
 * remounted read-only; otherwise it is chmod -w.
 */
import { chmodSync, cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { mountTmpfs, type Tmpfs } from '../../test/support/tmpfs.js';
import { CONFIG, project } from '../ingest/__fixtures__/project.js';
import { captureIO } from './io.js';
import { main } from './main.js';

const root = process.getuid?.() === 0;

async function run(cwd: string, ...args: string[]) {
  const io = captureIO(cwd);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Make `dir` (and everything under it) read-only: chmod, or a tmpfs remounted read-only as root. */
function chmodTree(dir: string, writable: boolean): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) chmodTree(join(dir, e.name), writable);
    else chmodSync(join(dir, e.name), writable ? 0o644 : 0o444);
  }
  chmodSync(dir, writable ? 0o755 : 0o555);
}

describe('an archived (read-only) workspace', () => {
  let fs: Tmpfs | undefined;
  let chmodded: string | undefined;
  afterAll(() => {
    fs?.unmount();
    if (chmodded) chmodTree(chmodded, true);
  });

  it('is listed, checked and analysed; ingest and an unrecorded public edition are named I/O errors', async () => {
    const p = project();
    const ws = join(p.dir, 'ws');
    expect((await run(p.dir, 'ingest', '--config', p.config, '--workspace', ws, '--quiet')).code).toBe(0);
    const first = await run(
      p.dir,
      'analyze',
      '--config',
      p.config,
      '--workspace',
      ws,
      '--out',
      join(p.dir, 'o1'),
    );
    expect(first.code).toBe(0);
    let archive: string;
    if (root) {
      fs = mountTmpfs('32m');
      if (!fs) return;
      archive = join(fs.dir, 'ws');
      cpSync(ws, archive, { recursive: true });
      fs.remount(true);
    } else {
      archive = ws;
      chmodTree(ws, false);
      chmodded = ws;
    }
    const before = statSync(join(archive, 'equilens.duckdb')).mtimeMs;

    const list = await run(
      p.dir,
      'datasets',
      '--config',
      p.config,
      '--workspace',
      archive,
      '--format',
      'json',
    );
    expect([list.code, list.err]).toEqual([0, '']);
    expect(
      (JSON.parse(list.out) as { datasets: { version: number }[] }).datasets.map((d) => d.version),
    ).toEqual([1]);
    const quality = await run(
      p.dir,
      'quality',
      '--config',
      p.config,
      '--workspace',
      archive,
      '--format',
      'json',
    );
    expect([quality.code, quality.err]).toEqual([0, '']);
    // The same version and config: its public edition is recorded in the archive already.
    const out = join(p.dir, 'o2');
    const again = await run(p.dir, 'analyze', '--config', p.config, '--workspace', archive, '--out', out);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(existsSync(join(out, 'results.public.json'))).toBe(true);

    // Writing is refused, saying what and where (exit 1, not "a bug").
    const ingest = await run(
      p.dir,
      'ingest',
      '--config',
      p.config,
      '--workspace',
      archive,
      '--format',
      'json',
    );
    expect(ingest.code).toBe(1);
    const e = (
      JSON.parse(ingest.err) as { error: { code: string; message: string; details: { file?: string } } }
    ).error;
    expect(e.code).toBe('io_failure');
    expect(e.message).toMatch(root ? /^Read-only file system/ : /^(Permission denied|Read-only file system)/);
    expect(e.details.file).toContain(archive);
    // Another config is another public edition, which the archive cannot record: refused before any output.
    const other = join(p.dir, 'other.yaml');
    writeFileSync(other, stringify({ ...CONFIG, project: { name: 'Other' } }));
    const out3 = join(p.dir, 'o3');
    const unrecorded = await run(p.dir, 'analyze', '--config', other, '--workspace', archive, '--out', out3);
    expect(unrecorded.code).toBe(1);
    expect(unrecorded.err).toMatch(
      new RegExp(`${join(archive, 'releases')}.*: (Read-only file system|Permission denied)`),
    );
    expect(unrecorded.err).not.toMatch(/bug/);
    expect(existsSync(join(out3, 'results.public.json'))).toBe(false);
    expect(statSync(join(archive, 'equilens.duckdb')).mtimeMs).toBe(before);
  }, 120_000);
});
