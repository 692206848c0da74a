/**
 * End to end on hand-built synthetic fixtures (__fixtures__/bundle-demo.json, __fixtures__/bulk/*.ndjson):
 * every extraction rule with its expected value worked out by hand from the fixture.
 */
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type Loaded } from './__fixtures__/load-fixture.js';

const FIX = join(import.meta.dirname, '__fixtures__');

describe('loadFhir on the demo bundle and bulk NDJSON', () => {
  let db: Loaded;
  beforeAll(async () => {
    db = await loadPaths([join(FIX, 'bundle-demo.json'), join(FIX, 'bulk')]);
  });
  afterAll(() => db.close());

  const patient = async (id: string): Promise<Record<string, unknown>> =>
    (await db.all(`SELECT * FROM ds.patients WHERE patient_id = '${id}'`))[0]!;

  it('accounts for every resource: read = loaded + rejected, per file', () => {
    const { result } = db;
    expect(result.read).toBe(result.loaded + result.rejected);
    for (const f of result.files) expect(f.read).toBe(f.loaded + f.rejected);
    const byName = Object.fromEntries(result.files.map((f) => [f.file.split('/').pop(), f]));
    // 26 Bundle entries, all loaded (Organization is accepted and reported as ignored).
    expect(byName['bundle-demo.json']).toMatchObject({ read: 26, loaded: 26, rejected: 0 });
    // Patient.ndjson: 5 non-blank lines; bad JSON, unknown resourceType, missing id rejected.
    expect(byName['Patient.ndjson']).toMatchObject({ read: 5, loaded: 2, rejected: 3 });
    // Observation.ndjson: a missing patient (line 2) and a missing code (line 3).
    expect(byName['Observation.ndjson']).toMatchObject({ read: 3, loaded: 1, rejected: 2 });
    expect(result.warnings.map((w) => w.code)).toContain('fhir_ignored_types');
  });

  it('rejects bad lines with file, line and reason', async () => {
    const rows = await db.all<{ file: string; line: number; column_name: string | null; reason: string }>(
      'SELECT file, line, column_name, reason FROM ds.rejections ORDER BY file, line',
    );
    const short = rows.map((r) => [r.file.split('/').pop(), r.line, r.column_name]);
    expect(short).toEqual([
      ['Observation.ndjson', 2, 'subject.reference'],
      ['Observation.ndjson', 3, 'code'],
      ['Patient.ndjson', 2, null],
      ['Patient.ndjson', 3, 'resourceType'],
      ['Patient.ndjson', 4, 'id'],
    ]);
    expect(rows[0]!.reason).toMatch(/references a Patient that is not in this source/);
    expect(rows[2]!.reason).toMatch(/not valid JSON/);
    const obs = await db.all("SELECT observation_id FROM ds.observations WHERE patient_id = 'k9'");
    expect(obs).toEqual([]);
  });

  it('reads race and ethnicity: two races are multiracial, never collapsed; UNK/ASKU are statuses', async () => {
    const a = await patient('pat-a');
    expect(a).toMatchObject({
      race: 'More than one race',
      ethnicity: 'Not Hispanic or Latino',
      race_ethnicity: 'Multiracial/Multiethnic',
      race_codes: ['2106-3', '2054-5'],
      ethnicity_codes: ['2186-5'],
      race_source: '2106-3,2054-5 (White and Black)',
    });
    const b = await patient('pat-b');
    expect(b).toMatchObject({ race: 'Unknown', ethnicity: 'Declined', race_codes: [] });
    expect((await patient('pat-c')).race_ethnicity).toBe('Missing');
  });

  it('reads sex, gender identity (US Core ext, core ext, 76691-5 Observation) and sexual orientation', async () => {
    const [a, b, c] = [await patient('pat-a'), await patient('pat-b'), await patient('pat-c')];
    expect(a).toMatchObject({
      sex: 'Female',
      sex_source: 'birthsex=F; gender=female',
      gender_identity: 'Non-binary',
    });
    expect(a.sexual_orientation).toBe('Bisexual');
    expect(b).toMatchObject({ sex: 'Male', gender_identity: 'Man', sexual_orientation: 'Missing' });
    expect(c).toMatchObject({ sex: 'Unknown', gender_identity: 'Declined' });
  });

  it('reads the preferred language and interpreter need (limited English)', async () => {
    expect(await patient('pat-a')).toMatchObject({
      language: 'Spanish',
      language_source: 'es-MX',
      interpreter_needed: true,
      limited_english: 'Yes',
    });
    expect(await patient('pat-b')).toMatchObject({ language: 'English', limited_english: 'No' });
    expect(await patient('k1')).toMatchObject({ language: 'Russian', limited_english: 'Yes' });
  });

  it('reads ZIP and county (district name, or lat/lon point-in-polygon), payer, disability, tribe', async () => {
    // pat-a: current home address district "Sedgwick County", KS → 20173; pat-b: Wichita lat/lon → 20173.
    expect(await patient('pat-a')).toMatchObject({
      zip: '67202',
      county: '20173',
      payer: 'Medicaid',
      disability: 'Yes',
      tribal_affiliation: '40 Cherokee Nation (enrolled)',
    });
    expect(await patient('pat-b')).toMatchObject({ zip: 'Unknown', county: '20173', payer: 'Missing' });
    expect(await patient('pat-c')).toMatchObject({
      zip: 'Missing',
      county: 'Missing',
      disability: 'Missing',
    });
  });

  it('computes the 10-year age band at the latest encounter date (2024-05-03)', async () => {
    expect((await patient('pat-a')).age_band).toBe('50-59'); // 53
    expect((await patient('pat-b')).age_band).toBe('10-19'); // 16
    expect((await patient('pat-c')).age_band).toBe('70-79'); // 74
  });

  it('splits a BP panel into one row per component with panel_code 85354-9', async () => {
    const rows = await db.all(
      "SELECT code, value_num, panel_code, encounter_id FROM ds.observations WHERE observation_id = 'bp-a1' ORDER BY code",
    );
    expect(rows).toEqual([
      { code: '8462-4', value_num: 84, panel_code: '85354-9', encounter_id: 'enc-a1' },
      { code: '8480-6', value_num: 132, panel_code: '85354-9', encounter_id: 'enc-a1' },
    ]);
    const members = await db.all(
      "SELECT DISTINCT panel_code FROM ds.observations WHERE observation_id LIKE 'ahc-b1-%'",
    );
    expect(members).toEqual([{ panel_code: '96777-8' }]);
  });

  it('loads encounters, conditions, procedures, medications and immunizations', async () => {
    const count = async (t: string): Promise<number> =>
      (await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ds.${t}`))[0]!.n;
    expect(await count('encounters')).toBe(2);
    expect(await count('conditions')).toBe(3);
    expect(await count('procedures')).toBe(1);
    expect(await count('medications')).toBe(1);
    expect(await count('immunizations')).toBe(1);
    const [cond] = await db.all(
      "SELECT code, system, CAST(onset_date AS VARCHAR) AS d FROM ds.conditions WHERE condition_id = 'cond-a1'",
    );
    expect(cond).toEqual({ code: 'I10', system: 'icd10cm', d: '2015-02-03' });
    const [enc] = await db.all(
      "SELECT class, discharge_disposition, CAST(end_date AS VARCHAR) AS e FROM ds.encounters WHERE encounter_id = 'enc-b1'",
    );
    expect(enc).toEqual({ class: 'EMER', discharge_disposition: 'home', e: '2024-05-03' });
  });

  it('classifies screening answers in every form (components, hasMember, QuestionnaireResponse, Z codes)', async () => {
    const rows = await db.all<{ p: string; i: string; d: string; q: string; pos: boolean }>(
      `SELECT patient_id AS p, instrument AS i, domain AS d, question_code AS q, positive AS pos
       FROM ds.sdoh_screenings WHERE screened ORDER BY ALL`,
    );
    const pos = rows.filter((r) => r.pos).map((r) => `${r.p} ${r.i} ${r.d} ${r.q}`);
    expect(pos).toEqual([
      'pat-a hunger-vital-sign food 88122-7',
      'pat-a icd10cm-z food Z59.41',
      'pat-a prapare housing_instability 93033-9',
      'pat-a prapare transportation 93030-5',
      'pat-b ahc-hrsn housing_instability 71802-3',
      'pat-b ahc-hrsn interpersonal_safety 95614-4',
      'pat-b ahc-hrsn transportation 93030-5',
    ]);
    // "I choose not to answer" to 93031-3 is screened (food and utilities) but not positive.
    const declined = rows.filter((r) => r.q === '93031-3');
    expect(declined.map((r) => [r.d, r.pos])).toEqual([
      ['food', false],
      ['utilities', false],
    ]);
    const gravity = await db.all(
      "SELECT DISTINCT domain, gravity_category FROM ds.sdoh_screenings WHERE domain IN ('food', 'interpersonal_safety') ORDER BY 1",
    );
    expect(gravity).toEqual([
      { domain: 'food', gravity_category: 'food-insecurity' },
      { domain: 'interpersonal_safety', gravity_category: 'intimate-partner-violence' },
    ]);
    // A refuted social finding and a panel with no answers give no screening rows.
    expect(rows.filter((r) => r.p === 'pat-c' || r.q === '713458007')).toEqual([]);
  });

  it('sets hrsn_<domain> from the latest screening', async () => {
    expect(await patient('pat-a')).toMatchObject({
      hrsn_food: 'Positive', // 2024-04-01 Hunger Vital Sign "Sometimes true"
      hrsn_housing_instability: 'Positive',
      hrsn_utilities: 'Declined', // only answer: "I choose not to answer"
      hrsn_interpersonal_safety: 'Negative',
      hrsn_housing_quality: 'Not screened',
    });
    expect(await patient('pat-b')).toMatchObject({
      hrsn_utilities: 'Negative',
      hrsn_interpersonal_safety: 'Positive',
    });
    expect((await patient('pat-c')).hrsn_food).toBe('Not screened');
  });
});

describe('loadFhir on gzip NDJSON and an explicit as_of', () => {
  it('streams .ndjson.gz and computes ages at sources[].as_of (the day before the 20th birthday → 19)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-gz-'));
    writeFileSync(
      join(dir, 'Patient.ndjson.gz'),
      gzipSync(readFileSync(join(FIX, 'bulk', 'Patient.ndjson'))),
    );
    const db = await loadPaths([dir], { as_of: '1999-12-31' });
    try {
      expect(db.result).toMatchObject({ read: 5, loaded: 2, rejected: 3 });
      const rows = await db.all('SELECT patient_id, age_band FROM ds.patients ORDER BY 1');
      expect(rows).toEqual([
        { patient_id: 'k1', age_band: '10-19' },
        { patient_id: 'k4', age_band: '10-19' },
      ]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('numbers lines across read chunks (a bad line deep in a 2 MB gzip file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-big-'));
    const pad = 'x'.repeat(600);
    const lines = Array.from({ length: 3500 }, (_, i) =>
      i === 2999
        ? '{"resourceType": "Patient", "id": '
        : JSON.stringify({ resourceType: 'Patient', id: `p${i}`, text: { div: pad } }),
    );
    writeFileSync(join(dir, 'Patient.ndjson.gz'), gzipSync(lines.join('\r\n') + '\r\n'));
    const db = await loadPaths([dir]);
    try {
      expect(db.result).toMatchObject({ read: 3500, loaded: 3499, rejected: 1 });
      expect(await db.all('SELECT line FROM ds.rejections')).toEqual([{ line: 3000 }]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps unknown codes to Unknown and reports them as unmapped with counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-unmapped-'));
    const race = {
      url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
      extension: [{ url: 'text', valueString: 'Martian' }],
    };
    const p = (id: string) =>
      JSON.stringify({
        resourceType: 'Patient',
        id,
        extension: [race],
        gender: 'female',
        communication: [{ language: { text: 'Klingon' } }],
      });
    writeFileSync(join(dir, 'Patient.ndjson'), [p('u1'), p('u2')].join('\n'));
    const db = await loadPaths([dir]);
    try {
      expect(await db.all('SELECT DISTINCT race, language, race_source FROM ds.patients')).toEqual([
        { race: 'Unknown', language: 'Unknown', race_source: 'Martian' },
      ]);
      expect(await db.all('SELECT attribute, code, rows FROM ds.unmapped ORDER BY attribute')).toEqual([
        { attribute: 'language', code: 'Klingon', rows: 2 },
        { attribute: 'race', code: 'Martian', rows: 2 },
      ]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the first of two Patients with one id and rejects the second; Patient files are read first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-dup-'));
    const p = (gender: string) => JSON.stringify({ resourceType: 'Patient', id: 'd1', gender });
    const obs = JSON.stringify({
      resourceType: 'Observation',
      id: 'o1',
      code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
      subject: { reference: 'Patient/d1' },
    });
    writeFileSync(join(dir, 'Observation.ndjson'), obs);
    writeFileSync(join(dir, 'Patient.ndjson'), [p('female'), p('male')].join('\n'));
    const db = await loadPaths([dir]);
    try {
      expect(db.result.files.map((f) => f.file.split('/').pop())).toEqual([
        'Patient.ndjson',
        'Observation.ndjson',
      ]);
      expect(db.result).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
      expect(await db.all('SELECT patient_id, sex FROM ds.patients')).toEqual([
        { patient_id: 'd1', sex: 'Female' },
      ]);
      expect(await db.all('SELECT line, column_name FROM ds.rejections')).toEqual([
        { line: 2, column_name: 'id' },
      ]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws a not_found error for a missing path', async () => {
    await expect(loadPaths(['/nonexistent/fhir'])).rejects.toMatchObject({ code: 'not_found' });
  });
});
