/**
 * bench/serve set-up shared by run.ts and profile.ts: a store with one signed-in council member and the
 * fixture analysis, the workspace server on loopback, and autocannon run in a second process.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fixtureResults } from '../../src/report/__fixtures__/results.js';
import { createSession, createUser, openStore, saveAnalysis } from '../../src/store/index.js';
import { startServer } from '../../src/server/index.js';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
export const CONNECTIONS = 50;
const AUTOCANNON = fileURLToPath(new URL('../../node_modules/.bin/autocannon', import.meta.url));

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** This process's CPU time (server, or floor) per request answered, in µs: steadier than req/s on a busy machine. */
  cpuUs: number;
}

/** autocannon in a child process (the load generator never shares the server's event loop). */
export async function load(url: string, headers: Record<string, string>, seconds = SECONDS): Promise<Load> {
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const cpu = process.cpuUsage();
  // Asynchronously: the server under test runs on this process's event loop.
  const { stdout: out } = await promisify(execFile)(
    AUTOCANNON,
    ['-j', '-c', String(CONNECTIONS), '-d', String(seconds), ...h, url],
    { maxBuffer: 64 << 20 },
  );
  const used = process.cpuUsage(cpu);
  const r = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuUs: (used.user + used.system) / Math.max(r.requests.total, 1),
  };
}

/**
 * The server with one council member signed in. A signed-in browser sends both cookies it was given, the
 * session and the CSRF token, so the load does too.
 */
export async function benchServer() {
  const before = process.memoryUsage().rss;
  const store = await openStore();
  /** What opening the in-memory PGlite store added to the resident set (most of the peak). */
  const storeMiB = (process.memoryUsage().rss - before) / 1048576;
  const user = await createUser(store.db, 'bench', {
    username: 'bench',
    displayName: 'Bench',
    role: 'council_member',
    passwordHash: null,
  });
  const analysis = await saveAnalysis(store.db, 'bench', 'Bench', fixtureResults());
  const token = await createSession(store.db, user.id, 3_600_000);
  const server = await startServer({ workspace: '', port: 0, store });
  const headers = { cookie: `eq_session=${token}; eq_csrf=bench-csrf-token` };
  const cases = [
    { name: 'dashboard page', path: `dashboard?analysis=${analysis.id}` },
    {
      name: 'API GET /api/v1/analyses/:id/groups.json',
      path: `api/v1/analyses/${analysis.id}/groups.json`,
    },
  ];
  return {
    server,
    headers,
    cases,
    storeMiB,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
