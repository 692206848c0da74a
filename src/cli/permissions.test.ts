/**
 * Permission faults are named (issue #10 item 10): an input the user may not read and a workspace folder
 * they may not create are `io_failure` (exit 1) naming the path; a workspace they may only read (someone
 * else's, or chmod -w) is still listed. Run as an unprivileged user: as root, through `setpriv` as nobody
 * (root ignores permissions); otherwise as the current user.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { need } from '../../test/support/needs.js';
import { project } from '../ingest/__fixtures__/project.js';
import { captureIO } from './io.js';
import { main } from './main.js';

const CLI = fileURLToPath(new URL('./__fixtures__/run-cli.ts', import.meta.url));
const root = process.getuid?.() === 0;
const SETPRIV = '/usr/bin/setpriv';
const usable = !root || need(existsSync(SETPRIV), 'setpriv (util-linux)', 'apt-get install -y util-linux');

/** `equilens ARGS --format json` as an unprivileged user: exit code and parsed error (if any). */
async function asUser(...args: string[]) {
  const node = [process.execPath, '--import', 'tsx', CLI, ...args, '--format', 'json'];
  const [cmd, ...argv] = root
    ? [SETPRIV, '--reuid', '65534', '--regid', '65534', '--clear-groups', 'env', `HOME=${tmpdir()}`, ...node]
    : node;
  const r = await promisify(execFile)(cmd!, argv, { timeout: 120_000 }).then(
    (x) => ({ code: 0, stdout: x.stdout, stderr: x.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const error = r.stderr.trim()
    ? (JSON.parse(r.stderr) as { error: { code: string; message: string; details: { file?: string } } }).error
    : undefined;
  return { code: r.code, stdout: r.stdout, error };
}

describe.skipIf(!usable)('permission faults, as an unprivileged user', () => {
  it('an unreadable input and an uncreatable workspace are named; a read-only workspace is listed', async () => {
    const p = project();
    // The project is world-readable (mkdtemp makes 0700 folders) but its extract is readable by no one
    // (mode 000), and the workspace is to go in a folder no one may write (mode 555).
    chmodSync(p.dir, 0o755);
    chmodSync(p.config, 0o644);
    chmodSync(p.data, 0o000);
    const locked = mkdtempSync(join(tmpdir(), 'equilens-locked-'));
    chmodSync(locked, 0o555);
    const unreadable = await asUser('ingest', '--config', p.config, '--workspace', join(locked, 'ws'));
    expect(unreadable.code).toBe(1);
    expect(unreadable.error).toMatchObject({
      code: 'io_failure',
      message: 'Permission denied: this user may not open it.',
      details: { file: p.data },
    });

    chmodSync(p.data, 0o644);
    const noWorkspace = await asUser('ingest', '--config', p.config, '--workspace', join(locked, 'ws'));
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.error).toMatchObject({
      code: 'io_failure',
      message: 'Permission denied: this user may not create it.',
      details: { file: join(locked, 'ws') },
    });

    // A workspace made read-only (chmod -w, as archived) is still listed.
    const ws = join(p.dir, 'ws');
    const io = captureIO(p.dir);
    expect(
      await main(['node', 'equilens', 'ingest', '--config', p.config, '--workspace', ws, '--quiet'], io),
    ).toBe(0);
    chmodSync(join(ws, 'equilens.duckdb'), 0o444);
    chmodSync(ws, 0o555);
    const list = await asUser('datasets', '--config', p.config, '--workspace', ws);
    expect([list.code, list.error]).toEqual([0, undefined]);
    expect(
      (JSON.parse(list.stdout) as { datasets: { version: number }[] }).datasets.map((d) => d.version),
    ).toEqual([1]);
    chmodSync(ws, 0o755);
  }, 240_000);
});
