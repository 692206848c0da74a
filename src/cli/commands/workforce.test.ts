import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticWorkforce } from '../../synth/workforce.js';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { openWorkspace } from '../../engine/workspace.js';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-workforce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}
const run = (...args: string[]) => cli('workforce', ...args);

describe('equilens workforce', () => {
  const rows = syntheticWorkforce({
    employees: 900,
    seed: 4,
    payGap: { group: 'Black or African American', gap: -0.07 },
  });
  writeFileSync(join(dir, 'hr.csv'), rows.map((r) => r.join(',')).join('\n') + '\n');

  it('finds the planted pay gap, with the contract fields', async () => {
    const { code, out, err } = await run('hr.csv');
    expect(code, err).toBe(0);
    const r = JSON.parse(out);
    const black = r.pay_gap.find(
      (p: { attribute: string; group: string }) =>
        p.attribute === 'race_ethnicity' && p.group === 'Black or African American',
    );
    for (const k of ['group', 'reference', 'unadjusted', 'adjusted', 'lower', 'upper'])
      expect(black).toHaveProperty(k);
    expect(black.reference).toBe('White');
    expect(black.adjusted).toBeGreaterThan(-0.1);
    expect(black.upper).toBeLessThan(0);
    expect(r.reconciliation).toEqual({ read: 900, loaded: 900, rejected: 0 });
    expect(Array.isArray(r.representation) && Array.isArray(r.rates)).toBe(true);
  });

  it('public: no group under the threshold is shown', async () => {
    const { code, out } = await run('hr.csv', '--audience', 'public', '--threshold', '25');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    for (const row of r.representation)
      if (row.employees !== null) expect(row.employees === 0 || row.employees >= 25).toBe(true);
    expect(
      r.pay_gap.every(
        (p: { suppressed: boolean; employees: number | null }) => p.suppressed || p.employees! >= 25,
      ),
    ).toBe(true);
  });

  it('refuses a threshold below the workforce minimum, and a file without employee_id', async () => {
    expect((await run('hr.csv', '--audience', 'public', '--threshold', '5')).code).toBe(1);
    writeFileSync(join(dir, 'bad.csv'), 'id,pay\n1,5\n');
    const { code, err } = await run('bad.csv');
    expect(code).toBe(1);
    expect(err).toContain('employee_id');
  });
});

describe('equilens workforce --config: the HR extract ingested through the workforce: mapping', () => {
  // The same synthetic extract as a file and through the config, its columns renamed as an HR system
  // would export them (and sex coded F/M), so the mapping really maps.
  const rows = syntheticWorkforce({
    employees: 600,
    seed: 9,
    payGap: { group: 'Black or African American', gap: -0.05 },
  });
  const renamed = rows.map((r, i) =>
    i === 0 ? r.map((h) => `HR_${h}`) : r.map((v, j) => (j === 2 ? v[0]! : v)),
  );
  writeFileSync(join(dir, 'same.csv'), rows.map((r) => r.join(',')).join('\n') + '\n');
  writeFileSync(join(dir, 'export.csv'), renamed.map((r) => r.join(',')).join('\n') + '\n');
  const fields = rows[0]!.filter((h) => !['race_ethnicity', 'sex'].includes(h));
  writeFileSync(
    join(dir, 'hr.yaml'),
    [
      'project: { name: HR }',
      'sources: [{ name: main, type: csv, path: patients.csv }]',
      'mapping: { patient_id: pid }',
      'workforce:',
      '  source: { type: csv, path: export.csv }',
      '  mapping:',
      ...fields.map((f) => `    ${f}: HR_${f}`),
      '    attributes:',
      '      race_ethnicity: { column: HR_race_ethnicity }',
      '      sex: { column: HR_sex, values: { F: female, M: male } }',
      '',
    ].join('\n'),
  );

  it('ingests, then gives the same pay_gap, representation and rates as the file', async () => {
    const ingest = await cli('ingest', '--workforce', '--config', 'hr.yaml', '--format', 'json');
    expect(ingest.code, ingest.err).toBe(0);
    const loaded = JSON.parse(ingest.out);
    expect(loaded.workforce).toMatchObject({ version: 1, employees: 600, rows: 600 });
    expect(loaded.reconciliation).toMatchObject({ read: 600, loaded: 600, rejected: 0 });
    const viaConfig = await run('--config', 'hr.yaml');
    expect(viaConfig.code, viaConfig.err).toBe(0);
    const viaFile = await run('same.csv');
    const [c, f] = [JSON.parse(viaConfig.out), JSON.parse(viaFile.out)];
    expect(c.pay_gap.length).toBeGreaterThan(2);
    expect(c.pay_gap).toEqual(f.pay_gap);
    expect(c.representation).toEqual(f.representation);
    expect(c.rates).toEqual(f.rates);
    expect(c.reconciliation).toEqual({ read: 600, loaded: 600, rejected: 0 });
    expect(Object.keys(c).sort()).toEqual(Object.keys(f).sort());
    expect(viaConfig.out).not.toMatch(/"E\d|employee_id/);
  });

  it('takes the public threshold from workforce.threshold unless --threshold is given', async () => {
    writeFileSync(join(dir, 'hr30.yaml'), readFileSync(join(dir, 'hr.yaml'), 'utf8') + '  threshold: 30\n');
    const configured = JSON.parse((await run('--config', 'hr30.yaml', '--audience', 'public')).out);
    expect(configured.threshold).toBe(30);
    const given = await run('--config', 'hr30.yaml', '--audience', 'public', '--threshold', '25');
    expect(JSON.parse(given.out).threshold).toBe(25);
  });

  it('says a re-ingest of the same extract is unchanged, in the table format', async () => {
    const again = await cli('ingest', '--workforce', '--config', 'hr.yaml');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('unchanged since workforce version 1');
  });

  it('lists the workforce versions beside the patient datasets', async () => {
    const json = JSON.parse((await cli('datasets', '--config', 'hr.yaml', '--format', 'json')).out);
    expect(json.workforce).toHaveLength(1);
    expect(json.workforce[0]).toMatchObject({ version: 1, employees: 600, rows: { read: 600, loaded: 600 } });
    expect(json.workforce[0]).not.toHaveProperty('meta');
    const table = await cli('datasets', '--config', 'hr.yaml');
    expect(table.out).toMatch(/workforce versions\n\s*version\s+id/);
  });

  it('asks for an HR_FILE or a config, and says to ingest first when the workspace has no workforce', async () => {
    const none = await run();
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('HR_FILE');
    await (await openWorkspace(join(dir, 'patients-only'))).close();
    const empty = await run('--config', 'hr.yaml', '--workspace', 'patients-only');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no workforce data yet');
    expect(empty.err).toContain('equilens ingest --workforce');
  });
});

describe('equilens workforce --config: an employee-year extract, and Parquet', () => {
  // Two years of the same 300 employees (pay 3% higher the second year): one row per employee and year.
  const rows = syntheticWorkforce({ employees: 300, seed: 5 });
  const years = [
    [...rows[0]!, 'year'],
    ...['2023', '2024'].flatMap((y) =>
      rows.slice(1).map((r) => {
        const out = [...r, y];
        if (y === '2024') out[8] = String(Math.round(Number(r[8]) * 1.03));
        return out;
      }),
    ),
  ];
  writeFileSync(join(dir, 'years.csv'), years.map((r) => r.join(',')).join('\n') + '\n');
  const section = (path: string, type: string) =>
    [
      'project: { name: HR }',
      'sources: [{ name: main, type: csv, path: patients.csv }]',
      'mapping: { patient_id: pid }',
      'workforce:',
      `  source: { type: ${type}, path: ${path} }`,
      '  mapping:',
      ...rows[0]!.filter((h) => !['race_ethnicity', 'sex'].includes(h)).map((f) => `    ${f}: ${f}`),
      '    period: year',
      '    attributes: { race_ethnicity: { column: race_ethnicity }, sex: { column: sex } }',
      '',
    ].join('\n');

  it('keeps one row per employee and year, and analyses it as the file path does', async () => {
    writeFileSync(join(dir, 'years.yaml'), section('years.csv', 'csv'));
    const ingest = await cli(
      'ingest',
      '--workforce',
      '--config',
      'years.yaml',
      '--workspace',
      'ws-years',
      '--format',
      'json',
    );
    expect(ingest.code, ingest.err).toBe(0);
    expect(JSON.parse(ingest.out).workforce).toMatchObject({ rows: 600, employees: 300, periods: 2 });
    const c = JSON.parse((await run('--config', 'years.yaml', '--workspace', 'ws-years')).out);
    const f = JSON.parse((await run('years.csv')).out);
    expect(c.pay_gap).toEqual(f.pay_gap);
    expect(c.rates).toEqual(f.rates);
    // The rates count employee-years: 600 of them across the race groups.
    const hired = c.rates.filter(
      (r: { event: string; attribute: string }) => r.event === 'hired' && r.attribute === 'race_ethnicity',
    );
    expect(hired.reduce((t: number, r: { employees: number }) => t + r.employees, 0)).toBe(600);
  });

  it('reads a Parquet extract (rows numbered from 1)', async () => {
    const engine = await openDuckDB();
    try {
      await engine.run(
        `COPY (SELECT * FROM read_csv('${join(dir, 'years.csv')}', all_varchar = true)) TO '${join(dir, 'years.parquet')}' (FORMAT parquet)`,
      );
    } finally {
      await engine.close();
    }
    writeFileSync(join(dir, 'pq.yaml'), section('years.parquet', 'parquet'));
    const ingest = await cli(
      'ingest',
      '--workforce',
      '--config',
      'pq.yaml',
      '--workspace',
      'ws-pq',
      '--format',
      'json',
    );
    expect(ingest.code, ingest.err).toBe(0);
    expect(JSON.parse(ingest.out).reconciliation).toMatchObject({ read: 600, loaded: 600, rejected: 0 });
    const c = JSON.parse((await run('--config', 'pq.yaml', '--workspace', 'ws-pq')).out);
    const f = JSON.parse((await run('years.csv')).out);
    expect(c.pay_gap).toEqual(f.pay_gap);
  });
});
