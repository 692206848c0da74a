/**
 * bench/ingest/profile.ts: where an `ingest` of the bench extract (bench/ingest/setup.ts) spends its time,
 * statement by statement. Wraps DuckDBConnection.run in this process only (a bench tool: library code goes
 * through the engine driver) and prints, in execution order, each statement of 20 ms or more with its wall
 * time, the process's CPU time over it (all DuckDB threads, plus the content hash on the main thread) and
 * the start of its SQL. Not a benchmark (no peer): run it to decide what to speed up.
 *   BENCH_ROWS=2000000 node --import tsx bench/ingest/profile.ts     (SQL_CHARS=n: longer SQL excerpts)
 * EXPLAIN=<regex>: the statements matching it run under EXPLAIN ANALYZE, and their plans are printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { ingest } from '../../src/ingest/index.js';
import { benchConfig, generate } from './setup.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const SQL_CHARS = Number(process.env.SQL_CHARS ?? 110);
const EXPLAIN = process.env.EXPLAIN ? new RegExp(process.env.EXPLAIN) : null;
const timings: { sql: string; ms: number; cpu: number }[] = [];
const plans: string[] = [];
type Method = (this: DuckDBConnection, sql: string, ...rest: unknown[]) => Promise<unknown>;
{
  const proto = DuckDBConnection.prototype as unknown as Record<string, Method>;
  const original = proto.run!;
  proto.run = async function (this: DuckDBConnection, sql: string, ...rest: unknown[]) {
    const t = performance.now();
    const c = process.cpuUsage();
    try {
      if (!EXPLAIN?.test(sql)) return await original.call(this, sql, ...rest);
      const result = (await original.call(this, `EXPLAIN ANALYZE ${sql}`, ...rest)) as {
        getRows: () => Promise<unknown[][]>;
      };
      for (const row of await result.getRows()) plans.push(String(row[1]));
      return result;
    } finally {
      const u = process.cpuUsage(c);
      timings.push({
        sql: sql.replace(/\s+/g, ' ').slice(0, SQL_CHARS),
        ms: performance.now() - t,
        cpu: (u.user + u.system) / 1000,
      });
    }
  };
}

const dir = mkdtempSync(join(tmpdir(), 'equilens-profile-'));
try {
  const config = benchConfig(dir, await generate(ROWS));
  const t = performance.now();
  const c = process.cpuUsage();
  await ingest({ configPath: config, workspace: join(dir, 'ws') });
  const total = performance.now() - t;
  const u = process.cpuUsage(c);
  const inSql = timings.reduce((a, x) => a + x.ms, 0);
  console.log(
    `ingest ${ROWS.toLocaleString('en-US')} rows: ${(total / 1000).toFixed(2)} s (CPU ${((u.user + u.system) / 1e6).toFixed(2)} s); in SQL ${(inSql / 1000).toFixed(2)} s`,
  );
  console.log('   wall     cpu  statement');
  for (const x of timings.filter((x) => x.ms >= 20))
    console.log(`${(x.ms / 1000).toFixed(2).padStart(7)} ${(x.cpu / 1000).toFixed(2).padStart(7)}  ${x.sql}`);
  for (const plan of plans) console.log(plan);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
