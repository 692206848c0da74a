import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { createDatasetVersion, getDataset, listDatasets, openWorkspace } from './workspace.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'equilens-ws-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('workspace', () => {
  it('creates immutable versions and leaves nothing behind when a load fails', async () => {
    const ws = await openWorkspace(tempDir());
    const v1 = await createDatasetVersion(
      ws.engine,
      { contentHash: 'abcdef0123456789', rows: { read: 1, loaded: 1, rejected: 0 } },
      async (schema, tx) => {
        await tx.run(`INSERT INTO ${schema}.patients (patient_id) VALUES ('p1')`);
      },
    );
    expect(v1).toMatchObject({ version: 1, id: 'v1-abcdef01', patients: 1 });

    await expect(
      createDatasetVersion(
        ws.engine,
        { contentHash: 'ff', rows: { read: 1, loaded: 1, rejected: 0 } },
        async (s, tx) => {
          await tx.run(`INSERT INTO ${s}.patients (patient_id) VALUES ('p2')`);
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');

    expect((await listDatasets(ws.engine)).map((d) => d.version)).toEqual([1]);
    const schemas = await ws.engine.all(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'ds_%'`,
    );
    expect(schemas).toEqual([{ schema_name: 'ds_1' }]);
    expect((await getDataset(ws.engine)).version).toBe(1);
    await expect(getDataset(ws.engine, 7)).rejects.toThrow(/not in the workspace/);
    await ws.close();
  });
});

describe('read-only workspace', () => {
  const HOLD = fileURLToPath(new URL('./__fixtures__/hold-open.ts', import.meta.url));

  async function oneVersion(): Promise<string> {
    const dir = tempDir();
    const ws = await openWorkspace(dir);
    await createDatasetVersion(
      ws.engine,
      { contentHash: 'ab', rows: { read: 1, loaded: 1, rejected: 0 } },
      () => Promise.resolve(),
    );
    await ws.close();
    return dir;
  }

  /** Two processes that each open `dir` and keep it open until both have. */
  async function twoAtOnce(dir: string, mode: 'ro' | 'rw', waitMs: number) {
    const markers = join(tempDir(), 'markers');
    mkdirSync(markers);
    const run = (id: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', HOLD, dir, markers, id, mode, String(waitMs)],
        {
          timeout: 60_000,
        },
      ).then(
        (r) => JSON.parse(r.stdout) as { first: number[]; second: number[]; both: boolean },
        (e: Error & { stderr?: string }) => new Error(e.stderr ?? e.message),
      );
    return Promise.all([run('a'), run('b')]);
  }

  it('two processes read one workspace at once', async () => {
    const dir = await oneVersion();
    const [a, b] = await twoAtOnce(dir, 'ro', 30_000);
    expect(a).toEqual({ first: [1], second: [1], both: true });
    expect(b).toEqual({ first: [1], second: [1], both: true });
  }, 90_000);

  it('(control) two read-write opens cannot: the second finds the workspace in use', async () => {
    const dir = await oneVersion();
    const results = await twoAtOnce(dir, 'rw', 2_000);
    const failed = results.filter((r) => r instanceof Error);
    expect(failed).toHaveLength(1);
    expect(String(failed[0])).toMatch(/in use by another Equilens process/);
  }, 90_000);

  it('opens nothing and creates nothing where there is no workspace', async () => {
    const dir = join(tempDir(), 'none');
    const e = await openWorkspace(dir, { readOnly: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EquilensError);
    expect((e as EquilensError).code).toBe('not_found');
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses writes through a read-only open', async () => {
    const ws = await openWorkspace(await oneVersion(), { readOnly: true });
    try {
      await expect(
        createDatasetVersion(
          ws.engine,
          { contentHash: 'cd', rows: { read: 1, loaded: 1, rejected: 0 } },
          () => Promise.resolve(),
        ),
      ).rejects.toThrow(/read-only/i);
      expect((await listDatasets(ws.engine)).map((d) => d.version)).toEqual([1]);
    } finally {
      await ws.close();
    }
  });
});
