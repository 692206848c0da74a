/**
 * Results of the community, payer-mix and workforce commands are written beside `results.json` as
 * `<command>.json` (results.json keeps its own schema).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function writeResults(dir: string, cwd: string, key: string, value: unknown): void {
  const folder = resolve(cwd, dir);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${key}.json`), JSON.stringify(value, null, 2) + '\n');
}
