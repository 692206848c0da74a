/**
 * A deterministic synthetic dataset (no PHI) that exercises every library measure: each patient gets
 * events for most code lists the library names, on dates in and before the period, with varied values,
 * encounters of each class, and SDOH screenings in every domain the library names. Exclusion codes go to
 * every fourth patient only, and some patients get a complete record (a same-day blood pressure pair, all
 * five SDOH domains screened in the period, an inpatient readmission) so every measure has numerator hits.
 */
import type { Engine } from '../dialect.js';
import { quoteLiteral } from '../dialect.js';
import { libraryIds, libraryMeasure } from '../../measures/library/index.js';
import { DIASTOLIC, SDOH_FIVE, SYSTOLIC } from '../../measures/library/code-lists.js';
import { CLINICAL_TABLES, createClinicalTableSql, type ClinicalTable } from '../../model/clinical.js';
import { createTableSql } from '../../model/tables.js';

const PATIENTS = 24;
const SEXES = ['Female', 'Male'];
const RACES = ['White', 'Black or African American', 'Asian', 'Hispanic or Latino'];

/** Every (system, code) and SDOH domain found in `v`, added to `codes` and `domains`. */
function collect(v: unknown, codes: Map<string, [string, string]>, domains: Set<string>): void {
  if (Array.isArray(v)) return v.forEach((x) => collect(x, codes, domains));
  if (!v || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (typeof o.system === 'string' && Array.isArray(o.codes))
    for (const c of o.codes as string[]) codes.set(`${o.system}|${c}`, [o.system, c]);
  if (typeof o.domain === 'string') domains.add(o.domain);
  if (Array.isArray(o.domains)) for (const d of o.domains as string[]) domains.add(d);
  Object.values(o).forEach((x) => collect(x, codes, domains));
}

/** Every (system, code) and SDOH domain in the library; `exclusion`: the `system|code` keys exclusions name. */
function libraryVocabulary(): { codes: [string, string][]; domains: string[]; exclusion: Set<string> } {
  const codes = new Map<string, [string, string]>();
  const excluded = new Map<string, [string, string]>();
  const domains = new Set<string>();
  for (const id of libraryIds()) {
    const def = libraryMeasure(id);
    collect(def, codes, domains);
    collect(def?.exclusions, excluded, new Set());
  }
  return { codes: [...codes.values()], domains: [...domains], exclusion: new Set(excluded.keys()) };
}

const day = (i: number, j: number): string => {
  const year = (i + j) % 4 === 0 ? 2023 : 2024;
  const month = 1 + ((i * 7 + j * 3) % 12);
  const d = 1 + ((i * 5 + j) % 28);
  return `DATE '${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}'`;
};

const values = (rows: string[][]): string => rows.map((r) => `(${r.join(', ')})`).join(',\n');

/** Create and fill `schema`'s patients, measure_rows and clinical tables. */
export async function loadFixture(engine: Engine, schema: string): Promise<void> {
  await engine.run(createTableSql(schema, 'patients'));
  await engine.run(createTableSql(schema, 'measure_rows'));
  for (const t of Object.keys(CLINICAL_TABLES) as ClinicalTable[])
    await engine.run(createClinicalTableSql(schema, t));
  const q = quoteLiteral;
  const ids = Array.from({ length: PATIENTS }, (_, i) => i);
  const languages = ['English', 'Spanish', 'Unknown', 'Declined', 'NULL', "''"];
  const lang = (i: number): string => {
    const l = languages[i % languages.length] as string;
    return l === 'NULL' || l === "''" ? l : q(l);
  };
  const conflicts = (i: number): string =>
    i % 5 === 0 ? `ARRAY['race_ethnicity'${i % 10 === 0 ? ", 'language'" : ''}]` : 'NULL';
  await engine.run(`INSERT INTO ${schema}.patients (patient_id, birth_date, sex, race_ethnicity, language, conflicts, source) VALUES
${values(ids.map((i) => [q(`p${i}`), `DATE '${1940 + ((i * 3) % 70)}-0${1 + (i % 9)}-15'`, q(SEXES[i % 2] as string), q(RACES[i % 4] as string), lang(i), conflicts(i), q(i % 3 ? 'ehr' : 'claims')]))}`);
  const { codes, domains, exclusion } = libraryVocabulary();
  const events = (i: number): [string, string, number][] =>
    codes.flatMap(([s, c], j) =>
      (i + j) % 3 && (i % 4 === 0 || !exclusion.has(`${s}|${c}`))
        ? [[s, c, j] as [string, string, number]]
        : [],
    );
  const per = (f: (i: number, e: [string, string, number]) => string[]): string[][] =>
    ids.flatMap((i) => events(i).map((e) => f(i, e)));
  const tables: [string, string, string][] = [
    ['conditions', 'onset_date', ''],
    ['procedures', 'performed_date', ''],
    ['medications', 'start_date', ''],
    ['immunizations', 'date', ''],
    ['observations', 'effective_date', ', value_num'],
  ];
  for (const [table, dateCol, extra] of tables) {
    const rows = per((i, [s, c, j]) => {
      const r = [q(`p${i}`), q(c), q(s), day(i, j)];
      if (extra) r.push(String(((i * 13 + j * 7) % 200) / 10 + 4));
      return r;
    });
    await engine.run(
      `INSERT INTO ${schema}.${table} (patient_id, code, system, ${dateCol}${extra}) VALUES\n${values(rows)}`,
    );
  }
  const classes = ['AMB', 'EMER', 'IMP', 'IMP'];
  const encounters = ids.flatMap((i) =>
    classes.map((k, j) => [
      q(`p${i}`),
      q(`e${i}-${j}`),
      q(k),
      day(i, j * 2),
      `${day(i, j * 2)} + ${(i + j) % 4}`,
    ]),
  );
  await engine.run(`INSERT INTO ${schema}.encounters (patient_id, encounter_id, class, start_date, end_date) VALUES
${values(encounters)}`);
  const screens = ids.flatMap((i) =>
    domains.flatMap((d, j) =>
      (i + j) % 4
        ? [[q(`p${i}`), day(i, j), q(d), String((i + j) % 5 !== 0), String((i * j) % 3 === 0)]]
        : [],
    ),
  );
  if (screens.length)
    await engine.run(`INSERT INTO ${schema}.sdoh_screenings (patient_id, screen_date, domain, screened, positive) VALUES
${values(screens)}`);
  await completeRecords(
    engine,
    schema,
    ids.filter((i) => i % 2 === 0),
  );
}

/**
 * What the spread-out events above rarely line up to give: for each of `ids`, a same-day blood pressure
 * pair (controlled for every other one), all five SDOH domains screened on one day in the period (one
 * positive domain each, in turn), and an inpatient stay followed by another 10 days after discharge.
 */
async function completeRecords(engine: Engine, schema: string, ids: number[]): Promise<void> {
  const q = quoteLiteral;
  const [sys, dia] = [SYSTOLIC[0], DIASTOLIC[0]];
  if (!sys || !dia) return;
  const bp = ids.flatMap((i, k) => {
    const [s, d] = k % 2 ? [150, 95] : [120, 80];
    return [
      [q(`p${i}`), q(sys.codes[0] as string), q(sys.system), `DATE '2024-10-0${1 + (k % 9)}'`, String(s)],
      [q(`p${i}`), q(dia.codes[0] as string), q(dia.system), `DATE '2024-10-0${1 + (k % 9)}'`, String(d)],
    ];
  });
  await engine.run(`INSERT INTO ${schema}.observations (patient_id, code, system, effective_date, value_num) VALUES
${values(bp)}`);
  const screens = ids.flatMap((i, k) =>
    SDOH_FIVE.map((d, j) => [
      q(`p${i}`),
      `DATE '2024-05-10'`,
      q(d),
      'true',
      String(j === k % SDOH_FIVE.length),
    ]),
  );
  await engine.run(`INSERT INTO ${schema}.sdoh_screenings (patient_id, screen_date, domain, screened, positive) VALUES
${values(screens)}`);
  const stays = ids.flatMap((i) => [
    [q(`p${i}`), q(`r${i}-1`), q('IMP'), `DATE '2024-03-01'`, `DATE '2024-03-04'`],
    [q(`p${i}`), q(`r${i}-2`), q('IMP'), `DATE '2024-03-14'`, `DATE '2024-03-16'`],
  ]);
  await engine.run(`INSERT INTO ${schema}.encounters (patient_id, encounter_id, class, start_date, end_date) VALUES
${values(stays)}`);
}
