/**
 * Equity files for the report's tests, made by the real commands' functions from synthetic inputs: a
 * community table of two Cook-area counties, patient counts by payer for the system and five departments
 * (one of them small: 4 Medicaid patients of 30, to be withheld in public), and a synthetic workforce
 * of 400 with a planted pay gap. No real person's data.
 */
import { communityReport, longAreas, payerMixReport, type PatientCount } from '../../community/index.js';
import { syntheticWorkforce } from '../../synth/index.js';
import { readEmployees, workforceReport } from '../../workforce/index.js';
import type { EquityFiles } from '../community-files.js';

const records = (file: string, rows: string[][]) => ({
  file,
  header: rows[0]!,
  rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })),
});

const COMMUNITY = [
  ['area', 'attribute', 'group', 'estimate', 'moe', 'denominator'],
  ['17031', 'payer', 'medicaid', '1200', '60', '5000'],
  ['17031', 'payer', 'uninsured', '400', '40', '5000'],
  ['17031', 'payer', 'commercial', '3400', '80', '5000'],
  ['17043', 'payer', 'medicaid', '500', '40', '4000'],
  ['17043', 'payer', 'uninsured', '200', '30', '4000'],
  ['17043', 'payer', 'commercial', '3300', '70', '4000'],
];

/** [department, medicaid, uninsured, commercial] patients in 17031 (and a tenth of each in 17043). */
const DEPARTMENTS: [string, number, number, number][] = [
  ['Cardiology', 150, 40, 810],
  ['Emergency', 600, 200, 1200],
  ['Medicine', 400, 100, 1000],
  ['Surgery', 300, 60, 1140],
  ['Wound Clinic', 4, 0, 26],
];

function patientCounts(): PatientCount[] {
  const out: PatientCount[] = [];
  const add = (facet: string, unit: string, area: string, group: string, count: number) =>
    out.push({ facet, unit, area, attribute: 'payer', group, count });
  for (const [unit, m, u, c] of DEPARTMENTS) {
    for (const [area, k] of [
      ['17031', 1],
      ['17043', 0.1],
    ] as const) {
      const [mm, uu, cc] = [m, u, c].map((x) => (k === 1 ? x : Math.round(x * k)));
      add('department', unit, area, 'medicaid', mm!);
      add('department', unit, area, 'uninsured', uu!);
      add('department', unit, area, 'commercial', cc!);
      add('', '', area, 'medicaid', mm!);
      add('', '', area, 'uninsured', uu!);
      add('', '', area, 'commercial', cc!);
    }
  }
  // The system's rows are per area: add them up (one row per area and group).
  const merged = new Map<string, PatientCount>();
  for (const p of out) {
    const key = [p.facet, p.unit, p.area, p.group].join('\t');
    const had = merged.get(key);
    merged.set(key, had ? { ...had, count: had.count + p.count } : p);
  }
  return [...merged.values()];
}

export function fixtureEquity(audience: 'internal' | 'public' = 'internal'): EquityFiles {
  const counts = patientCounts();
  const area = longAreas(records('community.csv', COMMUNITY));
  const staff = syntheticWorkforce({
    employees: 400,
    seed: 7,
    payGap: { group: 'Black or African American', gap: -0.08 },
  });
  const { employees } = readEmployees(records('workforce.csv', staff));
  return {
    community: communityReport(counts, area),
    payerMix: payerMixReport(counts, area),
    workforce: workforceReport(employees, { audience }),
  };
}
