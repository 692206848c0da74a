import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDatasets, openWorkspace } from '../../engine/workspace.js';
import { listWorkforceVersions, readWorkforceEmployees } from '../../engine/workforce/index.js';
import { EquilensError } from '../../errors.js';
import { ingestWorkforce } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-wf-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (name: string, extra = '', file = 'hr.csv') => {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `project: { name: HR }
sources: [{ name: main, type: csv, path: patients.csv }]
mapping: { patient_id: pid }
workforce:
  source: { name: hr, type: csv, path: ${file}, as_of: '2024-12-31' }
  mapping:
    employee_id: EmpNo
    period: Year
    level: Grade
    hire_date: Hired
    pay: Salary
    fte: FTE
    promoted: Promo
    attributes:
      race_ethnicity: { column: Race, values: { B: black, W: white, H: hispanic, D: declined } }
      sex: { column: Gender, values: { F: female, M: male } }
${extra}`,
  );
  return path;
};

// Line 1 is the header. Worked by hand:
//  2  E1 2023 ok                      3  E1 2024 ok (the same employee, another year)
//  4  E2 2024 Salary "lots"  → pay    5  ragged (3 fields)  → rejected by the reader
//  6  empty EmpNo → EmpNo             7  E1 2024 again → duplicate of line 3
//  8  E3 2024 race "Z" → Unknown, unmapped (loaded)   9  E4 2024 Promo "maybe" → Promo
// 10  E5 2024 Hired 2030, after as_of → Hired. (The reader names line 5's first missing column.)
// read 9 = loaded 3 (lines 2, 3, 8) + rejected 6.
const HR = [
  'EmpNo,Year,Race,Gender,Grade,Hired,Salary,FTE,Promo',
  'E1,2023,B,F,L1,2020-01-15,50000,1,0',
  'E1,2024,B,F,L2,2020-01-15,"56,000",1,1',
  'E2,2024,W,M,L1,2019-03-01,lots,1,0',
  'E9,2024,W',
  ',2024,W,M,L1,2019-03-01,40000,1,0',
  'E1,2024,B,F,L2,2020-01-15,56000,1,1',
  'E3,2024,Z,M,L1,2021-06-01,47000,0.5,0',
  'E4,2024,H,F,L1,2021-06-01,47000,1,maybe',
  'E5,2024,H,F,L1,2030-06-01,47000,1,0',
].join('\n');

describe('ingest --workforce: the HR extract through the mapping, into its own versions', () => {
  writeFileSync(join(dir, 'hr.csv'), HR + '\n');
  const cfg = config('equilens');
  const workspace = join(dir, 'ws');

  it('accounts for every row: rejections by line and column, no value echoed, employee-years kept', async () => {
    const r = await ingestWorkforce({ configPath: cfg, workspace });
    const rec = r.reconciliation;
    expect([rec.read, rec.loaded, rec.rejected]).toEqual([9, 3, 6]);
    expect(rec.read).toBe(rec.loaded + rec.rejected);
    expect(r.workforce).toMatchObject({ version: 1, rows: 3, employees: 2, periods: 2 });
    expect(r.workforce.id).toMatch(/^wf1-[0-9a-f]{8}$/);
    const at = Object.fromEntries(rec.rejections.map((x) => [x.line, x.column]));
    expect(at).toEqual({ 4: 'Salary', 5: 'Gender', 6: 'EmpNo', 7: 'EmpNo', 9: 'Promo', 10: 'Hired' });
    const reason = (line: number) => rec.rejections.find((x) => x.line === line)!.reason;
    expect(reason(4)).toContain('Salary (pay) is not a number');
    expect(reason(5)).toContain('3 fields, the header has 9');
    expect(reason(7)).toContain('line 3');
    expect(JSON.stringify(rec.rejections)).not.toMatch(/lots|maybe|E1|E2|E9|2030/);
    expect(rec.rejections.every((x) => x.value === null)).toBe(true);
    expect(rec.unmapped).toEqual([{ attribute: 'race_ethnicity', column: 'Race', code: 'Z', rows: 1 }]);
    expect(rec.rejectionsFile).toContain('workforce-rejections-v1.internal.csv');
    expect(readFileSync(rec.rejectionsFile!, 'utf8')).not.toMatch(/lots|maybe/);
  });

  it('stores the employees (value maps applied, tenure to source.as_of) apart from the patient datasets', async () => {
    const ws = await openWorkspace(workspace, { readOnly: true });
    try {
      expect(await listDatasets(ws.engine)).toEqual([]);
      const [v] = await listWorkforceVersions(ws.engine);
      const employees = await readWorkforceEmployees(ws.engine, v!.schema);
      expect(employees.map((e) => [e.line, e.id, e.period, e.race_ethnicity, e.sex, e.level])).toEqual([
        [2, 'E1', '2023', 'Black or African American', 'Female', 'L1'],
        [3, 'E1', '2024', 'Black or African American', 'Female', 'L2'],
        [8, 'E3', '2024', 'Unknown', 'Male', 'L1'],
      ]);
      expect(employees[1]).toMatchObject({ pay: 56000, fte: 1, promoted: true, hired: false });
      // 2020-01-15 → 2024-12-31: 1812 days / 365.25
      expect(employees[0]!.tenure_years).toBeCloseTo(1812 / 365.25, 10);
    } finally {
      await ws.close();
    }
  });

  it('makes no new version for unchanged content, and one with force', async () => {
    const again = await ingestWorkforce({ configPath: cfg, workspace });
    expect(again.unchanged?.since).toBe(1);
    expect(again.workforce.version).toBe(1);
    expect(again.reconciliation.rejected).toBe(6);
    const forced = await ingestWorkforce({ configPath: cfg, workspace, force: true });
    expect(forced.workforce.version).toBe(2);
    expect(forced.unchanged).toBeUndefined();
  });

  it('refuses an extract whose every row is rejected, storing nothing', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      'EmpNo,Year,Race,Gender,Grade,Hired,Salary,FTE,Promo\n,2024,B,F,L1,,1,1,0\n',
    );
    const err = await ingestWorkforce({ configPath: config('bad', '', 'bad.csv'), workspace }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EquilensError);
    expect((err as EquilensError).message).toContain('Every row was rejected (1 read, 1 rejected)');
    expect((err as EquilensError).message).toContain('column EmpNo');
    const ws = await openWorkspace(workspace, { readOnly: true });
    try {
      expect((await listWorkforceVersions(ws.engine)).map((v) => v.version)).toEqual([1, 2]);
    } finally {
      await ws.close();
    }
  });

  it('names the mapping key whose column the extract does not have', async () => {
    const path = config('typo', '', 'hr.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('pay: Salary', 'pay: AnnualPay'));
    const err = (await ingestWorkforce({ configPath: path, workspace }).catch(
      (e: unknown) => e,
    )) as EquilensError;
    expect(err.code).toBe('invalid_config');
    expect(err.details.path).toBe('workforce.mapping.pay');
    expect(err.message).toContain('"AnnualPay"');
    expect(err.message).toContain('EmpNo, Year, Race');
  });

  it('refuses a config without a workforce: section', async () => {
    const path = join(dir, 'none.yaml');
    writeFileSync(
      path,
      'project: { name: X }\nsources: [{ name: a, type: csv }]\nmapping: { patient_id: p }\n',
    );
    const err = (await ingestWorkforce({ configPath: path, workspace }).catch(
      (e: unknown) => e,
    )) as EquilensError;
    expect(err.details.path).toBe('workforce');
  });
});
