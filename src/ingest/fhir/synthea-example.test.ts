/**
 * examples/synthea-fhir end to end (ingest → library measures), skipped when ../shared/data is absent.
 * Expected: an independent count from the bundles with plain JSON parsing, following the issue's
 * definitions (cbp, hba1c-poor-control, sdoh-screening) over the example's period (calendar 2024, ages at
 * 2024-12-31); no Equilens code is used on the expected side.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/workspace.js';
import { ingest } from '../index.js';
import { sharedData } from '../../../test/support/needs.js';

const ROOT = join(import.meta.dirname, '../../..');
const DATA = join(ROOT, '../shared/data/synthea-qicore-ca-ny');
const CONFIG = join(ROOT, 'examples/synthea-fhir/equilens.yaml');
const START = '2024-01-01';
const END = '2024-12-31';

type Res = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const d10 = (s: unknown): string => (typeof s === 'string' ? s.slice(0, 10) : '');
const inPeriod = (d: string): boolean => d >= START && d <= END;
const ageAt = (birth: string, at: string): number =>
  Number(at.slice(0, 4)) - Number(birth.slice(0, 4)) - (at.slice(5) < birth.slice(5) ? 1 : 0);
const codes = (cc: Res | undefined): Res[] => cc?.coding ?? [];
const SCT = 'http://snomed.info/sct';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const has = (c: Res, sys: string, list: string[], prefix = false): boolean =>
  c.system === sys && list.some((x) => (prefix ? c.code.startsWith(x) : c.code === x));

interface Expected {
  cbp: [number, number];
  hba1c: [number, number];
  sdoh: [number, number];
}

/** The three measures of one patient's bundle: [inDenominator, inNumerator] each. */
function perPatient(entries: Res[]): Record<keyof Expected, [boolean, boolean]> {
  const res = entries.map((e) => e.resource);
  const p = res.find((r) => r.resourceType === 'Patient')!;
  const age = ageAt(p.birthDate, END);
  const enc = res.some((r) => r.resourceType === 'Encounter' && inPeriod(d10(r.period?.start)));
  const conds = res.filter((r) => r.resourceType === 'Condition');
  const onset = (r: Res): string => d10(r.onsetDateTime ?? r.recordedDate);
  const dx = (sct: string[], icd: string[], prefix = false): boolean =>
    conds.some(
      (r) => onset(r) <= END && codes(r.code).some((c) => has(c, SCT, sct) || has(c, ICD, icd, prefix)),
    );
  const obs = res.filter((r) => r.resourceType === 'Observation');
  // BP: per day in the period, the lowest systolic and lowest diastolic (components or observations).
  const days = new Map<string, { s?: number; d?: number }>();
  for (const o of obs) {
    const day = d10(o.effectiveDateTime);
    if (!inPeriod(day)) continue;
    const parts = o.component?.length ? o.component : [o];
    for (const c of parts) {
      const code = codes(c.code)[0]?.code;
      const v = c.valueQuantity?.value;
      if (typeof v !== 'number' || (code !== '8480-6' && code !== '8462-4')) continue;
      const e = days.get(day) ?? {};
      if (code === '8480-6') e.s = Math.min(e.s ?? Infinity, v);
      else e.d = Math.min(e.d ?? Infinity, v);
      days.set(day, e);
    }
  }
  const lastBp = [...days]
    .filter(([, v]) => v.s !== undefined && v.d !== undefined)
    .sort(([a], [b]) => (a < b ? 1 : -1))[0];
  const cbpDen = age >= 18 && age <= 85 && enc && dx(['38341003', '59621000'], ['I10']);
  const cbpNum = !!lastBp && lastBp[1].s! < 140 && lastBp[1].d! < 90;
  // HbA1c: the highest value on the latest day in the period; none = poor control.
  const a1c = obs
    .filter((o) => codes(o.code)[0]?.code === '4548-4' && inPeriod(d10(o.effectiveDateTime)))
    .map((o) => ({ day: d10(o.effectiveDateTime), v: o.valueQuantity?.value as number }));
  const lastDay = a1c
    .map((x) => x.day)
    .sort()
    .at(-1);
  const lastValue = Math.max(...a1c.filter((x) => x.day === lastDay).map((x) => x.v));
  const hbaDen =
    age >= 18 && age <= 75 && enc && dx(['44054006', '73211009', '46635009'], ['E10', 'E11'], true);
  const hbaNum = !lastDay || lastValue > 9;
  // SDOH: answered PRAPARE items and social-finding Conditions in the period, by domain.
  const domains = new Set<string>();
  const ITEM: Record<string, string[]> = {
    '93031-3': ['food', 'utilities'],
    '71802-3': ['housing'],
    '93033-9': ['housing'],
    '93030-5': ['transportation'],
    '93026-3': ['safety'],
    '76501-6': ['safety'],
  };
  for (const o of obs) {
    if (!inPeriod(d10(o.effectiveDateTime))) continue;
    const panel = codes(o.code)[0]?.code;
    const items = panel === '93025-5' ? (o.component ?? []) : [o];
    for (const c of items) {
      const answered = c.valueCodeableConcept || c.valueString;
      for (const d of ITEM[codes(c.code)[0]?.code] ?? []) if (answered) domains.add(d);
    }
  }
  const FINDING: Record<string, string> = {
    '713458007': 'transportation',
    '706893006': 'safety',
    '32911000': 'housing',
    '733423003': 'food',
  };
  for (const r of conds)
    for (const c of codes(r.code))
      if (c.system === SCT && FINDING[c.code] && inPeriod(onset(r))) domains.add(FINDING[c.code]!);
  const sdohDen = age >= 18 && enc;
  const sdohNum = ['food', 'utilities', 'housing', 'transportation', 'safety'].every((d) => domains.has(d));
  return { cbp: [cbpDen, cbpNum], hba1c: [hbaDen, hbaNum], sdoh: [sdohDen, sdohNum] };
}

describe.skipIf(!sharedData('synthea-qicore-ca-ny'))('examples/synthea-fhir end to end', () => {
  const expected: Expected = { cbp: [0, 0], hba1c: [0, 0], sdoh: [0, 0] };
  let got: Record<string, [number, number]> = {};
  let ws = '';
  beforeAll(async () => {
    for (const state of ['california', 'new_york']) {
      const dir = join(DATA, state, 'fhir');
      for (const name of readdirSync(dir)) {
        const bundle = JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString()) as Res;
        if (!bundle.entry?.some((e: Res) => e.resource.resourceType === 'Patient')) continue;
        const m = perPatient(bundle.entry);
        for (const k of Object.keys(m) as (keyof Expected)[]) {
          if (m[k][0]) expected[k][0]++;
          if (m[k][0] && m[k][1]) expected[k][1]++;
        }
      }
    }
    ws = mkdtempSync(join(tmpdir(), 'equilens-synthea-'));
    const r = await ingest({ configPath: CONFIG, workspace: ws });
    expect(r.reconciliation.rejected).toBe(0);
    const w = await openWorkspace(ws);
    const rows = await w.engine.all<{ id: string; d: number; n: number }>(
      `SELECT measure_id AS id, COUNT(*) FILTER (WHERE in_denominator AND NOT excluded) AS d,
        COUNT(*) FILTER (WHERE in_denominator AND NOT excluded AND in_numerator) AS n FROM ds_1.measure_rows GROUP BY 1`,
    );
    await w.close();
    got = Object.fromEntries(rows.map((x) => [x.id, [x.d, x.n]]));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('cbp equals the independent count', () => {
    expect(got.cbp).toEqual(expected.cbp);
    expect(expected.cbp[0]).toBeGreaterThan(20);
  });
  it('hba1c-poor-control equals the independent count', () => {
    expect(got['hba1c-poor-control']).toEqual(expected.hba1c);
  });
  it('sdoh-screening equals the independent count', () => {
    expect(got['sdoh-screening']).toEqual(expected.sdoh);
    expect(expected.sdoh[1]).toBeGreaterThan(100);
  });
});
