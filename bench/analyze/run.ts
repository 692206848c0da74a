/**
 * bench/analyze: the analysis engine on N measure rows (default 10,000,000; env BENCH_ROWS to shrink):
 * 10 measures, 8 stratifiers, pairwise intersections, 4 quarterly periods, generated with DuckDB SQL from
 * range(). Prints our time (the whole `analyzeDataset`: plan, one engine pass, statistics, discovery, quality)
 * as a ratio to one hand-written DuckDB GROUPING SETS query producing the same counts (target ≤ 1.5×), and to
 * the same analysis in pandas (Debian's python3-pandas via /usr/bin/python3; skipped when not importable;
 * see the peer script below for what it computes), with peak memory of each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema } from '../../src/config/schema.js';
import { buildPlan, discoveryCombos } from '../../src/analysis/index.js';
import { analyzeDataset, runPlan } from '../../src/engine/analysis/index.js';
import { createDatasetVersion, openWorkspace } from '../../src/engine/workspace.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const PATIENTS = Math.max(1000, Math.floor(ROWS / 10));
const MEASURES = Array.from({ length: 10 }, (_, i) => `m${i}`);
const STRATIFIERS: [string, string[]][] = [
  [
    'race_ethnicity',
    [
      'White',
      'Black or African American',
      'Hispanic or Latino',
      'Asian',
      'Multiracial',
      'Declined',
      'Unknown',
    ],
  ],
  ['sex', ['Female', 'Male', 'Unknown']],
  ['age_band', ['0-17', '18-44', '45-64', '65-74', '75+']],
  ['payer', ['Medicare', 'Medicaid', 'Commercial', 'Uninsured/self-pay', 'Missing']],
  ['language', ['en', 'es', 'zh', 'vi', 'Missing']],
  ['disability', ['Yes', 'No', 'Missing']],
  ['hrsn_food', ['Positive', 'Negative', 'Missing']],
  ['limited_english', ['Yes', 'No', 'Unknown']],
];
const NAMES = STRATIFIERS.map(([s]) => s);
const pairs = NAMES.flatMap((a, i) => NAMES.slice(i + 1).map((b) => [a, b]));
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'equilens-bench-analyze-'));
const ws = await openWorkspace(dir);
const e = ws.engine;
const t = process.hrtime.bigint();
const ds = await createDatasetVersion(
  e,
  { contentHash: 'bench000bench000', rows: { read: ROWS, loaded: ROWS, rejected: 0 } },
  async (schema, tx) => {
    const pick = (values: string[], salt: number) =>
      `list_extract([${values.map((v) => `'${v}'`).join(', ')}], CAST(hash(i, ${salt}) % ${values.length} AS INTEGER) + 1)`;
    await tx.run(`INSERT INTO ${schema}.patients (patient_id, ${NAMES.join(', ')})
    SELECT 'p' || i, ${STRATIFIERS.map(([, v], k) => pick(v, k)).join(', ')} FROM range(${PATIENTS}) t(i)`);
    await tx.run(`INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded)
    SELECT 'p' || (hash(i, 100) % ${PATIENTS}), 'u' || i, 'm' || (i % 10), DATE '2024-01-01' + CAST(hash(i, 101) % 366 AS INTEGER),
      true, hash(i, 102) % 100 < 10 + (i % 10) * 5, false
    FROM range(${ROWS}) t(i)`);
  },
);
console.log(
  `generated ${ROWS.toLocaleString('en-US')} measure rows, ${PATIENTS.toLocaleString('en-US')} patients in ${seconds(t).toFixed(1)} s`,
);

const config = ConfigSchema.parse({
  project: { name: 'bench' },
  sources: [{ name: 'x', type: 'csv', path: 'x.csv' }],
  mapping: { patient_id: 'id' },
  measures: MEASURES.map((id, i) => ({
    id,
    title: id,
    direction: i % 2 ? 'higher_is_better' : 'lower_is_better',
    numerator: 'x',
  })),
  analysis: {
    period: 'quarter',
    stratifiers: NAMES,
    intersections: pairs,
    discovery: { depth: 2, min_size: 50 },
  },
});

// Hand-written peer: one GROUPING SETS query over the join, the same cells (overall, by period, by each
// stratifier with and without period, each pair).
const quarter = `CAST(EXTRACT(YEAR FROM r.event_date) AS VARCHAR) || 'Q' || CAST(EXTRACT(QUARTER FROM r.event_date) AS VARCHAR)`;
const sets = [
  '(m)',
  '(m, q)',
  ...NAMES.flatMap((s) => [`(m, ${s})`, `(m, ${s}, q)`]),
  ...pairs.map(([a, b]) => `(m, ${a}, ${b})`),
];
const handSql = `SELECT m, q, ${NAMES.join(', ')}, SUM(CASE WHEN r.in_numerator THEN 1 ELSE 0 END) AS numerator, COUNT(*) AS denominator
  FROM (SELECT r.measure_id AS m, ${quarter} AS q, ${NAMES.map((s) => `p.${s}`).join(', ')}, r.in_numerator
        FROM ${ds.schema}.measure_rows r JOIN ${ds.schema}.patients p ON p.patient_id = r.patient_id
        WHERE r.in_denominator AND NOT r.excluded) r
  GROUP BY GROUPING SETS (${sets.join(', ')})`;

// warm-up (page cache, DuckDB buffers); then three interleaved rounds (hand, ours, engine pass), keeping
// each one's best time, so background load on a shared machine hits all three alike.
await e.all(`SELECT COUNT(*) FROM ${ds.schema}.measure_rows`);
const plan = buildPlan({
  schema: ds.schema,
  measures: MEASURES,
  period: 'quarter',
  hasPeriodColumn: true,
  stratifiers: NAMES,
  intersections: pairs,
  discovery: discoveryCombos(NAMES, 2),
  facets: [],
  standardize: false,
});
type Timed = { s: number; out: unknown };
const hand: Timed = { s: Infinity, out: null };
const ours: Timed = { s: Infinity, out: null };
const pass: Timed = { s: Infinity, out: null };
const time = async (slot: Timed, f: () => Promise<unknown>) => {
  const s = process.hrtime.bigint();
  slot.out = await f();
  slot.s = Math.min(slot.s, seconds(s));
};
for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 3); round++) {
  await time(hand, () => e.all(handSql));
  await time(ours, () => analyzeDataset(e, ds, config, 'bench'));
  await time(pass, () => runPlan(e, plan));
}
const results = ours.out as Awaited<ReturnType<typeof analyzeDataset>>;
const handRows = hand.out as { m: string; numerator: number; denominator: number; [k: string]: unknown }[];

// same counts: every hand cell grouped on one stratifier equals our group counts
let checked = 0;
for (const m of results.measures) {
  for (const s of m.strata) {
    for (const g of s.groups) {
      const row = handRows.find(
        (r) =>
          r.m === m.id &&
          r[s.stratifier] === g.group &&
          r.q === null &&
          NAMES.every((n) => n === s.stratifier || r[n] === null),
      );
      if (!row || Number(row.numerator) !== g.numerator || Number(row.denominator) !== g.denominator)
        throw new Error(`count mismatch: ${m.id} ${s.stratifier}=${g.group}`);
      checked++;
    }
  }
}
const ourRss = process.resourceUsage().maxRSS;
console.log(
  `\nhand-written DuckDB GROUPING SETS query: ${hand.s.toFixed(2)} s (${handRows.length.toLocaleString('en-US')} cells)`,
);
console.log(
  `equilens analyzeDataset (${results.plan?.groupingSets} grouping sets, statistics, discovery of ${results.plan?.discovery.tested} subgroups, quality): ${ours.s.toFixed(2)} s`,
);
console.log(
  `  ratio to the hand-written query: ${(ours.s / hand.s).toFixed(2)}× (target ≤ 1.5×); ${checked} group counts identical`,
);
console.log(
  `  of which the engine pass alone: ${pass.s.toFixed(2)} s = ${(pass.s / hand.s).toFixed(2)}× the hand-written query; statistics, discovery, quality: ${(ours.s - pass.s).toFixed(2)} s`,
);

// pandas peer: the same analysis a pandas user would write, from the same two tables the workspace holds
// (patients, measure_rows; CSV because Debian's pandas has no pyarrow for Parquet). Timed: the filter and
// join, the quarter of each unit, the counts of every grouping set our plan computes, the statistics on
// them (Wilson limits, difference to the largest group with a Newcombe-style interval, z-test p-values,
// Benjamini–Hochberg q-values, each discovery subgroup against the rest) and the completeness counts of
// the stratifier fields. Reading the CSV files is reported apart.
const py = '/usr/bin/python3';
if (spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status !== 0) {
  console.log(
    'pandas: skipped (`/usr/bin/python3 -c "import pandas"` failed; apt-get install python3-pandas)',
  );
} else {
  const patientsCsv = join(dir, 'patients.csv');
  const rowsCsv = join(dir, 'measure_rows.csv');
  await e.run(
    `COPY (SELECT patient_id, ${NAMES.join(', ')} FROM ${ds.schema}.patients) TO '${patientsCsv}' (HEADER)`,
  );
  await e.run(
    `COPY (SELECT patient_id, measure_id, event_date, in_denominator, in_numerator, excluded FROM ${ds.schema}.measure_rows) TO '${rowsCsv}' (HEADER)`,
  );
  const sets = plan.sets.map((set) => set.map((d) => (d === '@period' ? 'q' : d)));
  const script = join(dir, 'peer.py');
  writeFileSync(
    script,
    `import sys, time, resource, math
import numpy as np
import pandas as pd
names = ${JSON.stringify(NAMES)}
sets = ${JSON.stringify(sets)}
discovery = ${JSON.stringify(plan.sets.filter((set) => set.length === 2 && !set.includes('@period')))}
t0 = time.perf_counter()
pat = pd.read_csv(sys.argv[1], dtype={**{n: 'category' for n in names}, 'patient_id': str})
mr = pd.read_csv(sys.argv[2], dtype={'patient_id': str, 'measure_id': 'category'}, parse_dates=['event_date'])
load = time.perf_counter() - t0

t0 = time.perf_counter()
df = mr[mr.in_denominator & ~mr.excluded].merge(pat, on='patient_id', how='left')
df['q'] = (df.event_date.dt.year * 10 + df.event_date.dt.quarter).astype('category')
df['num'] = df.in_numerator.astype('int8')
erfc = np.vectorize(math.erfc)
def wilson(x, n, z=1.959964):
    p = x / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return c - h, c + h
cells, pvalues, counts = 0, [], {}
for keys in sets:
    g = df.groupby(['measure_id'] + keys, observed=True)['num'].agg(['sum', 'count']).reset_index()
    counts[tuple(keys)] = g
    cells += len(g)
    x, n = g['sum'].to_numpy(float), g['count'].to_numpy(float)
    lo, hi = wilson(x, n)
    if len(keys) == 1 and keys[0] != 'q':
        ref = g.loc[g.groupby('measure_id', observed=True)['count'].idxmax(), ['measure_id', 'sum', 'count']]
        g = g.merge(ref, on='measure_id', suffixes=('', '_ref'))
        p1, p0 = g['sum'] / g['count'], g['sum_ref'] / g['count_ref']
        se = np.sqrt(p1 * (1 - p1) / g['count'] + p0 * (1 - p0) / g['count_ref'])
        z = ((p1 - p0) / se.replace(0, np.nan)).fillna(0).to_numpy()
        pvalues.append(erfc(np.abs(z) / math.sqrt(2)))
tot = counts[()]
for keys in discovery:
    g = counts[tuple(keys)].merge(tot, on='measure_id', suffixes=('', '_all'))
    g = g[g['count'] >= 50]
    xr, nr = g['sum_all'] - g['sum'], g['count_all'] - g['count']
    p1, p0 = g['sum'] / g['count'], xr / nr
    pp = (g['sum'] + xr) / (g['count'] + nr)
    se = np.sqrt(pp * (1 - pp) * (1 / g['count'] + 1 / nr))
    z = ((p1 - p0) / se.replace(0, np.nan)).fillna(0).to_numpy()
    pvalues.append(erfc(np.abs(z) / math.sqrt(2)))
pv = np.sort(np.concatenate(pvalues))
q = np.minimum.accumulate((pv * len(pv) / np.arange(1, len(pv) + 1))[::-1])[::-1]
quality = {n: pat[n].value_counts(dropna=False) for n in names}
work = time.perf_counter() - t0
print(f"{load:.3f} {work:.3f} {cells} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
`,
  );
  const r = spawnSync(py, [script, patientsCsv, rowsCsv], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) console.log(`pandas: failed: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  else {
    const [load, work, cells, rss] = r.stdout.trim().split(' ').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    console.log(
      `pandas ${spawnSync(py, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' }).stdout.trim()}: the same analysis (join, quarter, ${sets.length} grouping sets = ${cells.toLocaleString('en-US')} cells, statistics, discovery, completeness) ${work.toFixed(2)} s (+ ${load.toFixed(1)} s read_csv), peak ${mb(rss)}`,
    );
    console.log(
      `  equilens is ${(work / ours.s).toFixed(1)}× faster than pandas (target ≥ 10×), ${((work + load) / ours.s).toFixed(1)}× with pandas' loading`,
    );
  }
}
console.log(`\npeak memory (node + in-process DuckDB): ${mb(ourRss)}`);
await ws.close();
rmSync(dir, { recursive: true, force: true });
