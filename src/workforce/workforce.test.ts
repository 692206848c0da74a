import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { qrSolve } from '../../test/support/qr.js';
import { syntheticWorkforce } from '../synth/workforce.js';
import { emp } from './__fixtures__/employee.js';
import {
  payGap,
  rates,
  readEmployees,
  representation,
  suppressedCells,
  workforceReport,
  type Employee,
} from './index.js';

const records = (rows: string[][]) => ({
  file: 'hr.csv',
  header: rows[0]!,
  rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })),
});

describe('reading an HR extract', () => {
  it('maps race and sex through the vocabulary, rejects bad rows by line and column, never quoting them', () => {
    const r = readEmployees(
      records([
        ['employee_id', 'race_ethnicity', 'sex', 'pay', 'fte', 'promoted'],
        ['1', 'black', 'F', '52,000', '1', 'Y'],
        ['2', 'martian', 'M', '48000', '1', '0'],
        ['3', 'white', 'F', 'lots', '1', '0'],
        ['4', 'white', 'F', '50000'],
      ]),
    );
    expect(r.employees.map((e) => e.race_ethnicity)).toEqual(['Black or African American', 'Unknown']);
    expect(r.employees[0]).toMatchObject({ sex: 'Female', pay: 52000, promoted: true });
    expect(r.unmapped).toEqual([{ column: 'race_ethnicity', rows: 1 }]);
    expect(r.reconciliation).toEqual({ read: 4, loaded: 2, rejected: 2 });
    expect(r.rejections.find((x) => x.line === 4)?.column).toBe('pay');
    expect(r.rejections.find((x) => x.line === 5)?.reason).toContain('4 fields, the header has 6');
    expect(JSON.stringify(r.rejections)).not.toContain('lots');
  });
});

describe('pay gap', () => {
  it('recovers an exact planted gap at equal level (worked: pay = base × 0.9 for one group)', () => {
    const base: Record<string, number> = { L1: 40000, L2: 60000 };
    const list: Employee[] = [];
    for (const [i, race] of ['White', 'Black or African American'].entries())
      for (const level of ['L1', 'L2'])
        for (let k = 0; k < 6; k++) {
          // Black employees are mostly in L1, so the unadjusted gap is larger than the adjusted one.
          if (i === 1 && level === 'L2' && k > 1) continue;
          const tenure = k;
          const pay = base[level]! * Math.exp(0.02 * tenure) * (i === 1 ? 0.9 : 1);
          list.push(
            emp({ id: `${race}${level}${k}`, race_ethnicity: race, level, tenure_years: tenure, pay }),
          );
        }
    const row = payGap(list).find((r) => r.attribute === 'race_ethnicity')!;
    expect(row.reference).toBe('White');
    expect(row.adjusted).toBeCloseTo(-0.1, 10);
    expect(row.unadjusted!).toBeLessThan(-0.1);
  });

  it('equals an independent least-squares fit (Gram–Schmidt QR) on a fixed data set', () => {
    const rows = syntheticWorkforce({ employees: 60, seed: 11 }).slice(1);
    const { employees } = readEmployees(records(syntheticWorkforce({ employees: 60, seed: 11 })));
    const row = payGap(employees).find((r) => r.attribute === 'sex' && r.group === 'Male')!;
    // The same design written out by hand: 1, male, level dummies, family dummies, tenure, FTE.
    const levels = [...new Set(rows.map((r) => r[4]!))].sort().slice(1);
    const families = [...new Set(rows.map((r) => r[3]!))].sort().slice(1);
    const x = rows.map((r) => [
      1,
      r[2] === 'Male' ? 1 : 0,
      ...levels.map((l) => (r[4] === l ? 1 : 0)),
      ...families.map((f) => (r[3] === f ? 1 : 0)),
      Number(r[6]),
      Number(r[7]),
    ]);
    const b = qrSolve(
      x,
      rows.map((r) => Math.log(Number(r[8]))),
    );
    const female = rows.filter((r) => r[2] === 'Female').length;
    expect(row.reference).toBe(female > rows.length / 2 ? 'Female' : 'Male');
    expect(row.adjusted).toBeCloseTo(Math.exp(b[1]!) - 1, 10);
  });

  it('finds a planted 6% gap and, with none planted, flags no more often than the FDR (simulation)', () => {
    const found = (gap: number | undefined, seed: number) => {
      const spec = {
        employees: 800,
        seed,
        ...(gap ? { payGap: { group: 'Black or African American', gap } } : {}),
      };
      const { employees } = readEmployees(records(syntheticWorkforce(spec)));
      return payGap(employees);
    };
    let planted = 0;
    let falseRuns = 0;
    const runs = 40;
    for (let s = 1; s <= runs; s++) {
      const black = found(-0.06, s).find(
        (r) => r.attribute === 'race_ethnicity' && r.group === 'Black or African American',
      )!;
      if (black.q_value! < 0.05 && black.upper! < 0) planted++;
      if (found(undefined, 1000 + s).some((r) => r.q_value !== null && r.q_value < 0.05)) falseRuns++;
    }
    expect(planted / runs).toBeGreaterThanOrEqual(0.9);
    expect(falseRuns / runs).toBeLessThanOrEqual(0.1);
  });
});

describe('rates', () => {
  it('promotion rate by group against the largest group (worked)', () => {
    const list = [
      ...Array.from({ length: 40 }, (_, i) => emp({ id: `w${i}`, promoted: i < 8 })),
      ...Array.from({ length: 20 }, (_, i) =>
        emp({ id: `b${i}`, race_ethnicity: 'Black or African American', promoted: i < 1 }),
      ),
    ];
    const r = rates(list).find((x) => x.event === 'promoted' && x.group === 'Black or African American')!;
    expect(r.reference).toBe('White');
    expect(r.rate).toBeCloseTo(0.05, 12);
    expect(r.difference).toBeCloseTo(0.05 - 0.2, 12);
    expect(r.difference_upper!).toBeGreaterThan(r.difference!);
  });
});

const arbEmployees = fc.array(
  fc.record({
    race: fc.constantFrom('White', 'Black or African American', 'Asian', 'Declined'),
    sex: fc.constantFrom('Female', 'Male'),
    level: fc.constantFrom('L1', 'L2', 'L3'),
    pay: fc.integer({ min: 30000, max: 90000 }),
    promoted: fc.boolean(),
  }),
  { minLength: 1, maxLength: 150 },
);

describe('public workforce output', () => {
  it('shows no group under the threshold, and no published sum has exactly one suppressed term (property)', () => {
    fc.assert(
      fc.property(arbEmployees, fc.integer({ min: 11, max: 30 }), (draws, threshold) => {
        const list = draws.map((d, i) =>
          emp({
            id: `E${i}`,
            race_ethnicity: d.race,
            sex: d.sex,
            level: d.level,
            pay: d.pay,
            promoted: d.promoted,
          }),
        );
        const r = workforceReport(list, { audience: 'public', threshold });
        for (const row of r.representation)
          if (row.employees !== null) expect(row.employees === 0 || row.employees >= threshold).toBe(true);
        for (const row of r.representation)
          if (row.total !== null) expect(row.total === 0 || row.total >= threshold).toBe(true);
        for (const row of [...r.rates, ...r.pay_gap])
          if ('suppressed' in row && !row.suppressed)
            expect(row.employees!).toBeGreaterThanOrEqual(threshold);
          else if ('q_value' in row) expect([row.q_value, row.p_value]).toEqual([null, null]);
        // Each level's total over its groups (the total itself a term): never exactly one hidden term.
        const hidden = suppressedCells(representation(list), threshold);
        const byTotal = new Map<string, number>();
        for (const k of hidden) {
          const [level, attribute] = k.split('\t');
          if (level === undefined) continue;
          byTotal.set(`${level}\t${attribute}`, (byTotal.get(`${level}\t${attribute}`) ?? 0) + 1);
        }
        for (const n of byTotal.values()) expect(n).not.toBe(1);
      }),
      { numRuns: 150 },
    );
  });
});
