/**
 * CDM event tables → the clinical event model (src/model/clinical.ts). Identifiers: patient_id = person_id,
 * encounter_id = visit_occurrence_id, and `<table>/<id>` for observation ids (MEASUREMENT and OBSERVATION
 * share the observations table). Visit concepts become FHIR v3 ActCode classes (9201 IMP, 9202 AMB,
 * 9203 EMER, …).
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { checkedTable, finiteSql } from './validate.js';
import { codeRowsSql, vocabularySystemSql } from './codes.js';

/** OMOP visit concept → encounter class. */
export const VISIT_CLASSES: Readonly<Record<string, string>> = {
  '9201': 'IMP', // Inpatient Visit
  '262': 'IMP', // Emergency Room and Inpatient Visit (admitted through the ED)
  '8717': 'IMP', // Inpatient Hospital
  '9202': 'AMB', // Outpatient Visit
  '581477': 'AMB', // Office Visit
  '8756': 'AMB', // Outpatient Hospital
  '9203': 'EMER', // Emergency Room Visit
  '8870': 'EMER', // Emergency Room - Hospital
  '5083': 'VR', // Telehealth
  '581476': 'HH', // Home Visit
};

const classCase = (expr: string): string =>
  `CASE ${expr} ${Object.entries(VISIT_CLASSES)
    .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
    .join(' ')} END`;

/** Load every clinical event table for one source. */
export async function loadEvents(engine: Engine, schema: string, source: string): Promise<void> {
  const src = quoteLiteral(source);
  await engine.run(
    `INSERT INTO ${schema}.encounters (patient_id, encounter_id, class, code, system, start_date, end_date, discharge_disposition, source, source_file)
     SELECT person_id, visit_occurrence_id, ${classCase('visit_concept_id')}, visit_concept_id, 'omop',
       _d_visit_start_date, COALESCE(_d_visit_end_date, _d_visit_start_date),
       NULLIF(COALESCE(NULLIF(discharged_to_concept_id, '0'), NULLIF(discharge_to_concept_id, '0')), ''), ${src}, _file
     FROM ${checkedTable('VISIT_OCCURRENCE')} WHERE _reason IS NULL`,
  );
  await engine.run(
    `INSERT INTO ${schema}.conditions (patient_id, condition_id, code, system, onset_date, abatement_date, category, encounter_id, source, source_file)
     SELECT person_id, condition_occurrence_id, code, system, _d_condition_start_date, _d_condition_end_date,
       'encounter-diagnosis', visit_occurrence_id, ${src}, _file
     FROM (${codeRowsSql(checkedTable('CONDITION_OCCURRENCE'), ['person_id', 'condition_occurrence_id', '_d_condition_start_date', '_d_condition_end_date', 'visit_occurrence_id'], { conceptId: 'condition_concept_id', sourceValue: 'condition_source_value', sourceConceptId: 'condition_source_concept_id', digits: 'snomed' })})`,
  );
  await engine.run(
    `INSERT INTO ${schema}.procedures (patient_id, procedure_id, code, system, performed_date, encounter_id, source, source_file)
     SELECT person_id, procedure_occurrence_id, code, system, _d_procedure_date, visit_occurrence_id, ${src}, _file
     FROM (${codeRowsSql(checkedTable('PROCEDURE_OCCURRENCE'), ['person_id', 'procedure_occurrence_id', '_d_procedure_date', 'visit_occurrence_id'], { conceptId: 'procedure_concept_id', sourceValue: 'procedure_source_value', sourceConceptId: 'procedure_source_concept_id', digits: 'snomed' })})`,
  );
  const drugs = codeRowsSql(
    checkedTable('DRUG_EXPOSURE'),
    ['person_id', 'drug_exposure_id', '_d_drug_exposure_start_date', 'stop_reason'],
    {
      conceptId: 'drug_concept_id',
      sourceValue: 'drug_source_value',
      sourceConceptId: 'drug_source_concept_id',
      digits: 'rxnorm',
    },
  );
  await engine.run(
    `INSERT INTO ${schema}.medications (patient_id, medication_id, code, system, start_date, status, source, source_file)
     SELECT person_id, drug_exposure_id, code, system, _d_drug_exposure_start_date,
       CASE WHEN stop_reason IS NULL THEN 'completed' ELSE 'stopped' END, ${src}, _file FROM (${drugs}) WHERE system <> 'cvx'`,
  );
  await engine.run(
    `INSERT INTO ${schema}.immunizations (patient_id, immunization_id, code, system, date, status, source, source_file)
     SELECT person_id, drug_exposure_id, code, system, _d_drug_exposure_start_date, 'completed', ${src}, _file
     FROM (${drugs}) WHERE system = 'cvx'`,
  );
  for (const t of ['MEASUREMENT', 'OBSERVATION'] as const) {
    const lower = t.toLowerCase();
    const textValue = t === 'OBSERVATION' ? 'value_as_string' : 'NULL';
    const rows = codeRowsSql(
      checkedTable(t),
      [
        'person_id',
        `${lower}_id`,
        `_d_${lower}_date`,
        'value_as_number',
        'value_as_concept_id',
        'unit_source_value',
        'visit_occurrence_id',
        'value_source_value',
        ...(t === 'OBSERVATION' ? ['value_as_string'] : []),
      ],
      {
        conceptId: `${lower}_concept_id`,
        sourceValue: `${lower}_source_value`,
        sourceConceptId: `${lower}_source_concept_id`,
        digits: 'snomed',
      },
    );
    await engine.run(
      `INSERT INTO ${schema}.observations (patient_id, observation_id, code, system, panel_code, effective_date, value_num, unit, value_code, value_system, value_text, encounter_id, source, source_file)
       SELECT r.person_id, '${lower}/' || r.${lower}_id, r.code, r.system, NULL, r._d_${lower}_date,
         ${finiteSql('r.value_as_number')}, NULLIF(TRIM(r.unit_source_value), ''), v.concept_code,
         ${vocabularySystemSql('v.vocabulary_id')},
         COALESCE(NULLIF(TRIM(${textValue === 'NULL' ? 'NULL' : `r.${textValue}`}), ''), v.concept_name,
           CASE WHEN ${finiteSql('r.value_as_number')} IS NULL THEN NULLIF(TRIM(r.value_source_value), '') END),
         r.visit_occurrence_id, ${src}, r._file
       FROM (${rows}) r LEFT JOIN omop_concepts v ON v.concept_id = r.value_as_concept_id AND v.concept_id <> '0'`,
    );
  }
}
