import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { openWorkspace } from '../../engine/workspace.js';
import { CONFIG, HEADER, ROWS, project } from '../__fixtures__/project.js';
import { ingest } from '../index.js';

const withSource = (source: Record<string, unknown>) => ({
  ...CONFIG,
  sources: [{ ...CONFIG.sources[0], ...source }],
});

async function races(workspace: string): Promise<string[]> {
  const ws = await openWorkspace(workspace);
  try {
    const rows = await ws.engine.all<{ race: string }>('SELECT race FROM ds_1.patients ORDER BY patient_id');
    return rows.map((r) => r.race);
  } finally {
    await ws.close();
  }
}
const EXPECTED = ['Black or African American', 'Declined', 'Unknown', 'Missing'];

describe('tabular formats', () => {
  it('reads .csv.gz', async () => {
    const p = project({
      file: 'extract.csv.gz',
      raw: gzipSync(`${HEADER}\n${ROWS.join('\n')}\n`),
      config: withSource({ path: 'extract.csv.gz' }),
    });
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(r.reconciliation.read).toBe(7);
    expect(await races(p.workspace)).toEqual(EXPECTED);
  });

  it('reads TSV', async () => {
    const tsv = [HEADER, ...ROWS].map((l) => l.replace(/,/g, '\t')).join('\n');
    const p = project({
      file: 'extract.tsv',
      raw: Buffer.from(`${tsv}\n`),
      config: withSource({ type: 'tsv', path: 'extract.tsv' }),
    });
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(r.reconciliation.loaded).toBe(7);
    expect(await races(p.workspace)).toEqual(EXPECTED);
  });

  it('reads Parquet (typed columns are read as text)', async () => {
    const p = project({ config: withSource({ type: 'parquet', path: 'extract.parquet' }) });
    const engine = await openDuckDB();
    const parquet = join(p.dir, 'extract.parquet');
    await engine.run(`COPY (SELECT * REPLACE (CAST(date AS DATE) AS date, CAST(disp AS INTEGER) AS disp)
      FROM read_csv('${p.data}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    await engine.close();
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect([r.reconciliation.read, r.dataset.measureRows]).toEqual([7, 7]);
    expect(await races(p.workspace)).toEqual(EXPECTED);
  });

  it('reads a latin-1 file when sources[].encoding says so, and treats `missing:` values as Missing', async () => {
    const text = `${HEADER}\n${ROWS.join('\n').replace('p3,e6,2024-06-05,?', 'p3,e6,2024-06-05,NULL')}\n`;
    const p = project({
      raw: Buffer.from(text.replace('ASKU,ASKU,F', 'ASKU,ASKU,F').replace('p1,e1', 'p\u00e91,e1'), 'latin1'),
      config: withSource({ encoding: 'latin-1', missing: ['NULL'] }),
    });
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(r.reconciliation.rejected).toBe(0);
    const ws = await openWorkspace(p.workspace);
    const rows = await ws.engine.all<{ patient_id: string; race: string }>(
      'SELECT patient_id, race FROM ds_1.patients ORDER BY patient_id',
    );
    await ws.close();
    expect(rows.map((x) => x.patient_id)).toContain('p\u00e91');
    expect(rows.find((x) => x.patient_id === 'p3')!.race).toBe('Missing');
  });

  it('reads several files of one source and accounts for each', async () => {
    const p = project({ rows: ROWS.slice(0, 3) });
    const second = join(p.dir, 'more.csv');
    writeFileSync(second, `${HEADER}\n${ROWS.slice(3).join('\n')}\np5,x\n`);
    const r = await ingest({ configPath: p.config, workspace: p.workspace, data: [p.data, second] });
    expect(r.reconciliation.files).toEqual([
      { file: p.data, read: 3, loaded: 3, rejected: 0 },
      { file: second, read: 5, loaded: 4, rejected: 1 },
    ]);
    expect(r.reconciliation.rejections[0]).toMatchObject({ file: second, line: 6 });
    expect(await races(p.workspace)).toEqual(EXPECTED);
  });
});

describe('several sources', () => {
  it('loads each source, keeps a person once (first source wins), and derives each measure from its source', async () => {
    const cfg = {
      ...CONFIG,
      sources: [
        { name: 'ehr', type: 'csv', path: 'extract.csv' },
        { name: 'claims', type: 'csv', path: 'claims.csv' },
      ],
      measures: [...CONFIG.measures, { ...CONFIG.measures[0], id: 'claims_readmit', source: 'claims' }],
    };
    const p = project({ config: cfg });
    writeFileSync(
      join(p.dir, 'claims.csv'),
      `${HEADER}\np1,c1,2024-01-01,W,N,M,MCD,<30,1\np5,c2,2024-01-01,W,N,M,MCD,NO,1\n`,
    );
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect([r.reconciliation.read, r.reconciliation.files.length, r.dataset.patients]).toEqual([9, 2, 5]);
    const ws = await openWorkspace(p.workspace);
    const rows = await ws.engine.all(
      `SELECT measure_id, source, COUNT(*) AS n FROM ds_1.measure_rows GROUP BY ALL ORDER BY 1`,
    );
    const p1 = await ws.engine.all(
      `SELECT source, sex FROM ds_1.patients WHERE patient_id IN ('p1', 'p5') ORDER BY patient_id`,
    );
    await ws.close();
    expect(rows).toEqual([
      { measure_id: 'claims_readmit', source: 'claims', n: 2 },
      { measure_id: 'readmit30', source: 'ehr', n: 7 },
    ]);
    expect(p1).toEqual([
      { source: 'ehr', sex: 'Female' },
      { source: 'claims', sex: 'Male' },
    ]);
  });

  it('keeps sources apart whose names read alike (ehr-a, ehr_a, ehr_a_b): all are staged before loading', async () => {
    const names = ['ehr-a', 'ehr_a', 'ehr_a_b'];
    const cfg = {
      ...CONFIG,
      sources: names.map((name, i) => ({ name, type: 'csv', path: i ? `more${i}.csv` : 'extract.csv' })),
    };
    const p = project({ config: cfg });
    writeFileSync(
      join(p.dir, 'more1.csv'),
      `${HEADER}
p5,c1,2024-01-01,W,N,M,MCD,<30,1
`,
    );
    writeFileSync(
      join(p.dir, 'more2.csv'),
      `${HEADER}
p6,c2,2024-01-01,B,N,F,MCD,NO,1
p6,c3,bad,B,N,F,MCD,NO,1
`,
    );
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(r.reconciliation.files.map((f) => [f.read, f.loaded, f.rejected])).toEqual([
      [7, 7, 0],
      [1, 1, 0],
      [2, 1, 1],
    ]);
    expect(r.dataset.patients).toBe(6);
    const ws = await openWorkspace(p.workspace);
    const sources = await ws.engine.all<{ source: string; n: number }>(
      `SELECT source, COUNT(*) AS n FROM ds_1.patients GROUP BY ALL ORDER BY source`,
    );
    await ws.close();
    expect(sources).toEqual([
      { source: 'ehr-a', n: 4 },
      { source: 'ehr_a', n: 1 },
      { source: 'ehr_a_b', n: 1 },
    ]);
  });
});
