import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { openDuckDB } from './duckdb/duckdb-driver.js';
import { listWorkforceVersions } from './workforce/index.js';
import {
  WORKSPACE_FILE,
  createDatasetVersion,
  getDataset,
  listDatasets,
  openWorkspace,
} from './workspace.js';

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

describe('a workspace written before the shared catalogue (engine/catalog.ts)', () => {
  /** The catalogue tables and rows exactly as the earlier code created them (positional INSERTs). */
  async function oldWorkspace(): Promise<string> {
    const dir = tempDir();
    const engine = await openDuckDB(join(dir, WORKSPACE_FILE));
    const common = `version INTEGER PRIMARY KEY, id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
      config_hash VARCHAR, created_at VARCHAR NOT NULL, rows_read BIGINT NOT NULL,
      rows_loaded BIGINT NOT NULL, rows_rejected BIGINT NOT NULL`;
    await engine.run(`CREATE TABLE dataset_versions (${common}, patients BIGINT NOT NULL,
      measure_rows BIGINT NOT NULL, meta VARCHAR NOT NULL)`);
    await engine.run(`CREATE TABLE workforce_versions (${common}, employees BIGINT NOT NULL,
      periods BIGINT NOT NULL, meta VARCHAR NOT NULL)`);
    await engine.run(`CREATE SCHEMA ds_1`);
    await engine.run(`INSERT INTO dataset_versions VALUES
      (1, 'v1-abcdef01', 'abcdef0123', 'cfg', '2025-01-01T00:00:00.000Z', 5, 4, 1, 3, 7, '{"a":1}')`);
    await engine.run(`INSERT INTO workforce_versions VALUES
      (1, 'wf1-12345678', '1234567890', NULL, '2025-01-02T00:00:00.000Z', 9, 8, 1, 6, 2, '{}')`);
    await engine.close();
    return dir;
  }

  it('still lists its datasets and workforce versions, read-only and read-write', async () => {
    const dir = await oldWorkspace();
    for (const readOnly of [true, false]) {
      const ws = await openWorkspace(dir, { readOnly });
      try {
        expect(await listDatasets(ws.engine)).toEqual([
          {
            version: 1,
            id: 'v1-abcdef01',
            schema: 'ds_1',
            contentHash: 'abcdef0123',
            configHash: 'cfg',
            createdAt: '2025-01-01T00:00:00.000Z',
            rows: { read: 5, loaded: 4, rejected: 1 },
            patients: 3,
            measureRows: 7,
            meta: { a: 1 },
          },
        ]);
        const [wf] = await listWorkforceVersions(ws.engine);
        expect(wf).toMatchObject({ id: 'wf1-12345678', configHash: null, employees: 6, periods: 2 });
        expect(wf?.rows).toEqual({ read: 9, loaded: 8, rejected: 1 });
      } finally {
        await ws.close();
      }
    }
  });

  it('takes the next version after the old ones', async () => {
    const ws = await openWorkspace(await oldWorkspace());
    try {
      const v2 = await createDatasetVersion(
        ws.engine,
        { contentHash: 'ee00ee00ee', rows: { read: 1, loaded: 1, rejected: 0 } },
        () => Promise.resolve(),
      );
      expect(v2).toMatchObject({ version: 2, id: 'v2-ee00ee00', patients: 0, measureRows: 0 });
      expect((await listDatasets(ws.engine)).map((d) => d.id)).toEqual(['v1-abcdef01', 'v2-ee00ee00']);
    } finally {
      await ws.close();
    }
  });
});
