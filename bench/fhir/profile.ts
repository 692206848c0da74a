/**
 * Phase profile of loadFhir on a generated export (no peer: not a benchmark). Phases: reading (JavaScript,
 * with DuckDB loading staged files meanwhile), the loads still queued when reading ends, the SQL
 * finalisation (rejections, screenings, patients, the rest) and the commit; then CPU by thread (Linux).
 *   npx tsx bench/fhir/profile.ts [resources]        (default 500,000; STATEMENTS=1 lists every statement)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../../src/config/index.js';
import type { Engine } from '../../src/engine/dialect.js';
import { createDatasetVersion, openWorkspace } from '../../src/engine/workspace.js';
import { loadFhir } from '../../src/ingest/fhir/index.js';
import { benchConfig, generateExport } from './generate.js';

/** CPU seconds of each live thread of this process (empty off Linux). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      out.set(`${tid} ${name}`, (Number(f[11]) + Number(f[12])) / 100);
    }
  } catch {
    // not Linux, or a thread ended while listed
  }
  return out;
}

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 500_000);
const dir = generateExport(join(here, '..', '.data'), n);
const wsDir = mkdtempSync(join(tmpdir(), 'equilens-prof-fhir-'));
const ws = await openWorkspace(wsDir);
const config = ConfigSchema.parse(benchConfig(dir));

const phaseOf = (sql: string): string =>
  /^INSERT INTO \S+\.(encounters|conditions|observations|procedures|medications|immunizations) /.test(sql)
    ? 'loads after reading'
    : /^INSERT INTO \S+\.patients|tribal_affiliation/.test(sql)
      ? 'patients'
      : /sdoh_screenings|fhir_member/.test(sql)
        ? 'screenings'
        : /fhir_sql_rej|\.rejections/.test(sql)
          ? 'rejections'
          : 'other SQL';
const statements: { sql: string; start: number; end: number }[] = [];
let readEnd = 0;
const traced = (e: Engine): Engine =>
  new Proxy(e, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv) as unknown;
      if ((prop === 'run' || prop === 'all') && typeof v === 'function')
        return async (sql: string, params?: unknown[]) => {
          const s = performance.now();
          const r = (await (v as (...a: unknown[]) => Promise<unknown>).call(target, sql, params)) as unknown;
          const end = performance.now();
          statements.push({ sql: sql.trim(), start: s, end });
          if (process.env.STATEMENTS)
            console.log(
              `${((end - t0) / 1000).toFixed(2).padStart(6)} ${(end - s).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
            );
          return r;
        };
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });

const threads0 = threadCpu();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let loaded = 0;
await createDatasetVersion(
  ws.engine,
  { contentHash: 'prof', rows: { read: 0, loaded: 0, rejected: 0 } },
  async (schema, tx) => {
    const r = await loadFhir({
      engine: traced(tx),
      schema,
      source: config.sources[0]!,
      config,
      paths: [dir],
      progress: (_done, total) => {
        if (total === undefined) readEnd = performance.now();
      },
    });
    loaded = performance.now();
    console.log(`${r.read.toLocaleString('en-US')} resources read, ${r.rejected} rejected`);
  },
);
const end = performance.now();
const cpu = process.cpuUsage(cpu0);
const threads1 = threadCpu();
await ws.close();
rmSync(wsDir, { recursive: true, force: true });

// Statements (or their part) after reading ended count in their phase.
const phases = new Map<string, number>();
for (const st of statements)
  if (st.end > readEnd)
    phases.set(phaseOf(st.sql), (phases.get(phaseOf(st.sql)) ?? 0) + st.end - Math.max(st.start, readEnd));
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`reading (JavaScript; DuckDB loads meanwhile)  ${s(readEnd - t0)}`);
for (const [phase, ms] of phases) console.log(`  ${phase.padEnd(42)} ${s(ms)}`);
console.log(
  `  ${'(between statements)'.padEnd(42)} ${s(loaded - readEnd - [...phases.values()].reduce((a, b) => a + b, 0))}`,
);
console.log(`commit                                        ${s(end - loaded)}`);
console.log(
  `total                                         ${s(end - t0)} wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`,
);
const grew = [...threads1]
  .map(([tid, sec]) => [tid, sec - (threads0.get(tid) ?? 0)] as const)
  .filter(([, d]) => d > 0.01)
  .sort((a, b) => b[1] - a[1]);
const ended = (cpu.user + cpu.system) / 1e6 - grew.reduce((a, [, d]) => a + d, 0);
if (grew.length)
  console.log(
    `CPU by live thread (id: s): ${grew.map(([t, d]) => `${t.split(' ')[0]}${t.startsWith(`${process.pid} `) ? ' (main)' : ''}: ${d.toFixed(2)}`).join(', ')}; ended threads (reader workers): ${ended.toFixed(2)} s`,
  );
