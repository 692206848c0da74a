/**
 * DuckDB settings for a stretch of a FHIR load, restored afterwards (an engine whose dialect has no session settings: unchanged):
 * - `threads` while reading: the reader threads (JavaScript) keep the cores busy meanwhile, and DuckDB
 *   inserting staged files on fewer threads spends less CPU in all (no per-thread row groups to merge); it
 *   gets the cores the readers leave, at least one. The finalisation after reading gets them all back.
 * - `write_buffer_row_group_count = 1` for the whole load: each full row group is compressed and written as
 *   it fills (while reading goes on) instead of being buffered until the commit, after reading.
 */
import type { Engine } from '../../engine/dialect.js';

/** Run `fn` with DuckDB settings changed to `want` (integers), then restore them. */
export async function withSettings<T>(
  engine: Engine,
  want: Readonly<Record<string, number>>,
  fn: () => Promise<T>,
): Promise<T> {
  const settings = engine.dialect.settings;
  if (!settings) return fn();
  const names = Object.keys(want);
  const before = await settings.read(engine, names);
  const changed = names.filter((n) => Number.isInteger(before.get(n)) && before.get(n) !== want[n]);
  for (const n of changed) await settings.set(engine, n, want[n] as number);
  const restore = async (): Promise<void> => {
    for (const n of changed) await settings.set(engine, n, before.get(n) as number);
  };
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await restore().catch(() => undefined); // the first error is the one to see
    throw err;
  }
  await restore();
  return result;
}

/** Settings for the whole load. */
export const LOAD_SETTINGS = { write_buffer_row_group_count: 1 } as const;

/** Settings while `readers` threads read, on a machine with `cores` cores. */
export const readingSettings = (cores: number, readers: number): Record<string, number> => ({
  threads: Math.max(1, cores - readers),
});
