/**
 * A full disk during ingest is named ("No space left on device", exit 1), not reported as a bug, and leaves
 * no version behind. Real: the workspace is on a 2 MB tmpfs (skipped when mounting is not permitted).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { listDatasets, openWorkspace } from '../engine/workspace.js';
import { main } from '../cli/main.js';
import { HEADER, project } from './__fixtures__/project.js';
import { mountTmpfs, type Tmpfs } from '../../test/support/tmpfs.js';

// Enough rows (over two DuckDB row groups of 122,880) that the load writes blocks to the database file during the
// transaction (not only at commit): the failure comes from inside the loader, where a cleanup used to mask it.
const ROWS = 300_000;

function bigExtract(): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) lines.push(`p${i % 40_000},e${i},2024-0${1 + (i % 9)}-05,B,N,F,MCR,NO,1`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('disk full during ingest', () => {
  let fs: Tmpfs | undefined;
  afterAll(() => fs?.unmount());

  it('names "No space left on device" and the file, exit 1, and stores no version', async () => {
    fs = mountTmpfs('2m');
    if (!fs) return;
    const p = project({ raw: bigExtract() });
    const workspace = join(fs.dir, 'ws');
    const io = captureIO(p.dir);
    const args = ['ingest', '--config', p.config, '--workspace', workspace, '--quiet', '--format', 'json'];
    const code = await main(['node', 'equilens', ...args], io);
    const err = (
      JSON.parse(io.stderr) as { error: { code: string; message: string; details: Record<string, unknown> } }
    ).error;
    expect(code).toBe(1);
    expect(err.code).toBe('io_failure');
    expect(err.message).toMatch(/^No space left on device while writing/);
    expect(err.details.file).toMatch(new RegExp(`^${workspace}/equilens\\.duckdb`));
    expect(err.message).not.toMatch(/transaction is aborted/i);
    // The plain form says what and where, and does not call it a bug.
    const plain = captureIO(p.dir);
    expect(await main(['node', 'equilens', ...args.slice(0, -2)], plain)).toBe(1);
    expect(plain.stderr).toMatch(/equilens\.duckdb[^:]*: No space left on device/);
    expect(plain.stderr).not.toMatch(/bug/);
    const ws = await openWorkspace(workspace, { readOnly: true });
    try {
      expect(await listDatasets(ws.engine)).toEqual([]);
    } finally {
      await ws.close();
    }
  }, 120_000);
});
