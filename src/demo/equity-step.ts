/**
 * The demo's "who we serve and who we employ" step: the community (a synthetic ACS-style table), payer mix by
 * department and site from the demo's dataset (counted on the engine), and a synthetic workforce with a
 * planted pay gap, ingested through the workforce mapping (DEMO_WORKFORCE, the same section as
 * examples/workforce/equilens.yaml) into a workforce version of the demo's workspace and analysed from there.
 * Writes community.csv and workforce.csv (inputs, synthetic) and community.json, payer-mix.json,
 * workforce.json and workforce.public.json beside results.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { communityReport, longAreas, payerMixReport, type AreaTable } from '../community/index.js';
import { patientCountsFromLabels } from '../community/dataset-counts.js';
import { peopleByLabels } from '../engine/community/people-by-labels.js';
import { getDataset, openWorkspace } from '../engine/workspace.js';
import { readWorkforceEmployees, getWorkforceVersion } from '../engine/workforce/index.js';
import { WorkforceSchema, type WorkforceConfig } from '../config/workforce.js';
import { loadWorkforce } from '../ingest/workforce/index.js';
import { COUNTIES } from '../synth/geography.js';
import { syntheticCommunity, syntheticWorkforce } from '../synth/index.js';
import { workforceReport, type Employee } from '../workforce/index.js';
import type { StepOutcome } from './steps.js';

/** The demo's planted pay gap: Black employees paid 6% less at equal level, family, tenure and FTE. */
export const DEMO_PAY_GAP = { group: 'Black or African American', gap: -0.06 };

/** The demo's workforce: section: the synthetic extract's columns, race and sex read by the vocabulary. */
export const DEMO_WORKFORCE: WorkforceConfig = WorkforceSchema.parse({
  source: { name: 'workforce', type: 'csv', path: 'workforce.csv' },
  mapping: {
    employee_id: 'employee_id',
    job_family: 'job_family',
    level: 'level',
    department: 'department',
    tenure_years: 'tenure_years',
    fte: 'fte',
    pay: 'pay',
    hired: 'hired',
    promoted: 'promoted',
    exited: 'exited',
    attributes: { race_ethnicity: { column: 'race_ethnicity' }, sex: { column: 'sex' } },
  },
}) as WorkforceConfig;

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const records = (file: string, rows: string[][]) => ({
  file,
  header: rows[0]!,
  rows: rows.slice(1).map((cells, i) => ({ line: i + 2, cells })),
});
/** FNV-1a of a string as a number in [0, 1): a fixed jitter per county, apart from the patient stream. */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/**
 * A synthetic SVI overall percentile per demo county, so the demo shows the SVI map: higher where the
 * county's ZIPs are more deprived (the same deprivation the synthetic community's payer shares use), with a
 * fixed jitter from the county id. Made up, like the rest of the demo's community; deterministic.
 */
export function demoSvi(area: AreaTable): AreaTable {
  const svi = new Map<string, number>();
  const names = new Map<string, string>();
  for (const c of COUNTIES) {
    const deprivation = c.zips.reduce((s, z) => s + (z[1] + z[2]) / 2, 0) / c.zips.length;
    const rank = 0.1 + 0.8 * deprivation + 0.1 * (unitHash(c.fips) - 0.5);
    svi.set(c.fips, Math.round(10_000 * Math.min(0.99, Math.max(0.01, rank))) / 10_000);
    names.set(c.fips, `${c.name} County (synthetic)`);
  }
  return { ...area, svi, names };
}

const json = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value, null, 2) + '\n');

export async function equityStep(a: { workspace: string; out: string; seed: number }): Promise<StepOutcome> {
  const community = syntheticCommunity();
  const staff = syntheticWorkforce({ employees: 2400, seed: a.seed, payGap: DEMO_PAY_GAP });
  const files = {
    communityTable: join(a.out, 'community.csv'),
    workforceExtract: join(a.out, 'workforce.csv'),
    community: join(a.out, 'community.json'),
    payerMix: join(a.out, 'payer-mix.json'),
    workforce: join(a.out, 'workforce.json'),
    workforcePublic: join(a.out, 'workforce.public.json'),
  };
  writeFileSync(files.communityTable, csv(community));
  writeFileSync(files.workforceExtract, csv(staff));
  const ws = await openWorkspace(a.workspace);
  let counts;
  let employees: Employee[];
  try {
    const dataset = await getDataset(ws.engine);
    counts = patientCountsFromLabels(await peopleByLabels(ws.engine, dataset.schema, 'county'));
    const paths = [files.workforceExtract];
    await loadWorkforce({ engine: ws.engine, dir: a.workspace, workforce: DEMO_WORKFORCE, paths });
    employees = await readWorkforceEmployees(ws.engine, (await getWorkforceVersion(ws.engine)).schema);
  } finally {
    await ws.close();
  }
  const area = demoSvi(longAreas(records('community.csv', community)));
  const payer = payerMixReport(counts, area);
  json(files.community, communityReport(counts, area));
  json(files.payerMix, payer);
  const workforce = workforceReport(employees);
  json(files.workforce, workforce);
  json(files.workforcePublic, workforceReport(employees, { audience: 'public' }));
  const flagged = payer.units.filter((u) => u.flag !== null).map((u) => `${u.unit} (${u.flag})`);
  const gap = workforce.pay_gap.find(
    (p) => p.attribute === 'race_ethnicity' && p.group === DEMO_PAY_GAP.group,
  );
  return {
    status: 'done',
    detail:
      `payer mix: ${flagged.length ? flagged.join(', ') : 'no unit'} stands out; ` +
      `pay gap for ${DEMO_PAY_GAP.group}: ${gap?.adjusted === null || gap?.adjusted === undefined ? 'n/a' : `${(100 * gap.adjusted).toFixed(1)}%`} adjusted`,
    counts: { units: payer.units.length, flagged: flagged.length, employees: employees.length },
    files,
  };
}
