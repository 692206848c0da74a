/** Test helper: load FHIR paths into a fresh workspace's first dataset version. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema, type EquilensConfig } from '../../../config/index.js';
import { createDatasetVersion, openWorkspace, type Workspace } from '../../../engine/workspace.js';
import type { LoadResult, SourceLoader } from '../../source-loader.js';
import { loadFhir } from '../index.js';

export interface Loaded {
  ws: Workspace;
  result: LoadResult;
  schema: string;
  all<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function loadPaths(
  paths: string[],
  source: Record<string, unknown> = {},
  loader: SourceLoader = loadFhir,
): Promise<Loaded> {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-test-'));
  const ws = await openWorkspace(dir);
  const config: EquilensConfig = ConfigSchema.parse({
    project: { name: 'test' },
    sources: [{ name: 'fhir', type: 'fhir', path: 'x', ...source }],
    mapping: { patient_id: 'id' },
  });
  let result: LoadResult | undefined;
  let version;
  try {
    version = await createDatasetVersion(
      ws.engine,
      { contentHash: '0123456789abcdef', rows: { read: 0, loaded: 0, rejected: 0 } },
      async (schema, tx) => {
        result = await loader({ engine: tx, schema, source: config.sources[0]!, config, paths });
      },
    );
  } catch (err) {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    ws,
    result: result as LoadResult,
    schema: version.schema,
    all: (sql) => ws.engine.all(sql.replace(/\bds\./g, `${version.schema}.`)),
    close: async () => {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
