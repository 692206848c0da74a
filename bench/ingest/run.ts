/**
 * bench/ingest: `ingest` of a generated N-row encounter extract (default 10,000,000; env BENCH_ROWS to
 * shrink), 12 columns, ~N/10 patients (some with conflicting race), one measure with an exclusion.
 * Prints our time (stage + row checks + measure rows + lookups + patients + reconciliation, into a fresh
 * workspace) as a ratio to DuckDB's own `read_csv` of the same file into a table of a fresh database file
 * (target ≤ 2×), with peak memory (maxRSS). BENCH_REPEAT=n alternates the two n times and takes medians.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { openDuckDB } from '../../src/engine/duckdb/duckdb-driver.js';
import { ingest } from '../../src/ingest/index.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const file = join(dataDir, `ingest-${ROWS}.csv`);
const mb = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;

async function generate(): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(dataDir, { recursive: true });
  const engine = await openDuckDB();
  const pick = (list: string[], seed: string) =>
    `([${list.map((v) => `'${v}'`).join(', ')}])[1 + CAST(hash(${seed}) % ${list.length} AS INTEGER)]`;
  await engine.run(`COPY (
    SELECT 'P' || lpad(CAST(i // 10 AS VARCHAR), 9, '0') AS patient_id,
      'E' || lpad(CAST(i AS VARCHAR), 10, '0') AS encounter_id,
      CAST(DATE '2020-01-01' + CAST(i % 1461 AS INTEGER) AS VARCHAR) AS encounter_date,
      CASE WHEN i % 97 = 0 THEN 'W' ELSE ${pick(['W', 'B', 'A', 'H', 'O', 'U', 'D', ''], 'i // 10')} END AS race,
      ${pick(['H', 'N', 'N', 'N', 'D', ''], 'i // 10 + 1')} AS ethnicity,
      ${pick(['F', 'M', 'F', 'M', 'U'], 'i // 10 + 2')} AS sex,
      ${pick(['MCR', 'MCD', 'COM', 'SP', 'OTH', '?'], 'i // 10 + 3')} AS payer,
      CAST(1900 + CAST(hash(i // 10 + 4) % 120 AS INTEGER) AS VARCHAR) || '-06-15' AS birth_date,
      lpad(CAST(60600 + CAST(hash(i // 10 + 5) % 80 AS INTEGER) AS VARCHAR), 5, '0') AS zip,
      ${pick(['<30', '>30', 'NO', 'NO', 'NO'], 'i + 6')} AS readmitted,
      CAST(1 + CAST(hash(i + 7) % 25 AS INTEGER) AS VARCHAR) AS discharge_disposition_id,
      CAST(1 + CAST(hash(i + 8) % 14 AS INTEGER) AS VARCHAR) AS los
    FROM range(${ROWS}) t(i)
  ) TO '${file}' (HEADER)`);
  await engine.close();
}

function writeConfig(dir: string): string {
  const path = join(dir, 'equilens.yaml');
  const config = {
    project: { name: 'bench' },
    sources: [{ name: 'extract', type: 'csv', path: file }],
    mapping: {
      patient_id: 'patient_id',
      unit_id: 'encounter_id',
      event_date: 'encounter_date',
      attributes: {
        race: {
          column: 'race',
          values: {
            W: '2106-3',
            B: '2054-5',
            A: '2028-9',
            H: '2135-2',
            O: '2131-1',
            U: 'unknown',
            D: 'declined',
          },
        },
        ethnicity: { column: 'ethnicity', values: { H: '2135-2', N: '2186-5', D: 'declined' } },
        sex: { column: 'sex', values: { F: 'female', M: 'male', U: 'unknown' } },
        payer: {
          column: 'payer',
          values: { MCR: 'medicare', MCD: 'medicaid', COM: 'commercial', SP: 'selfPay', OTH: 'other' },
        },
        birth_date: { column: 'birth_date' },
        zip: { column: 'zip' },
      },
    },
    measures: [
      {
        id: 'readmit30',
        title: '30-day readmission',
        direction: 'lower_is_better',
        numerator: "readmitted = '<30'",
        exclusions: 'discharge_disposition_id in (11, 13, 14, 19, 20, 21)',
        value: 'los',
      },
    ],
  };
  writeFileSync(path, stringify(config));
  return path;
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  console.log(`generating ${ROWS.toLocaleString('en-US')} rows…`);
  await generate();
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
    const config = writeConfig(dir);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
