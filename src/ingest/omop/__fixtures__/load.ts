/** Test helper: load an OMOP source into a fresh workspace (temp folder) inside createDatasetVersion. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigSchema, type EquilensConfig } from '../../../config/index.js';
import type { Engine } from '../../../engine/dialect.js';
import { createDatasetVersion, openWorkspace } from '../../../engine/workspace.js';
import type { LoadResult } from '../../source-loader.js';
import { loadOmop } from '../index.js';

export const FIXTURE_CDM = fileURLToPath(new URL('./cdm', import.meta.url));
/** The Eunomia CDM in `../shared/data` beside the repository (tests check it with `sharedData`). */
export const EUNOMIA = fileURLToPath(
  new URL('../../../../../shared/data/omop-synthea27nj-eunomia', import.meta.url),
);

export function omopConfig(extra: Record<string, unknown> = {}): EquilensConfig {
  return ConfigSchema.parse({
    project: { name: 'omop test' },
    sources: [{ name: 'omop', type: 'omop', path: 'cdm' }],
    mapping: { patient_id: 'person_id' },
    ...extra,
  });
}

export interface Loaded {
  engine: Engine;
  schema: string;
  result: LoadResult;
  close(): Promise<void>;
}

/** Load `paths` as the config's first source; `after` runs in the same transaction (e.g. measures). */
export async function loadFixture(
  paths: string[],
  config: EquilensConfig = omopConfig(),
  after?: (engine: Engine, schema: string) => Promise<void>,
): Promise<Loaded> {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-omop-'));
  const ws = await openWorkspace(dir);
  let result: LoadResult | undefined;
  let version;
  try {
    version = await createDatasetVersion(
      ws.engine,
      { contentHash: '0123456789abcdef', rows: { read: 0, loaded: 0, rejected: 0 } },
      async (schema, tx) => {
        result = await loadOmop({ engine: tx, schema, source: config.sources[0]!, config, paths });
        await after?.(tx, schema);
      },
    );
  } catch (err) {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    engine: ws.engine,
    schema: version.schema,
    result: result as LoadResult,
    close: async () => {
      await ws.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
