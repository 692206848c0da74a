/**
 * Robustness with real processes: `kill -9` of the server in the middle of writes loses no acknowledged
 * record and leaves no half-written one (each request is one transaction: a unit and its audit entry
 * commit together or not at all), and the server starts again cleanly on the same store — PGlite and
 * PostgreSQL. Two server processes on one PostgreSQL both serve and write, and each sees the other's writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresUrl, ROOT } from '../../test/support/needs.js';
import {
  createApiToken,
  createUser,
  listAudit,
  listUnits,
  openStore,
  type StoreOptions,
} from '../store/index.js';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** `equilens serve` as its own process; resolves with its URL once it listens. */
async function serve(workspace: string, databaseUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'test/support/cli-entry.ts'),
      'serve',
      '--workspace',
      workspace,
      '--config',
      join(workspace, 'none.yaml'),
      '--port',
      '0',
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /workspace on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

async function seedToken(opts: StoreOptions): Promise<string> {
  const store = await openStore(opts);
  try {
    const u = await createUser(store.db, 't', {
      username: 'admin',
      displayName: 'Admin',
      role: 'administrator',
      passwordHash: null,
    });
    return (await createApiToken(store.db, 't', u.id, 'crash', 3_600_000)).token;
  } finally {
    await store.close();
  }
}

const addUnit = (url: string, token: string, name: string) =>
  fetch(new URL('/api/v1/units', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'department', name }),
  });

/** Write continuously with 8 requests in flight, kill -9 after `after` acknowledgements; return those acknowledged. */
async function writeThenKill(
  child: ChildProcess,
  url: string,
  token: string,
  after: number,
): Promise<Set<string>> {
  const acked = new Set<string>();
  let n = 0;
  let dead = false;
  const exited = new Promise((r) => child.once('exit', r));
  const worker = async () => {
    while (!dead) {
      const name = `Unit ${n++}`;
      try {
        const res = await addUnit(url, token, name);
        if (res.status === 201) acked.add(name);
        if (acked.size >= after && !dead) {
          dead = true;
          child.kill('SIGKILL');
        }
      } catch {
        // the server died with this request in flight
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await exited;
  return acked;
}

async function checkStore(opts: StoreOptions, acked: Set<string>): Promise<void> {
  const store = await openStore(opts);
  try {
    const units = await listUnits(store.db);
    const names = new Set(units.map((u) => u.name));
    expect(
      [...acked].filter((a) => !names.has(a)),
      'acknowledged but lost',
    ).toEqual([]);
    const created = (await listAudit(store.db, 1_000_000)).filter((e) => e.action === 'unit.create');
    expect(
      new Set(created.map((e) => e.record_id)),
      'every unit has its audit entry and no entry lacks its unit',
    ).toEqual(new Set(units.map((u) => u.id)));
  } finally {
    await store.close();
  }
}

async function restartAndWrite(workspace: string, token: string, databaseUrl?: string): Promise<void> {
  const again = await serve(workspace, databaseUrl);
  expect((await addUnit(again.url, token, 'After restart')).status).toBe(201);
  expect((await fetch(new URL('/healthz', again.url))).status).toBe(200);
  const gone = new Promise((r) => again.child.once('exit', r));
  again.child.kill('SIGTERM');
  await gone;
}

describe('kill -9 in the middle of writes', () => {
  it('on PGlite: no acknowledged record lost, none half-written, clean restart', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'eq-crash-'));
    dirs.push(workspace);
    const opts = { dir: join(workspace, 'app') };
    const token = await seedToken(opts);
    const { child, url } = await serve(workspace);
    const acked = await writeThenKill(child, url, token, 40);
    expect(acked.size).toBeGreaterThanOrEqual(40);
    await checkStore(opts, acked);
    await restartAndWrite(workspace, token);
  }, 180_000);

  const dbUrl = postgresUrl();
  it.skipIf(!dbUrl)(
    'on PostgreSQL: the same, and two processes serve and write together',
    async () => {
      const schema = `crash_${randomBytes(4).toString('hex')}`;
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      const url = new URL(dbUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const opts = { databaseUrl: dbUrl!, schema };
      const token = await seedToken(opts);
      const workspace = mkdtempSync(join(tmpdir(), 'eq-crash-pg-'));
      dirs.push(workspace);
      const one = await serve(workspace, url.toString());
      const acked = await writeThenKill(one.child, one.url, token, 40);
      await checkStore(opts, acked);
      await restartAndWrite(workspace, token, url.toString());

      const [a, b] = await Promise.all([serve(workspace, url.toString()), serve(workspace, url.toString())]);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          addUnit(i % 2 ? a.url : b.url, token, `Both ${i}`).then((r) => r.status),
        ),
      );
      expect(results.every((s) => s === 201)).toBe(true);
      for (const s of [a, b]) {
        const listed = (await (
          await fetch(new URL('/api/v1/units', s.url), { headers: { authorization: `Bearer ${token}` } })
        ).json()) as {
          units: { name: string }[];
        };
        expect(listed.units.filter((u) => u.name.startsWith('Both ')).length).toBe(20);
      }
      await checkStore(opts, new Set([...acked, ...Array.from({ length: 20 }, (_, i) => `Both ${i}`)]));
      for (const s of [a, b]) s.child.kill('SIGTERM');
    },
    240_000,
  );
});
