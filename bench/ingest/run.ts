/**
 * bench/ingest: `ingest` of a generated N-row encounter extract (default 10,000,000; env BENCH_ROWS to
 * shrink), 12 columns, ~N/10 patients (some with conflicting race), one measure with an exclusion.
 * Prints our time (stage + row checks + measure rows + lookups + patients + reconciliation, into a fresh
 * workspace) as a ratio to DuckDB's own `read_csv` of the same file into a table of a fresh database file
 * (target ≤ 2×), with peak memory (maxRSS). BENCH_REPEAT=n alternates the two n times and takes medians.
 * Then the cost of bad rows: the same extract with a short and a long line every 100,000 and one quote never
 * closed mid-file (its later lines read again), as a ratio to the clean extract's time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDB } from '../../src/engine/duckdb/duckdb-driver.js';
import { ingest } from '../../src/ingest/index.js';
import { benchConfig, generate, generateMessy } from './setup.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const mb = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  console.log(`generating ${ROWS.toLocaleString('en-US')} rows…`);
  const file = await generate(ROWS);
  const dir = mkdtempSync(join(tmpdir(), 'equilens-bench-ingest-'));
  const ours: number[] = [];
  const duck: number[] = [];
  // CPU seconds (user + system, all DuckDB threads) too: steadier than wall time on a shared machine.
  const oursCpu: number[] = [];
  const duckCpu: number[] = [];
  const cpu = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1e6;
  };
  let oursMem = '';
  try {
    const config = benchConfig(dir, file);
    // Alternate the two (BENCH_REPEAT rounds, median) so that load from other processes hits both alike.
    for (let round = 0; round < REPEAT; round++) {
      let t = performance.now();
      let c = process.cpuUsage();
      const r = await ingest({ configPath: config, workspace: join(dir, `ws${round}`) });
      ours.push((performance.now() - t) / 1000);
      oursCpu.push(cpu(c));
      if (round === 0) oursMem = mb();
      const rec = r.reconciliation;
      if (rec.read !== ROWS || rec.loaded + rec.rejected !== rec.read)
        throw new Error(`reconciliation off: ${JSON.stringify(rec)}`);
      if (round === 0) {
        console.log(
          `rows read ${rec.read.toLocaleString('en-US')} = loaded ${rec.loaded.toLocaleString('en-US')} + rejected ${rec.rejected}; ${r.dataset.patients.toLocaleString('en-US')} patients`,
        );
      }
      rmSync(join(dir, `ws${round}`), { recursive: true, force: true });

      t = performance.now();
      c = process.cpuUsage();
      const peer = await openDuckDB(join(dir, `peer${round}.duckdb`));
      await peer.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}')`);
      await peer.close();
      duck.push((performance.now() - t) / 1000);
      duckCpu.push(cpu(c));
      rmSync(join(dir, `peer${round}.duckdb`), { force: true });
    }
    const o = median(ours);
    const d = median(duck);
    console.log(`equilens ingest        ${o.toFixed(2)} s   (median of ${REPEAT}; peak RSS ${oursMem})`);
    console.log(
      `duckdb read_csv→table  ${d.toFixed(2)} s   (median of ${REPEAT}; peak RSS ${mb()}, whole process)`,
    );
    console.log(`ratio ${(o / d).toFixed(2)}× (target ≤ 2×)`);
    const oc = median(oursCpu);
    const dc = median(duckCpu);
    console.log(
      `cpu ratio ${(oc / dc).toFixed(2)}× (CPU s: equilens ${oc.toFixed(2)}, duckdb ${dc.toFixed(2)})`,
    );
    const messy = await generateMessy(ROWS);
    const t = performance.now();
    const r = await ingest({ configPath: benchConfig(dir, messy.file), workspace: join(dir, 'ws-messy') });
    const m = (performance.now() - t) / 1000;
    const rec = r.reconciliation;
    if (rec.read !== ROWS || rec.rejected !== messy.bad)
      throw new Error(`messy reconciliation off: ${JSON.stringify({ ...rec, rejections: [] })}`);
    console.log(
      `messy extract          ${m.toFixed(2)} s   (${rec.rejected} bad lines rejected, one unclosed quote re-read; ${(m / o).toFixed(2)}× the clean extract)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
