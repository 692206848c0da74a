/**
 * What a test needs from the machine: PostgreSQL, Debian's Chromium, third-party data in `../shared/data`.
 * On a developer's machine a missing need skips the suite with a message saying how to provide it; with
 * `CI=true` it throws instead, so a CI machine that lost a dependency fails loudly rather than going green.
 *
 * @example
 *   const url = postgresUrl();                     // undefined → skipped (or failed under CI)
 *   describe.skipIf(!url)('on PostgreSQL', () => { … });
 *   describe.skipIf(!sharedData('uci-diabetes-130/diabetic_data.csv.gz'))('on UCI', () => { … });
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
const inCI = (): boolean => process.env.CI === 'true' || process.env.CI === '1';
const reported = new Set<string>();

/** `true` when available; else skips with a message, or throws under `CI=true`. */
export function need(available: boolean, what: string, fix: string): boolean {
  if (available) return true;
  const message = `${what} is not available: ${fix}`;
  if (inCI()) throw new Error(`CI=true and ${message}`);
  if (!reported.has(message)) console.warn(`skipping tests that need ${message}`);
  reported.add(message);
  return false;
}

/** The PostgreSQL server for tests (`TEST_DATABASE_URL`), or undefined (skip; fail under CI). */
export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  const ok = need(
    Boolean(url),
    'PostgreSQL',
    'set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  );
  return ok ? url : undefined;
}

/** Whether Debian's Chromium is installed (skip; fail under CI). */
export function haveChromium(): boolean {
  return need(existsSync(CHROMIUM), `Chromium (${CHROMIUM})`, 'apt-get install -y chromium');
}

/** The absolute path of `../shared/data/<rel>` when present, else undefined (skip; fail under CI). */
export function sharedData(rel: string): string | undefined {
  const path = join(ROOT, '..', 'shared', 'data', rel);
  const ok = need(
    existsSync(path),
    `../shared/data/${rel}`,
    'put the shared data folder beside the repository',
  );
  return ok ? path : undefined;
}
