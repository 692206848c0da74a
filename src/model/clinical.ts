/**
 * The clinical event model (issue #6): what FHIR R4 and OMOP CDM sources both load into, inside the same
 * dataset schema `ds_<version>` as `patients` and `measure_rows`. Declarative measures (src/measures) are
 * compiled to SQL over these tables by the engine, the same way for both sources.
 *
 * Codes are kept as received beside their system, so a measure's code list matches either source:
 * `system` is one of CODE_SYSTEMS (short ids, not URLs). Dates are calendar dates (DATE); times are dropped.
 */
import { sqlType, type ColumnDef } from './tables.js';

/** Short code-system ids used in every `system` column. */
export const CODE_SYSTEMS = {
  'http://snomed.info/sct': 'snomed',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10cm',
  'http://hl7.org/fhir/sid/icd-10': 'icd10',
  'http://loinc.org': 'loinc',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'rxnorm',
  'http://hl7.org/fhir/sid/cvx': 'cvx',
  'http://www.ama-assn.org/go/cpt': 'cpt',
  'urn:oid:2.16.840.1.113883.6.238': 'cdcrec',
} as const;
export type CodeSystemId = (typeof CODE_SYSTEMS)[keyof typeof CODE_SYSTEMS] | 'omop' | 'other';

/** The short id for a FHIR system URL (or 'other'). */
export const codeSystemId = (url: string | undefined | null): string =>
  (url && (CODE_SYSTEMS as Record<string, string>)[url]) || 'other';

const id = (name: string, doc: string): ColumnDef => ({ name, type: 'VARCHAR', notNull: true, doc });
const common: readonly ColumnDef[] = [
  { name: 'source', type: 'VARCHAR', doc: 'config source name' },
  { name: 'source_file', type: 'VARCHAR', doc: 'file the event came from' },
];

export const CLINICAL_TABLES = {
  encounters: [
    id('patient_id', 'joins patients.patient_id'),
    id('encounter_id', 'encounter identifier'),
    { name: 'class', type: 'VARCHAR', doc: 'AMB, EMER, IMP, … (FHIR v3 ActCode; OMOP visit concept mapped)' },
    { name: 'code', type: 'VARCHAR', doc: 'encounter type code' },
    { name: 'system', type: 'VARCHAR', doc: 'code system id' },
    { name: 'start_date', type: 'DATE', doc: 'start date' },
    { name: 'end_date', type: 'DATE', doc: 'end date (discharge)' },
    { name: 'discharge_disposition', type: 'VARCHAR', doc: 'discharge disposition code' },
    ...common,
  ],
  conditions: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'condition_id', type: 'VARCHAR', doc: 'condition identifier' },
    { name: 'code', type: 'VARCHAR', notNull: true, doc: 'diagnosis code' },
    { name: 'system', type: 'VARCHAR', notNull: true, doc: 'snomed, icd10cm, …' },
    { name: 'onset_date', type: 'DATE', doc: 'onset (or recorded) date' },
    { name: 'abatement_date', type: 'DATE', doc: 'abatement date' },
    { name: 'category', type: 'VARCHAR', doc: 'problem-list-item, encounter-diagnosis, health-concern' },
    { name: 'encounter_id', type: 'VARCHAR', doc: 'encounter it was recorded in' },
    ...common,
  ],
  observations: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'observation_id', type: 'VARCHAR', doc: 'observation identifier' },
    { name: 'code', type: 'VARCHAR', notNull: true, doc: 'observation code (a component code for BP parts)' },
    { name: 'system', type: 'VARCHAR', notNull: true, doc: 'loinc, snomed, …' },
    {
      name: 'panel_code',
      type: 'VARCHAR',
      doc: 'code of the panel/parent Observation a component came from',
    },
    { name: 'effective_date', type: 'DATE', doc: 'effective date' },
    { name: 'value_num', type: 'DOUBLE', doc: 'numeric value' },
    { name: 'unit', type: 'VARCHAR', doc: 'UCUM unit' },
    { name: 'value_code', type: 'VARCHAR', doc: 'coded value (e.g. a LOINC answer LA…)' },
    { name: 'value_system', type: 'VARCHAR', doc: 'system of the coded value' },
    { name: 'value_text', type: 'VARCHAR', doc: 'text value or display' },
    { name: 'encounter_id', type: 'VARCHAR', doc: 'encounter it was recorded in' },
    ...common,
  ],
  procedures: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'procedure_id', type: 'VARCHAR', doc: 'procedure identifier' },
    { name: 'code', type: 'VARCHAR', notNull: true, doc: 'procedure code' },
    { name: 'system', type: 'VARCHAR', notNull: true, doc: 'snomed, cpt, …' },
    { name: 'performed_date', type: 'DATE', doc: 'performed date' },
    { name: 'encounter_id', type: 'VARCHAR', doc: 'encounter' },
    ...common,
  ],
  medications: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'medication_id', type: 'VARCHAR', doc: 'MedicationRequest / DRUG_EXPOSURE identifier' },
    { name: 'code', type: 'VARCHAR', notNull: true, doc: 'drug code' },
    { name: 'system', type: 'VARCHAR', notNull: true, doc: 'rxnorm, …' },
    { name: 'start_date', type: 'DATE', doc: 'authored / exposure start date' },
    { name: 'status', type: 'VARCHAR', doc: 'status' },
    ...common,
  ],
  immunizations: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'immunization_id', type: 'VARCHAR', doc: 'identifier' },
    { name: 'code', type: 'VARCHAR', notNull: true, doc: 'vaccine code' },
    { name: 'system', type: 'VARCHAR', notNull: true, doc: 'cvx, …' },
    { name: 'date', type: 'DATE', doc: 'occurrence date' },
    { name: 'status', type: 'VARCHAR', doc: 'status' },
    ...common,
  ],
  /**
   * One row per social-needs screening answer, classified by the data table in src/measures (which
   * (question, answer) pairs count as screened and positive). "I choose not to answer" is screened, not positive.
   */
  sdoh_screenings: [
    id('patient_id', 'joins patients.patient_id'),
    { name: 'screen_date', type: 'DATE', doc: 'date of the screening' },
    { name: 'instrument', type: 'VARCHAR', doc: 'ahc-hrsn, prapare, hunger-vital-sign, icd10cm-z, snomed' },
    { name: 'domain', type: 'VARCHAR', notNull: true, doc: 'HRSN domain (HRSN_DOMAINS), Gravity category' },
    { name: 'question_code', type: 'VARCHAR', doc: 'LOINC question code (or diagnosis code)' },
    { name: 'answer_code', type: 'VARCHAR', doc: 'LOINC answer code' },
    { name: 'answer_text', type: 'VARCHAR', doc: 'answer display text' },
    { name: 'screened', type: 'BOOLEAN', notNull: true, doc: 'the answer counts as screened in the domain' },
    { name: 'positive', type: 'BOOLEAN', notNull: true, doc: 'the answer is a positive screen' },
    ...common,
    {
      name: 'gravity_category',
      type: 'VARCHAR',
      doc: 'Gravity SDOH Clinical Care category code (SDOHCC-CodeSystemTemporaryCodes), when known',
    },
  ],
} as const satisfies Record<string, readonly ColumnDef[]>;
export type ClinicalTable = keyof typeof CLINICAL_TABLES;

/** `CREATE TABLE IF NOT EXISTS` for a clinical table in a dataset schema (portable DuckDB/PostgreSQL SQL). */
export function createClinicalTableSql(schema: string, table: ClinicalTable): string {
  const cols = CLINICAL_TABLES[table].map(
    (c: ColumnDef) => `  ${c.name} ${sqlType(c)}${c.notNull ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${schema}.${table} (\n${cols.join(',\n')}\n)`;
}
