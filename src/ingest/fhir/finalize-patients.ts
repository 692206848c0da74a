/**
 * Staged Patient rows + patient-level attribute rows → `patients`:
 * - gender identity: the Patient extension, else the latest LOINC 76691-5 Observation;
 * - sexual orientation: the latest 76690-7 Observation; disability: the latest disability-status
 *   assessment (Yes when any answer that day is Yes); payer: the latest Coverage; otherwise Missing;
 * - age band (10-year) at `asOf`;
 * - hrsn_<domain>: from the latest date the person was screened in the domain — Positive when any answer
 *   that day is positive, Declined when every answer that day was "I choose not to answer", else Negative;
 *   "Not screened" when never screened (HRSN_RESULT; the OMOP source does the same).
 * - a `tribal_affiliation` column (source value) is added when any Patient carries the US Core extension.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { HRSN_RESULT, YES_NO } from '../../model/categories.js';
import { DECLINED, MISSING, UNKNOWN } from '../../model/status.js';
import { HRSN_DOMAINS } from '../../model/stratifiers.js';

const lit = quoteLiteral;

const latestAttr = (
  attribute: string,
  yesWins = false,
): string => `(SELECT patient_id, label, source_value FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY date DESC NULLS LAST
      ${yesWins ? `, (label = '${YES_NO.yes}') DESC` : ''}, _line DESC) AS rn
    FROM fhir_attr WHERE attribute = ${lit(attribute)}) WHERE rn = 1)`;

function ageBandSql(asOf: string): string {
  const d = `DATE ${lit(asOf)}`;
  const age = `(date_diff('year', p.birth_date, ${d}) - CASE WHEN strftime(${d}, '%m%d') < strftime(p.birth_date, '%m%d') THEN 1 ELSE 0 END)`;
  return `CASE WHEN p.birth_date IS NULL THEN '${MISSING}' WHEN ${age} < 0 OR ${age} > 130 THEN '${UNKNOWN}'
    WHEN ${age} >= 90 THEN '90+' ELSE CAST(${age} // 10 * 10 AS VARCHAR) || '-' || CAST(${age} // 10 * 10 + 9 AS VARCHAR) END`;
}

export async function insertPatients(
  engine: Engine,
  schema: string,
  source: string,
  asOf: string,
): Promise<void> {
  // Per person and domain, the answers of the latest screen date (a missing date counts only when every
  // date is missing): one aggregation, each flag packed with the date (k * 2 + flag) so that the maximum
  // tells whether any answer of the latest date has the flag.
  const hrsn = `SELECT patient_id, domain,
      CASE WHEN MAX(k * 2 + (positive IS TRUE)::INT) > MAX(k) * 2 THEN '${HRSN_RESULT.positive}'
        WHEN MAX(k * 2 + (declined IS FALSE)::INT) = MAX(k) * 2
          AND MAX(k * 2 + (declined IS NOT NULL)::INT) > MAX(k) * 2 THEN '${DECLINED}'
        ELSE '${HRSN_RESULT.negative}' END AS result
    FROM (SELECT patient_id, domain, positive, declined,
      COALESCE(screen_date - DATE '2000-01-01', -10000000) AS k FROM fhir_sdoh WHERE screened)
    GROUP BY patient_id, domain`;
  const hrsnCols = HRSN_DOMAINS.map((d) => `hrsn_${d}`);
  const hrsnSel = HRSN_DOMAINS.map((d) => `COALESCE(h.${d}, '${HRSN_RESULT.notScreened}')`);
  const hrsnPivot = `(SELECT patient_id, ${HRSN_DOMAINS.map((d) => `MAX(result) FILTER (WHERE domain = '${d}') AS ${d}`).join(', ')}
    FROM (${hrsn}) GROUP BY patient_id)`;
  const [{ n }] = (await engine.all<{ n: number }>(
    'SELECT COUNT(*) AS n FROM fhir_pat_ok WHERE tribal_affiliation IS NOT NULL',
  )) as [{ n: number }];
  const tribal = n > 0;
  if (tribal)
    await engine.run(`ALTER TABLE ${schema}.patients ADD COLUMN IF NOT EXISTS tribal_affiliation VARCHAR`);
  await engine.run(`INSERT INTO ${schema}.patients (patient_id, source, birth_date, race_ethnicity, race, ethnicity,
      language, limited_english, sex, gender_identity, sexual_orientation, age_band, payer, disability,
      ${hrsnCols.join(', ')}, zip, county, tract, race_codes, ethnicity_codes, race_source, ethnicity_source,
      sex_source, gender_identity_source, sexual_orientation_source, language_source, interpreter_needed,
      payer_source${tribal ? ', tribal_affiliation' : ''})
    SELECT p.patient_id, ${lit(source)}, p.birth_date, p.race_ethnicity, p.race, p.ethnicity,
      p.language, p.limited_english, p.sex,
      CASE WHEN p.gender_identity = '${MISSING}' AND gi.label IS NOT NULL THEN gi.label ELSE p.gender_identity END,
      COALESCE(so.label, '${MISSING}'), ${ageBandSql(asOf)}, COALESCE(pay.label, '${MISSING}'),
      COALESCE(dis.label, '${MISSING}'),
      ${hrsnSel.join(',\n      ')},
      p.zip, p.county, '${MISSING}',
      CASE WHEN COALESCE(p.race_codes, '') = '' THEN []::VARCHAR[] ELSE string_split(p.race_codes, '|') END,
      CASE WHEN COALESCE(p.ethnicity_codes, '') = '' THEN []::VARCHAR[] ELSE string_split(p.ethnicity_codes, '|') END,
      p.race_source, p.ethnicity_source, p.sex_source,
      CASE WHEN p.gender_identity = '${MISSING}' AND gi.label IS NOT NULL THEN gi.source_value ELSE p.gender_identity_source END,
      so.source_value, p.language_source, p.interpreter_needed, pay.source_value
      ${tribal ? ', p.tribal_affiliation' : ''}
    FROM fhir_pat_ok p
    LEFT JOIN ${latestAttr('gender_identity')} gi USING (patient_id)
    LEFT JOIN ${latestAttr('sexual_orientation')} so USING (patient_id)
    LEFT JOIN ${latestAttr('disability', true)} dis USING (patient_id)
    LEFT JOIN ${latestAttr('payer')} pay USING (patient_id)
    LEFT JOIN ${hrsnPivot} h USING (patient_id)`);
}
