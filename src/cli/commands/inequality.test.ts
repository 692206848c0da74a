import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../io.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-inequality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'setting,date,source,indicator_abbr,indicator_name,dimension,subgroup,estimate,se,population,setting_average,favourable_indicator,indicator_scale,ordered_dimension,subgroup_order,reference_subgroup,iso3';

// The ordered rows are the `WHOequity/healthequal` test data (tests/testthat/test-aci.R etc., commit c7824b85):
// pop = round(rnorm(5, 100, 40)) with set.seed(123) = 78, 91, 162, 103, 105.
const wealth = [
  [20, 5, 78],
  [30, 7, 91],
  [40, 10, 162],
  [50, 12, 103],
  [60, 14, 105],
].map(
  ([est, se, pop], i) =>
    `Country A,2020,DHS,sba,Births attended,Economic status,Quintile ${i + 1},${est},${se},${pop},,1,100,1,${i + 1},0,AAA`,
);
const region = [
  ['North', 61, 5, 832, 0],
  ['South', 74, 3, 931, 1],
  ['East', 58, 3, 1468, 0],
  ['West', 59, 3, 1021, 0],
].map(
  ([name, est, se, pop, ref]) =>
    `Country A,2020,DHS,sba,Births attended,Region,${name},${est},${se},${pop},,1,100,0,0,${ref},AAA`,
);

function write(name: string, lines: string[]): string {
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
  return name;
}

async function run(...args: string[]) {
  const io = captureIO(dir);
  const code = await main(['node', 'equilens', 'inequality', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('equilens inequality', () => {
  const upload = write('heat.csv', [HEADER, ...wealth, ...region]);

  it('prints the JSON contract, one row per stratum × applicable measure', async () => {
    const { code, out } = await run(upload, '--format', 'json');
    expect(code).toBe(0);
    const { results } = JSON.parse(out) as { results: Record<string, unknown>[] };
    expect(Object.keys(results[0]!)).toEqual([
      'setting',
      'date',
      'indicator',
      'dimension',
      'measure',
      'estimate',
      'se',
      'lower',
      'upper',
      'warnings',
    ]);
    const wealthCodes = results.filter((r) => r.dimension === 'Economic status').map((r) => r.measure);
    expect(wealthCodes).toEqual(['D', 'R', 'PAR', 'PAF', 'ACI', 'RCI', 'SII', 'RII']);
    const regionCodes = results.filter((r) => r.dimension === 'Region').map((r) => r.measure);
    expect(regionCodes).toContain('MDRW');
    expect(regionCodes).not.toContain('SII');
    // healthequal test-aci.R: ACI 7.3284202; test-sii.R: SII 44.44502.
    const aci = results.find((r) => r.measure === 'ACI')!;
    expect(aci).toMatchObject({ setting: 'Country A', date: '2020', indicator: 'sba', warnings: [] });
    expect(aci.estimate as number).toBeCloseTo(7.3284202, 6);
    expect(results.find((r) => r.measure === 'SII')!.estimate as number).toBeCloseTo(44.44502, 4);
    // Region: reference South (74), favourable → D = 74 − lowest other (58).
    expect(results.find((r) => r.dimension === 'Region' && r.measure === 'D')!.estimate).toBe(16);
  });

  it('--measures all gives all 21 per stratum, with reasons for those that do not apply', async () => {
    const { out } = await run(upload, '--format', 'json', '--measures', 'all');
    const { results } = JSON.parse(out) as { results: { measure: string; warnings: { code: string }[] }[] };
    expect(results).toHaveLength(42);
    expect(results.find((r) => r.measure === 'BGV')!.warnings[0]!.code).toBe('needs_non_ordered_dimension');
  });

  it('writes CSV and a table', async () => {
    const csv = await run(upload, '--format', 'csv', '--measures', 'D,r');
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('setting,date,indicator,dimension,measure,estimate,se,lower,upper,warnings');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^Country A,2020,sba,Economic status,D,40,14\.866/);
    const table = await run(upload, '--measures', 'D');
    expect(table.out).toMatch(/Economic status\s+D\s+40\s+14\.8661/);
  });

  it('fills HEAT defaults for absent optional columns', async () => {
    const f = write('minimal.csv', [
      'setting,date,indicator_abbr,dimension,subgroup,estimate',
      'X,2021,anc,Sex,Female,80',
      'X,2021,anc,Sex,Male,60',
    ]);
    const { code, out } = await run(f, '--format', 'json');
    expect(code).toBe(0);
    const { results } = JSON.parse(out) as {
      results: { measure: string; estimate: number | null; warnings: { code: string }[] }[];
    };
    const d = results.find((r) => r.measure === 'D')!;
    expect(d.estimate).toBe(20);
    expect(d.warnings.map((w) => w.code)).toEqual(['no_standard_errors']);
    expect(results.find((r) => r.measure === 'PAR')!.warnings.map((w) => w.code)).toEqual([
      'needs_population',
    ]);
  });

  it('names the file, line and column of a missing column', async () => {
    const f = write('no-estimate.csv', [
      'setting,date,indicator_abbr,dimension,subgroup',
      'X,2021,anc,Sex,Female',
    ]);
    const { code, err } = await run(f);
    expect(code).toBe(1);
    expect(err).toMatch(/no-estimate\.csv:1:estimate: .*no column "estimate"/);
    expect(err).toMatch(/Add this column/);
  });

  it('names the line and column of a non-numeric estimate', async () => {
    const bad = [...region];
    bad[2] = bad[2]!.replace(',58,', ',58%,');
    const f = write('bad-estimate.csv', [HEADER, ...bad]);
    const { code, err } = await run(f);
    expect(code).toBe(1);
    expect(err).toMatch(/bad-estimate\.csv:4:estimate: .*not a number/);
  });

  it('rejects a subgroup order that is not 1..n, naming the row', async () => {
    const bad = [...wealth];
    bad[3] = bad[3]!.replace(',1,4,0,', ',1,7,0,');
    const f = write('bad-order.csv', [HEADER, ...bad]);
    const { code, err } = await run(f);
    expect(code).toBe(1);
    expect(err).toMatch(/bad-order\.csv:5:subgroup_order: .*numbered 1 to 5/);
    expect(err).toMatch(/1 = most disadvantaged/);
  });

  it('rejects inconsistent flags within a stratum and several reference subgroups', async () => {
    const mixed = [...region];
    mixed[1] = mixed[1]!.replace(',1,100,0,0,', ',0,100,0,0,');
    const a = await run(write('mixed.csv', [HEADER, ...mixed]));
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/mixed\.csv:3:favourable_indicator/);
    const refs = region.map((l) => l.replace(/,0,AAA$/, ',1,AAA'));
    const b = await run(write('refs.csv', [HEADER, ...refs]));
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/more than one reference subgroup/);
  });

  it('rejects an empty key field', async () => {
    const f = write('no-subgroup.csv', [HEADER, wealth[0]!.replace('Quintile 1', '')]);
    const { code, err } = await run(f);
    expect(code).toBe(1);
    expect(err).toMatch(/no-subgroup\.csv:2:subgroup: .*is empty/);
  });

  it('rejects an unknown measure code', async () => {
    const { code, err } = await run(upload, '--measures', 'D,XYZ');
    expect(code).toBe(1);
    expect(err).toMatch(/"XYZ" is not a WHO HEAT measure/);
  });

  it('says which direction it assumed when favourable_indicator is absent (and only then)', async () => {
    const f = write('no-direction.csv', [
      'setting,date,indicator_abbr,dimension,subgroup,estimate',
      'X,2021,imr,Sex,Female,30',
      'X,2021,imr,Sex,Male,40',
    ]);
    const json = await run(f, '--format', 'json');
    const { warnings } = JSON.parse(json.out) as { warnings: { code: string; indicator: string }[] };
    expect(warnings).toEqual([expect.objectContaining({ code: 'assumed_favourable', indicator: 'imr' })]);
    const table = await run(f);
    expect(table.err).toMatch(
      /favourable_indicator is absent for indicator imr.*assumed 1, higher is better/,
    );
    const given = await run(upload, '--format', 'json');
    expect((JSON.parse(given.out) as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it('--help lists every column of the upload layout', async () => {
    const io = captureIO(dir);
    await main(['node', 'equilens', 'inequality', '--help'], io);
    for (const c of HEADER.split(',').filter((c) => !['source', 'indicator_name', 'iso3'].includes(c)))
      expect(io.stdout, c).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
});
