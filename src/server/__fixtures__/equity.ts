/**
 * Equity results for the server's tests, computed by the real library functions on made-up aggregates:
 * a two-county community (race and payer), patients by department (Cardiology sees few Medicaid patients;
 * "Clinic" is small: 6 Black patients, 4 Medicaid patients, both under the public threshold of 11), and
 * a synthetic workforce of 400 with a planted 6% pay gap.
 */
import { communityReport, longAreas, payerMixReport, type PatientCount } from '../../community/index.js';
import { syntheticWorkforce } from '../../synth/index.js';
import { readEmployees, workforceReport } from '../../workforce/index.js';

const AREAS = ['06001', '06013'];
const community = [
  ['area', 'attribute', 'group', 'estimate', 'moe', 'denominator'],
  ...AREAS.flatMap((a) => [
    [a, 'race_ethnicity', 'White', '50000', '900', '100000'],
    [a, 'race_ethnicity', 'Black', '20000', '700', '100000'],
    [a, 'race_ethnicity', 'Hispanic', '30000', '800', '100000'],
    [a, 'payer', 'medicaid', '25000', '800', '100000'],
    [a, 'payer', 'uninsured', '5000', '400', '100000'],
  ]),
];

/** Race and payer counts of one unit in each area: [white, black, hispanic], [medicaid, uninsured, other]. */
function unit(facet: string, name: string, race: number[], payer: number[]): PatientCount[] {
  const rows: PatientCount[] = [];
  for (const area of AREAS) {
    const at = (attribute: string, group: string, count: number) =>
      rows.push({ facet, unit: name, area, attribute, group, count });
    ['White', 'Black', 'Hispanic'].forEach((g, i) => at('race_ethnicity', g, race[i]!));
    ['medicaid', 'uninsured', 'commercial'].forEach((g, i) => at('payer', g, payer[i]!));
  }
  return rows;
}

const UNITS: [string, number[], number[]][] = [
  ['Cardiology', [400, 60, 140], [40, 10, 550]],
  ['Emergency', [300, 180, 220], [220, 60, 420]],
  ['Medicine', [350, 120, 180], [150, 30, 470]],
  ['Clinic', [20, 3, 7], [2, 0, 28]],
];

export function patientCounts(): PatientCount[] {
  const sum = (k: 1 | 2, i: number) => UNITS.reduce((s, u) => s + u[k][i]!, 0);
  return [
    ...unit('', '', [0, 1, 2].map((i) => sum(1, i)), [0, 1, 2].map((i) => sum(2, i))),
    ...UNITS.flatMap(([name, race, payer]) => unit('department', name, race, payer)),
  ];
}

const areaTable = () =>
  longAreas({
    file: 'community.csv',
    header: community[0]!,
    rows: community.slice(1).map((cells, i) => ({ line: i + 2, cells })),
  });

export const communityFixture = () => communityReport(patientCounts(), areaTable(), { areas: AREAS });
export const payerMixFixture = () => payerMixReport(patientCounts(), areaTable(), { areas: AREAS });

function employees() {
  const rows = syntheticWorkforce({ employees: 400, seed: 7, payGap: { group: 'Black or African American', gap: -0.06 } });
  return readEmployees({
    file: 'workforce.csv',
    header: rows[0]!,
    rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })),
  }).employees;
}
export const workforceFixture = () => workforceReport(employees());
export const workforcePublicFixture = () => workforceReport(employees(), { audience: 'public' });
