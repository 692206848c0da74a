/**
 * PERSON (+ OBSERVATION races, LOCATION, PAYER_PLAN_PERIOD, SDOH screenings) → `patients`.
 * Race and ethnicity: the PERSON concept plus any OBSERVATION row whose concept or value is a Race/Ethnicity
 * concept (an ETL's extra races), rolled up by deriveRaceEthnicity — two races are "More than one race" /
 * "Multiracial/Multiethnic", never collapsed. Age band (10-year) is the age on `asOf`. Payer is the latest
 * plan period's. hrsn_<domain>: Positive / Negative from the latest screened date in the domain, else
 * "Not screened". Language, gender identity and sexual orientation come from OBSERVATION (sogi.ts);
 * disability and census tract, which the CDM does not carry, are Missing.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { HRSN_RESULT } from '../../model/categories.js';
import { HRSN_DOMAINS } from '../../model/stratifiers.js';
import { MISSING, UNKNOWN, type Status } from '../../model/status.js';
import { deriveRaceEthnicity } from '../../model/vocab/index.js';
import { ETHNICITY_CONCEPTS, GENDER_CONCEPTS, RACE_CONCEPTS, payerLabel, valuesSql } from './concept-maps.js';
import { loadSogi } from './sogi.js';
import { checkedTable } from './validate.js';

const P = checkedTable('PERSON');
const lit = quoteLiteral;

/** Fill a two-column-key map table from distinct rows computed in TypeScript. */
async function mapTable(engine: Engine, name: string, cols: string[], rows: string[][]): Promise<void> {
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${name} (${cols.map((c) => `${c} VARCHAR`).join(', ')})`);
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await engine.run(
      `INSERT INTO ${name} VALUES ${chunk.map((r) => `(${r.map((v) => lit(v)).join(', ')})`).join(', ')}`,
    );
  }
}

async function demographics(engine: Engine): Promise<void> {
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_race_concepts (concept_id VARCHAR, cdc VARCHAR);
    INSERT INTO omop_race_concepts VALUES ${valuesSql(RACE_CONCEPTS)};
    CREATE OR REPLACE TEMP TABLE omop_eth_concepts (concept_id VARCHAR, cdc VARCHAR);
    INSERT INTO omop_eth_concepts VALUES ${valuesSql(ETHNICITY_CONCEPTS)};`);
  const obs = `SELECT person_id, observation_concept_id AS concept FROM ${checkedTable('OBSERVATION')} WHERE _reason IS NULL
    UNION ALL SELECT person_id, value_as_concept_id FROM ${checkedTable('OBSERVATION')} WHERE _reason IS NULL`;
  const codes = (map: string, col: string): string =>
    `SELECT person_id, list_sort(list_distinct(list(cdc))) AS codes FROM (
       SELECT p.person_id, m.cdc FROM ${P} p JOIN ${map} m ON m.concept_id = p.${col} WHERE p._reason IS NULL
       UNION ALL SELECT o.person_id, m.cdc FROM (${obs}) o JOIN ${map} m ON m.concept_id = o.concept
     ) GROUP BY person_id`;
  const status = (map: string, col: string, srcCol: string): string =>
    `CASE WHEN COALESCE(p.${col}, '0') <> '0' AND p.${col} NOT IN (SELECT concept_id FROM ${map}) THEN '${UNKNOWN}'
      WHEN NULLIF(TRIM(p.${srcCol}), '') IS NOT NULL THEN '${UNKNOWN}' ELSE '${MISSING}' END`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_demo AS
    SELECT p.person_id, COALESCE(r.codes, []::VARCHAR[]) AS race_codes, COALESCE(e.codes, []::VARCHAR[]) AS eth_codes,
      ${status('omop_race_concepts', 'race_concept_id', 'race_source_value')} AS race_status,
      ${status('omop_eth_concepts', 'ethnicity_concept_id', 'ethnicity_source_value')} AS eth_status
    FROM ${P} p LEFT JOIN (${codes('omop_race_concepts', 'race_concept_id')}) r USING (person_id)
      LEFT JOIN (${codes('omop_eth_concepts', 'ethnicity_concept_id')}) e USING (person_id)
    WHERE p._reason IS NULL`);
  const combos = await engine.all<{ rk: string; ek: string; rs: string; es: string }>(
    `SELECT DISTINCT array_to_string(race_codes, '|') AS rk, array_to_string(eth_codes, '|') AS ek,
       race_status AS rs, eth_status AS es FROM omop_demo`,
  );
  await mapTable(
    engine,
    'omop_re_map',
    ['rk', 'ek', 'rs', 'es', 'race', 'ethnicity', 'race_ethnicity'],
    combos.map((c) => {
      const d = deriveRaceEthnicity({
        raceCodes: c.rk ? c.rk.split('|') : [],
        ethnicityCodes: c.ek ? c.ek.split('|') : [],
        raceStatus: c.rs as Status,
        ethnicityStatus: c.es as Status,
      });
      return [c.rk, c.ek, c.rs, c.es, d.race, d.ethnicity, d.race_ethnicity];
    }),
  );
}

async function payers(engine: Engine): Promise<void> {
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_payer AS
    SELECT person_id, sopt, src FROM (
      SELECT t.person_id, c.concept_code AS sopt, NULLIF(TRIM(t.payer_source_value), '') AS src,
        ROW_NUMBER() OVER (PARTITION BY t.person_id ORDER BY t._d_payer_plan_period_start_date DESC, t._line DESC) AS rn
      FROM ${checkedTable('PAYER_PLAN_PERIOD')} t
      LEFT JOIN omop_concepts c ON c.concept_id = t.payer_concept_id AND UPPER(c.vocabulary_id) = 'SOPT'
      WHERE t._reason IS NULL) WHERE rn = 1`);
  const combos = await engine.all<{ sopt: string | null; src: string | null }>(
    'SELECT DISTINCT sopt, src FROM omop_payer',
  );
  await mapTable(
    engine,
    'omop_payer_map',
    ['sopt', 'src', 'label'],
    combos.map((c) => [c.sopt ?? '', c.src ?? '', payerLabel(c.sopt, c.src) ?? UNKNOWN]),
  );
}

/** Insert the source's persons into `${schema}.patients` and their unmapped codes into `unmapped`. */
export async function loadPersons(
  engine: Engine,
  schema: string,
  source: string,
  asOf: string | null,
): Promise<void> {
  await demographics(engine);
  await payers(engine);
  await loadSogi(engine, schema, source);
  const ref = lit(asOf ?? '1970-01-01');
  const age = `(EXTRACT(YEAR FROM DATE ${ref}) - EXTRACT(YEAR FROM b.birth_date) -
    CASE WHEN EXTRACT(MONTH FROM DATE ${ref}) * 100 + EXTRACT(DAY FROM DATE ${ref})
      < EXTRACT(MONTH FROM b.birth_date) * 100 + EXTRACT(DAY FROM b.birth_date) THEN 1 ELSE 0 END)`;
  const band = !asOf
    ? `'${MISSING}'`
    : `CASE WHEN b.birth_date IS NULL THEN '${MISSING}' WHEN ${age} < 0 OR ${age} > 130 THEN '${UNKNOWN}'
    WHEN ${age} >= 90 THEN '90+' ELSE CAST(FLOOR(${age} / 10) * 10 AS INTEGER) || '-' || CAST(FLOOR(${age} / 10) * 10 + 9 AS INTEGER) END`;
  const hrsn = HRSN_DOMAINS.map(
    (
      d,
    ) => `COALESCE((SELECT CASE WHEN bool_or(s.positive) THEN '${HRSN_RESULT.positive}' ELSE '${HRSN_RESULT.negative}' END
      FROM ${schema}.sdoh_screenings s WHERE s.patient_id = p.person_id AND s.source = ${lit(source)} AND s.domain = '${d}' AND s.screened
        AND s.screen_date = (SELECT MAX(s2.screen_date) FROM ${schema}.sdoh_screenings s2 WHERE s2.patient_id = p.person_id
          AND s2.source = ${lit(source)} AND s2.domain = '${d}' AND s2.screened)
      HAVING COUNT(*) > 0), '${HRSN_RESULT.notScreened}') AS hrsn_${d}`,
  );
  const sex = `CASE WHEN g.label IS NOT NULL THEN g.label WHEN COALESCE(p.gender_concept_id, '0') <> '0' THEN '${UNKNOWN}'
    WHEN NULLIF(TRIM(p.gender_source_value), '') IS NOT NULL THEN '${UNKNOWN}' ELSE '${MISSING}' END`;
  await engine.run(`INSERT INTO ${schema}.patients (patient_id, source, birth_date, race_ethnicity, race, ethnicity,
      language, limited_english, sex, gender_identity, sexual_orientation, age_band, payer, disability,
      ${HRSN_DOMAINS.map((d) => `hrsn_${d}`).join(', ')}, zip, county, tract, race_codes, ethnicity_codes,
      race_source, ethnicity_source, sex_source, payer_source, language_source, gender_identity_source,
      sexual_orientation_source)
    SELECT p.person_id, ${lit(source)}, b.birth_date, m.race_ethnicity, m.race, m.ethnicity,
      COALESCE(sl.label, '${MISSING}'), COALESCE(sl.limited_english, sl.label, '${MISSING}'), ${sex},
      COALESCE(sg.label, '${MISSING}'), COALESCE(so.label, '${MISSING}'), ${band},
      CASE WHEN pay.person_id IS NULL THEN '${MISSING}' ELSE COALESCE(pm.label, '${UNKNOWN}') END, '${MISSING}',
      ${hrsn.join(',\n')},
      COALESCE(regexp_extract(l.zip, '^\\s*([0-9]{5})', 1), '${MISSING}') , COALESCE(NULLIF(TRIM(l.county), ''), '${MISSING}'), '${MISSING}',
      d.race_codes, d.eth_codes,
      concat_ws('; ', NULLIF(p.race_concept_id, ''), NULLIF(TRIM(p.race_source_value), '')),
      concat_ws('; ', NULLIF(p.ethnicity_concept_id, ''), NULLIF(TRIM(p.ethnicity_source_value), '')),
      concat_ws('; ', NULLIF(p.gender_concept_id, ''), NULLIF(TRIM(p.gender_source_value), '')),
      concat_ws('; ', pay.sopt, pay.src), sl.source_value, sg.source_value, so.source_value
    FROM ${P} p
    JOIN (SELECT person_id, COALESCE(_d_birth_datetime, TRY_CAST(printf('%04d-%02d-%02d', TRY_CAST(year_of_birth AS INTEGER),
        COALESCE(TRY_CAST(month_of_birth AS INTEGER), 7), COALESCE(TRY_CAST(day_of_birth AS INTEGER), 1)) AS DATE)) AS birth_date
      FROM ${P} WHERE _reason IS NULL) b USING (person_id)
    JOIN omop_demo d USING (person_id)
    JOIN omop_re_map m ON m.rk = array_to_string(d.race_codes, '|') AND m.ek = array_to_string(d.eth_codes, '|')
      AND m.rs = d.race_status AND m.es = d.eth_status
    LEFT JOIN (VALUES ${valuesSql(GENDER_CONCEPTS)}) g(concept_id, label) ON g.concept_id = p.gender_concept_id
    LEFT JOIN omop_payer pay USING (person_id)
    LEFT JOIN omop_payer_map pm ON pm.sopt = COALESCE(pay.sopt, '') AND pm.src = COALESCE(pay.src, '')
    LEFT JOIN ${checkedTable('LOCATION')} l ON l.location_id = p.location_id
    LEFT JOIN omop_sogi sl ON sl.person_id = p.person_id AND sl.attr = 'language'
    LEFT JOIN omop_sogi sg ON sg.person_id = p.person_id AND sg.attr = 'gender_identity'
    LEFT JOIN omop_sogi so ON so.person_id = p.person_id AND so.attr = 'sexual_orientation'
    WHERE p._reason IS NULL`);
  await recordUnmapped(engine, schema, source);
}

/** Codes the person mapping did not know, with counts (each also made the attribute Unknown). */
async function recordUnmapped(engine: Engine, schema: string, source: string): Promise<void> {
  const conceptUnknown = (attr: string, col: string, known: string): string =>
    `SELECT '${attr}', '${col}', ${col}, COUNT(*) FROM ${P} WHERE _reason IS NULL AND COALESCE(${col}, '0') <> '0'
       AND ${col} NOT IN (${known}) GROUP BY ${col}`;
  const sourceOnly = (attr: string, col: string, src: string): string =>
    `SELECT '${attr}', '${src}', TRIM(${src}), COUNT(*) FROM ${P} WHERE _reason IS NULL AND COALESCE(${col}, '0') = '0'
       AND NULLIF(TRIM(${src}), '') IS NOT NULL GROUP BY TRIM(${src})`;
  const keys = (m: Readonly<Record<string, string>>): string =>
    Object.keys(m)
      .map((k) => lit(k))
      .join(', ');
  const parts = [
    conceptUnknown('race', 'race_concept_id', keys(RACE_CONCEPTS)),
    sourceOnly('race', 'race_concept_id', 'race_source_value'),
    conceptUnknown('ethnicity', 'ethnicity_concept_id', keys(ETHNICITY_CONCEPTS)),
    sourceOnly('ethnicity', 'ethnicity_concept_id', 'ethnicity_source_value'),
    conceptUnknown('sex', 'gender_concept_id', keys(GENDER_CONCEPTS)),
    sourceOnly('sex', 'gender_concept_id', 'gender_source_value'),
    `SELECT 'payer', 'payer_source_value', COALESCE(p.src, p.sopt), COUNT(*) FROM omop_payer p
       JOIN omop_payer_map m ON m.sopt = COALESCE(p.sopt, '') AND m.src = COALESCE(p.src, '')
       WHERE m.label = '${UNKNOWN}' GROUP BY COALESCE(p.src, p.sopt)`,
  ];
  await engine.run(
    `INSERT INTO ${schema}.unmapped (source, attribute, column_name, code, rows)
     SELECT ${lit(source)}, * FROM (${parts.join(' UNION ALL ')})`,
  );
}

/** Drop the temporary tables built here. */
export async function dropPersonTemps(engine: Engine): Promise<void> {
  for (const t of [
    'omop_race_concepts',
    'omop_eth_concepts',
    'omop_demo',
    'omop_re_map',
    'omop_payer',
    'omop_payer_map',
  ])
    await engine.run(`DROP TABLE IF EXISTS ${t}`);
}
