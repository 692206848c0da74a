/**
 * The OMOP CDM v5.4 tables the OMOP source reads, and the columns it uses from each. Every table is staged
 * as all-VARCHAR (typed later with TRY_CAST, so that a bad value becomes a rejection, not a failed load);
 * a column absent from the input is staged as NULL. Column names are matched case-insensitively.
 */
export interface CdmTable {
  /** Upper-case CDM table name (also the CSV file stem). */
  name: string;
  /** Primary-key column (keyset pagination on PostgreSQL). */
  key: string;
  columns: readonly string[];
  /** The person_id column, for event tables (rows with a missing or unknown person are rejected). */
  person?: string;
  /** Date columns a row cannot do without (missing or unparseable → rejected). */
  requiredDates?: readonly string[];
  /** Vocabulary tables are lookups, not counted as rows read. */
  vocabulary?: boolean;
}

export const CDM_TABLES: readonly CdmTable[] = [
  {
    name: 'PERSON',
    key: 'person_id',
    columns: [
      'person_id',
      'gender_concept_id',
      'year_of_birth',
      'month_of_birth',
      'day_of_birth',
      'birth_datetime',
      'race_concept_id',
      'ethnicity_concept_id',
      'location_id',
      'gender_source_value',
      'race_source_value',
      'ethnicity_source_value',
    ],
  },
  {
    name: 'VISIT_OCCURRENCE',
    key: 'visit_occurrence_id',
    person: 'person_id',
    requiredDates: ['visit_start_date'],
    columns: [
      'visit_occurrence_id',
      'person_id',
      'visit_concept_id',
      'visit_start_date',
      'visit_end_date',
      'visit_source_value',
      'discharged_to_concept_id',
      'discharge_to_concept_id',
    ],
  },
  {
    name: 'CONDITION_OCCURRENCE',
    key: 'condition_occurrence_id',
    person: 'person_id',
    requiredDates: ['condition_start_date'],
    columns: [
      'condition_occurrence_id',
      'person_id',
      'condition_concept_id',
      'condition_start_date',
      'condition_end_date',
      'visit_occurrence_id',
      'condition_source_value',
      'condition_source_concept_id',
    ],
  },
  {
    name: 'MEASUREMENT',
    key: 'measurement_id',
    person: 'person_id',
    requiredDates: ['measurement_date'],
    columns: [
      'measurement_id',
      'person_id',
      'measurement_concept_id',
      'measurement_date',
      'value_as_number',
      'value_as_concept_id',
      'unit_source_value',
      'visit_occurrence_id',
      'measurement_source_value',
      'measurement_source_concept_id',
      'value_source_value',
    ],
  },
  {
    name: 'OBSERVATION',
    key: 'observation_id',
    person: 'person_id',
    requiredDates: ['observation_date'],
    columns: [
      'observation_id',
      'person_id',
      'observation_concept_id',
      'observation_date',
      'value_as_number',
      'value_as_string',
      'value_as_concept_id',
      'unit_source_value',
      'visit_occurrence_id',
      'observation_source_value',
      'observation_source_concept_id',
      'value_source_value',
    ],
  },
  {
    name: 'PROCEDURE_OCCURRENCE',
    key: 'procedure_occurrence_id',
    person: 'person_id',
    requiredDates: ['procedure_date'],
    columns: [
      'procedure_occurrence_id',
      'person_id',
      'procedure_concept_id',
      'procedure_date',
      'visit_occurrence_id',
      'procedure_source_value',
      'procedure_source_concept_id',
    ],
  },
  {
    name: 'DRUG_EXPOSURE',
    key: 'drug_exposure_id',
    person: 'person_id',
    requiredDates: ['drug_exposure_start_date'],
    columns: [
      'drug_exposure_id',
      'person_id',
      'drug_concept_id',
      'drug_exposure_start_date',
      'stop_reason',
      'visit_occurrence_id',
      'drug_source_value',
      'drug_source_concept_id',
    ],
  },
  {
    name: 'PAYER_PLAN_PERIOD',
    key: 'payer_plan_period_id',
    person: 'person_id',
    requiredDates: ['payer_plan_period_start_date'],
    columns: [
      'payer_plan_period_id',
      'person_id',
      'payer_plan_period_start_date',
      'payer_plan_period_end_date',
      'payer_concept_id',
      'payer_source_value',
    ],
  },
  { name: 'LOCATION', key: 'location_id', columns: ['location_id', 'zip', 'county', 'state'] },
  {
    name: 'CONCEPT',
    key: 'concept_id',
    vocabulary: true,
    columns: ['concept_id', 'concept_name', 'vocabulary_id', 'concept_code', 'domain_id'],
  },
];

/** The temporary staging table holding a CDM table's rows (plus `_line`, `_file`). */
export const stageTable = (name: string): string => `omop_stage_${name.toLowerCase()}`;
