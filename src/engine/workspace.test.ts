import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
