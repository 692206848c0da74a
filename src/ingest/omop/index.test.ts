import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CDM, loadFixture, type Loaded } from './__fixtures__/load.js';

// Expected values are worked out by hand from the rows in __fixtures__/cdm (see the comments there and
// docs/data-standards.md §5 for the concept ids).
describe('loadOmop on the hand-built CDM fixture', () => {
  let l: Loaded;
  beforeAll(async () => {
    l = await loadFixture([FIXTURE_CDM]);
  });
  afterAll(async () => l.close());
  const q = <T extends Record<string, unknown>>(sql: string): Promise<T[]> =>
    l.engine.all<T>(sql.replaceAll('S.', `${l.schema}.`));

  it('maps PERSON concepts, extra OBSERVATION races, location and payer to canonical labels', async () => {
    const rows = await q(
      'SELECT patient_id, race, ethnicity, race_ethnicity, sex, payer, zip, county, age_band, birth_date::VARCHAR AS b FROM S.patients ORDER BY patient_id',
    );
    expect(rows).toEqual([
      // 8527 White, 38003564, location 10 (ZIP+4 cut to 5), latest plan period = Medicare; age on the
      // latest visit date (2021-12-31, no measure period configured) = 61
      {
        patient_id: '1',
        race: 'White',
        ethnicity: 'Not Hispanic or Latino',
        race_ethnicity: 'White',
        sex: 'Male',
        payer: 'Medicare',
        zip: '07101',
        county: 'Essex',
        age_band: '60-69',
        b: '1960-05-01',
      },
      // 8516 Black + OBSERVATION 8515 Asian: never collapsed; Hispanic; SOPT 51 → Commercial
      {
        patient_id: '2',
        race: 'More than one race',
        ethnicity: 'Hispanic or Latino',
        race_ethnicity: 'Multiracial/Multiethnic',
        sex: 'Female',
        payer: 'Commercial',
        zip: 'Missing',
        county: 'Missing',
        age_band: '40-49',
        b: '1980-02-10',
      },
      // race 0 with source "hawaiian" → Unknown (+ unmapped); ethnicity 0 and no source → Missing; gender 0 → Missing
      {
        patient_id: '3',
        race: 'Unknown',
        ethnicity: 'Missing',
        race_ethnicity: 'Unknown',
        sex: 'Missing',
        payer: 'Unknown',
        zip: 'Missing',
        county: 'Missing',
        age_band: '30-39',
        b: '1990-01-01',
      },
      // race 0, no source → Missing
      {
        patient_id: '4',
        race: 'Missing',
        ethnicity: 'Not Hispanic or Latino',
        race_ethnicity: 'Missing',
        sex: 'Female',
        payer: 'Missing',
        zip: 'Missing',
        county: 'Missing',
        age_band: '10-19',
        b: '2003-07-15',
      },
      // 8657 AIAN; ethnicity 0 with source → Unknown; year of birth only → 1 July
      {
        patient_id: '5',
        race: 'American Indian or Alaska Native',
        ethnicity: 'Unknown',
        race_ethnicity: 'American Indian or Alaska Native',
        sex: 'Male',
        payer: 'Missing',
        zip: 'Missing',
        county: 'Missing',
        age_band: '70-79',
        b: '1950-07-01',
      },
    ]);
    expect(
      await q('SELECT attribute, column_name, code, rows FROM S.unmapped ORDER BY attribute, code'),
    ).toEqual([
      { attribute: 'ethnicity', column_name: 'ethnicity_source_value', code: 'nonhispanic', rows: 1 },
      { attribute: 'payer', column_name: 'payer_source_value', code: 'Weird Plan', rows: 1 },
      { attribute: 'race', column_name: 'race_source_value', code: 'hawaiian', rows: 1 },
      {
        attribute: 'sexual_orientation',
        column_name: 'observation.value_as_concept_id',
        code: 'Klingon',
        rows: 1,
      },
    ]);
  });

  it('reads language, gender identity and sexual orientation from OBSERVATION', async () => {
    const rows = await q(
      `SELECT patient_id, language, limited_english, language_source, gender_identity, sexual_orientation
       FROM S.patients WHERE patient_id IN ('1', '2', '3') ORDER BY 1`,
    );
    expect(rows).toEqual([
      // 54899-0: the 2019 row has no answer, the 2020 row says "Spanish" (value_as_string)
      {
        patient_id: '1',
        language: 'Spanish',
        limited_english: 'Yes',
        language_source: 'Spanish',
        gender_identity: 'Missing',
        sexual_orientation: 'Missing',
      },
      // 76691-5 answered with SNOMED 446141000124107 (CONCEPT); 76690-7 with an unknown text → Unknown + unmapped
      {
        patient_id: '2',
        language: 'Missing',
        limited_english: 'Missing',
        language_source: null,
        gender_identity: 'Woman',
        sexual_orientation: 'Unknown',
      },
      {
        patient_id: '3',
        language: 'Missing',
        limited_english: 'Missing',
        language_source: null,
        gender_identity: 'Missing',
        sexual_orientation: 'Missing',
      },
    ]);
  });

  it('rejects rows with a missing or unknown person, a duplicate person or a bad date, with file and line', async () => {
    const rows = await q<{
      file: string;
      line: number;
      column_name: string;
      value: string | null;
      reason: string;
    }>('SELECT file, line, column_name, value, reason FROM S.rejections ORDER BY file, line');
    const short = rows.map((r) => [
      r.file.split('/').pop(),
      r.line,
      r.column_name,
      r.value,
      r.reason.split(':')[0],
    ]);
    expect(short).toEqual([
      ['LOCATION.csv', 2, null, null, 'malformed CSV line (too many columns)'],
      ['MEASUREMENT.csv.gz', 15, 'person_id', null, 'person_id refers to no PERSON row'],
      ['OBSERVATION.csv', 12, 'observation_date', '2021-13-45', 'bad date in observation_date'],
      ['OBSERVATION.csv', 13, 'person_id', null, 'person_id refers to no PERSON row'],
      ['VISIT_OCCURRENCE.csv', 9, 'person_id', null, 'person_id refers to no PERSON row'],
      ['VISIT_OCCURRENCE.csv', 10, 'visit_start_date', 'not-a-date', 'bad date in visit_start_date'],
      ['condition_occurrence.csv', 5, 'person_id', null, 'missing person_id'],
      ['person.csv', 7, 'person_id', null, 'duplicate person_id'],
      ['person.csv', 8, 'person_id', null, 'missing person_id'],
    ]);
  });

  it('accounts for every row: read = loaded + rejected, per file', () => {
    const { result } = l;
    expect(result.read).toBe(result.loaded + result.rejected);
    expect(result.rejected).toBe(9);
    const byFile = Object.fromEntries(
      result.files.map((f) => [f.file.split('/').pop(), [f.read, f.loaded, f.rejected]]),
    );
    expect(byFile).toEqual({
      'person.csv': [7, 5, 2],
      'VISIT_OCCURRENCE.csv': [11, 9, 2],
      'condition_occurrence.csv': [7, 6, 1],
      'MEASUREMENT.csv.gz': [15, 14, 1],
      'OBSERVATION.csv': [16, 14, 2],
      'PROCEDURE_OCCURRENCE.csv': [1, 1, 0],
      'drug_exposure.csv': [2, 2, 0],
      'PAYER_PLAN_PERIOD.csv': [4, 4, 0],
      'LOCATION.csv': [2, 1, 1], // line 2 has too many fields
    });
  });

  it('keeps the standard SNOMED code and the ICD-10-CM source code of a condition', async () => {
    expect(
      await q('SELECT patient_id, code, system FROM S.conditions ORDER BY patient_id, system, code'),
    ).toEqual([
      { patient_id: '1', code: 'I10', system: 'icd10cm' }, // condition_source_value
      { patient_id: '1', code: '59621000', system: 'snomed' }, // CONCEPT 320128
      { patient_id: '2', code: 'E11.9', system: 'icd10cm' },
      { patient_id: '2', code: 'Z59.41', system: 'icd10cm' },
      { patient_id: '4', code: '59621000', system: 'snomed' }, // source value, digits → SNOMED
      { patient_id: '5', code: 'I10', system: 'icd10cm' },
      { patient_id: '5', code: '44054006', system: 'snomed' },
    ]);
  });

  it('maps visits to encounter classes, drugs to medications or immunizations (CVX)', async () => {
    expect(
      await q(
        "SELECT encounter_id, class, end_date::VARCHAR AS e FROM S.encounters WHERE patient_id = '1' ORDER BY encounter_id",
      ),
    ).toEqual([
      { encounter_id: '1', class: 'AMB', e: '2021-03-01' },
      { encounter_id: '2', class: 'EMER', e: '2021-06-01' },
      { encounter_id: '3', class: 'IMP', e: '2021-07-05' },
      { encounter_id: '4', class: 'IMP', e: '2021-07-22' },
    ]);
    expect(await q('SELECT code, system FROM S.medications')).toEqual([{ code: '197361', system: 'rxnorm' }]);
    // PROCEDURE_OCCURRENCE.csv has an upper-case header row
    expect(await q('SELECT code, system FROM S.procedures')).toEqual([
      { code: '73761001', system: 'snomed' },
    ]);
    // visit concept 581458 (pharmacy) has no encounter class: reported with its count
    const w = l.result.warnings.find((x) => x.code === 'omop_visit_concepts_unmapped');
    expect(w).toMatchObject({ rows: 1, concepts: [{ concept: '581458', rows: 1 }] });
    expect(await q('SELECT code, system FROM S.immunizations')).toEqual([{ code: '140', system: 'cvx' }]);
  });

  it('loads MEASUREMENT values with units as observations', async () => {
    expect(
      await q(
        "SELECT code, system, value_num, unit FROM S.observations WHERE patient_id = '2' AND code = '4548-4' ORDER BY effective_date",
      ),
    ).toEqual([
      { code: '4548-4', system: 'loinc', value_num: 10.2, unit: '%' },
      { code: '4548-4', system: 'loinc', value_num: 8.1, unit: '%' },
    ]);
  });

  it('classifies SDOH answers; "choose not to answer" is screened not positive; unanswered questions are not screened', async () => {
    const rows = await q(
      'SELECT patient_id, domain, question_code, answer_code, screened, positive FROM S.sdoh_screenings ORDER BY patient_id, domain',
    );
    expect(rows).toEqual([
      {
        patient_id: '1',
        domain: 'food',
        question_code: '93031-3',
        answer_code: 'LA30122-8',
        screened: true,
        positive: false,
      },
      {
        patient_id: '1',
        domain: 'housing_instability',
        question_code: '71802-3',
        answer_code: 'LA30189-7',
        screened: true,
        positive: false,
      },
      {
        patient_id: '1',
        domain: 'interpersonal_safety',
        question_code: '93026-3',
        answer_code: 'LA32-8',
        screened: true,
        positive: true,
      },
      {
        patient_id: '1',
        domain: 'transportation',
        question_code: '93030-5',
        answer_code: 'LA30133-5',
        screened: true,
        positive: true,
      },
      {
        patient_id: '1',
        domain: 'utilities',
        question_code: '93031-3',
        answer_code: 'LA30122-8',
        screened: true,
        positive: false,
      },
      // ICD-10-CM Z59.41 (food insecurity) in CONDITION_OCCURRENCE: a coded social finding
      {
        patient_id: '2',
        domain: 'food',
        question_code: 'Z59.41',
        answer_code: null,
        screened: true,
        positive: true,
      },
      // HITS total score 95614-4 = 12 in MEASUREMENT (a scored item: ≥ 11 is positive)
      {
        patient_id: '2',
        domain: 'interpersonal_safety',
        question_code: '95614-4',
        answer_code: null,
        screened: true,
        positive: true,
      },
      {
        patient_id: '4',
        domain: 'food',
        question_code: '93031-3',
        answer_code: null,
        screened: false,
        positive: false,
      },
      {
        patient_id: '4',
        domain: 'housing_instability',
        question_code: '71802-3',
        answer_code: null,
        screened: false,
        positive: false,
      },
      {
        patient_id: '4',
        domain: 'interpersonal_safety',
        question_code: '93026-3',
        answer_code: null,
        screened: false,
        positive: false,
      },
      {
        patient_id: '4',
        domain: 'transportation',
        question_code: '93030-5',
        answer_code: null,
        screened: false,
        positive: false,
      },
      {
        patient_id: '4',
        domain: 'utilities',
        question_code: '93031-3',
        answer_code: null,
        screened: false,
        positive: false,
      },
    ]);
    const w = l.result.warnings.find((x) => x.code === 'omop_sdoh_unanswered');
    expect(w).toMatchObject({ rows: 4, questions: 4, persons: 1 });
    expect(l.result.warnings.map((x) => x.code)).toContain('omop_birth_date_partial');
    const hrsn = await q(
      "SELECT patient_id, hrsn_transportation AS t, hrsn_food AS f FROM S.patients WHERE patient_id IN ('1', '4') ORDER BY 1",
    );
    expect(hrsn).toEqual([
      { patient_id: '1', t: 'Positive', f: 'Negative' },
      { patient_id: '4', t: 'Not screened', f: 'Not screened' },
    ]);
  });
});

describe('loadOmop errors', () => {
  it('says when the path is not a folder', async () => {
    await expect(loadFixture(['/nonexistent/omop'])).rejects.toThrow(/is not a folder of CDM CSV files/);
  });
  it('says when there is no PERSON table or no person_id column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omop-bad-'));
    try {
      await expect(loadFixture([dir])).rejects.toThrow(/has no PERSON table/);
      writeFileSync(join(dir, 'PERSON.csv'), 'id,gender_concept_id\n1,8507\n');
      writeFileSync(
        join(dir, 'VISIT_OCCURRENCE.csv'),
        'visit_occurrence_id,visit_start_date\n1,2021-01-01\n',
      );
      await expect(loadFixture([dir])).rejects.toThrow(/VISIT_OCCURRENCE.csv has no person_id column/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
