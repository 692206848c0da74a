/**
 * On the shared third-party data (skipped when ../shared/data is absent): the loaded distributions equal an
 * independent count made here from the files with plain JSON parsing and the OMB rules of
 * docs/data-standards.md §1–2 (no Equilens code involved in the expected side).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type Loaded } from './__fixtures__/load-fixture.js';
import { sharedData } from '../../../test/support/needs.js';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const SYNTHEA = join(DATA, 'synthea-qicore-ca-ny');
const KANSAS = join(DATA, 'fhir-bulk-kansas-patients');

type Res = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const OMB: Record<string, string> = {
  '1002-5': 'American Indian or Alaska Native',
  '2028-9': 'Asian',
  '2054-5': 'Black or African American',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2106-3': 'White',
};
const OMB_2024: Record<string, string> = { ...OMB, '2076-8': 'Native Hawaiian or Pacific Islander' };
const LANG: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  hi: 'Hindi',
  vi: 'Vietnamese',
  ja: 'Japanese',
  ru: 'Russian',
  zh: 'Chinese',
  pl: 'Polish',
  fr: 'French',
  haw: 'Hawaiian',
  de: 'German',
  ko: 'Korean',
  ar: 'Arabic',
  it: 'Italian',
  pt: 'Portuguese',
  tl: 'Tagalog',
  ht: 'Haitian Creole',
  el: 'Greek',
  fa: 'Persian',
  ur: 'Urdu',
};

function ombCodes(p: Res, url: string): string[] {
  const ext = (p.extension ?? []).find((e: Res) => e.url.endsWith(url));
  return (ext?.extension ?? [])
    .filter((e: Res) => e.url === 'ombCategory')
    .map((e: Res) => e.valueCoding.code);
}

/** The expected labels of one Patient, by the OMB rules, from its raw JSON. */
function expected(p: Res): Record<string, string> {
  const races = ombCodes(p, 'us-core-race');
  const eth = ombCodes(p, 'us-core-ethnicity');
  const known = races.filter((c) => OMB[c]);
  const race =
    known.length > 1
      ? 'More than one race'
      : known.length
        ? OMB[known[0]!]!
        : races.includes('ASKU')
          ? 'Declined'
          : races.length
            ? 'Unknown'
            : 'Missing';
  const hisp = eth.includes('2135-2');
  const ethnicity = hisp
    ? 'Hispanic or Latino'
    : eth.includes('2186-5')
      ? 'Not Hispanic or Latino'
      : eth.length
        ? 'Unknown'
        : 'Missing';
  const cats = new Set(known.map((c) => OMB_2024[c]));
  if (hisp) cats.add('Hispanic or Latino');
  const race_ethnicity = cats.size > 1 ? 'Multiracial/Multiethnic' : cats.size ? [...cats][0]! : race;
  const birth = (p.extension ?? []).find((e: Res) => e.url.endsWith('us-core-birthsex'))?.valueCode;
  const sex = birth === 'F' ? 'Female' : birth === 'M' ? 'Male' : 'Unknown';
  const code: string | undefined = p.communication?.[0]?.language?.coding?.[0]?.code;
  const language = code ? (LANG[code.split('-')[0]!.toLowerCase()] ?? `?${code}`) : 'Missing';
  return { race, ethnicity, race_ethnicity, sex, language };
}

const tally = (rows: Record<string, string>[], key: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r[key]!] = (out[r[key]!] ?? 0) + 1;
  return out;
};

async function loadedTally(db: Loaded, key: string): Promise<Record<string, number>> {
  const rows = await db.all<{ k: string; n: number }>(
    `SELECT ${key} AS k, COUNT(*) AS n FROM ds.patients GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

const KEYS = ['race', 'ethnicity', 'race_ethnicity', 'sex', 'language'];

describe.skipIf(!sharedData('synthea-qicore-ca-ny'))('Synthea QI-Core bundles (CA + NY)', () => {
  let db: Loaded;
  const patients: Res[] = [];
  const bpPanels: Res[] = [];
  beforeAll(async () => {
    const folders = ['california', 'new_york'].map((s) => join(SYNTHEA, s, 'fhir'));
    for (const f of folders)
      for (const name of readdirSync(f)) {
        const bundle = JSON.parse(gunzipSync(readFileSync(join(f, name))).toString()) as Res;
        for (const e of bundle.entry ?? []) {
          if (e.resource.resourceType === 'Patient') patients.push(e.resource);
          if (e.resource.code?.coding?.[0]?.code === '85354-9') bpPanels.push(e.resource);
        }
      }
    db = await loadPaths(folders, { as_of: '2025-07-28' });
  });
  afterAll(() => db?.close());

  it('loads every Patient of the 177 bundles, rejecting nothing', async () => {
    expect(patients.length).toBe(177); // SOURCE.md: 200 patients, 23 bundles absent upstream
    expect((await db.all('SELECT COUNT(*) AS n FROM ds.patients'))[0]).toEqual({ n: 177 });
    expect(db.result.rejected).toBe(0);
    expect(db.result.read).toBe(db.result.loaded);
  });

  it.each(KEYS)('%s distribution equals the independent count', async (key) => {
    expect(await loadedTally(db, key)).toEqual(tally(patients.map(expected), key));
  });

  it('finds the PRAPARE answers SOURCE.md counts (transportation Yes 109, afraid of partner Yes 37)', async () => {
    const rows = await db.all<{ q: string; n: number }>(
      `SELECT question_code AS q, COUNT(*) AS n FROM ds.sdoh_screenings WHERE positive AND instrument = 'prapare'
       AND question_code IN ('93030-5', '76501-6', '93033-9') GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { q: '76501-6', n: 37 },
      { q: '93030-5', n: 109 },
      { q: '93033-9', n: 79 },
    ]);
  });

  it('splits each BP panel into one row per component', async () => {
    const [r] = await db.all<{ panels: number; rows: number }>(
      `SELECT COUNT(DISTINCT observation_id) AS panels, COUNT(*) AS rows FROM ds.observations WHERE panel_code = '85354-9'`,
    );
    const components = bpPanels.reduce((a, p) => a + (p.component?.length ?? 0), 0);
    expect(r).toEqual({ panels: bpPanels.length, rows: components });
  });
});

describe.skipIf(!sharedData('fhir-bulk-kansas-patients'))(
  'SMART bulk-FHIR Kansas patients (NDJSON.gz)',
  () => {
    let db: Loaded;
    let patients: Res[] = [];
    beforeAll(async () => {
      const file = readdirSync(KANSAS).find((n) => n.endsWith('.ndjson.gz'))!;
      patients = gunzipSync(readFileSync(join(KANSAS, file)))
        .toString()
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Res);
      db = await loadPaths([KANSAS], { as_of: '2024-08-06' });
    });
    afterAll(() => db?.close());

    it('loads the 1,144 patients', async () => {
      expect(patients.length).toBe(1144);
      expect((await db.all('SELECT COUNT(*) AS n FROM ds.patients'))[0]).toEqual({ n: 1144 });
      expect(db.result).toMatchObject({ read: 1144, loaded: 1144, rejected: 0 });
    });

    it.each(KEYS)('%s distribution equals the independent count', async (key) => {
      expect(await loadedTally(db, key)).toEqual(tally(patients.map(expected), key));
    });

    // Synthea jitters some Kansas City / Leavenworth points up to ~2 km into Missouri (and one Caney point
    // into Oklahoma); placed within the address's state first, every one gets a Kansas county.
    it('derives a Kansas county from lat/lon for every patient, and keeps 00000 ZIPs as Unknown', async () => {
      const [r] = await db.all<{ ks: number; zipUnknown: number }>(
        `SELECT COUNT(*) FILTER (WHERE county LIKE '20___') AS ks, COUNT(*) FILTER (WHERE zip = 'Unknown') AS "zipUnknown" FROM ds.patients`,
      );
      expect(r).toEqual({ ks: 1144, zipUnknown: 75 }); // SOURCE.md: 75 placeholder 00000 postal codes
    });
  },
);
