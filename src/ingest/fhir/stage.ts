/**
 * Staging: extracted rows are appended to CSV files per staged table in a temporary folder (stage-writer.ts;
 * memory stays flat however big the export), and DuckDB bulk-reads them with `read_csv` into temp tables or
 * straight into the dataset's tables (stage-loader.ts). This module holds what both sides share: the staged
 * tables and their columns.
 */

export type Cell = string | number | boolean | null | undefined;

/** Staged tables: name → column list (`name TYPE`). */
export const STAGED = {
  pat: [
    'patient_id VARCHAR',
    'birth_date DATE',
    'race_codes VARCHAR',
    'ethnicity_codes VARCHAR',
    'race VARCHAR',
    'ethnicity VARCHAR',
    'race_ethnicity VARCHAR',
    'race_source VARCHAR',
    'ethnicity_source VARCHAR',
    'sex VARCHAR',
    'sex_source VARCHAR',
    'gender_identity VARCHAR',
    'gender_identity_source VARCHAR',
    'language VARCHAR',
    'limited_english VARCHAR',
    'language_source VARCHAR',
    'interpreter_needed BOOLEAN',
    'zip VARCHAR',
    'county VARCHAR',
    'tribal_affiliation VARCHAR',
    '_file INTEGER',
    '_line BIGINT',
  ],
  /** Patient-level attributes from other resources (Observations, Coverage). */
  attr: [
    'patient_id VARCHAR',
    'attribute VARCHAR',
    'date DATE',
    'label VARCHAR',
    'source_value VARCHAR',
    '_line BIGINT',
  ],
  /** Every resource that references a patient: accounting for "reference to a missing patient". */
  res: ['patient_id VARCHAR', 'resource_type VARCHAR', 'field VARCHAR', '_file INTEGER', '_line BIGINT'],
  /** Rejected resources (file, line, JSON path, value, reason). */
  rej: ['_file INTEGER', '_line BIGINT', 'column_name VARCHAR', 'value VARCHAR', 'reason VARCHAR'],
  /** Panel → member links (Observation.hasMember). */
  links: ['panel_code VARCHAR', 'member_id VARCHAR'],
  encounters: [
    'patient_id VARCHAR',
    'encounter_id VARCHAR',
    'class VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'start_date DATE',
    'end_date DATE',
    'discharge_disposition VARCHAR',
    '_file INTEGER',
  ],
  conditions: [
    'patient_id VARCHAR',
    'condition_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'onset_date DATE',
    'abatement_date DATE',
    'category VARCHAR',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  observations: [
    'patient_id VARCHAR',
    'observation_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'panel_code VARCHAR',
    'effective_date DATE',
    'value_num DOUBLE',
    'unit VARCHAR',
    'value_code VARCHAR',
    'value_system VARCHAR',
    'value_text VARCHAR',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  procedures: [
    'patient_id VARCHAR',
    'procedure_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'performed_date DATE',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  medications: [
    'patient_id VARCHAR',
    'medication_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'start_date DATE',
    'status VARCHAR',
    '_file INTEGER',
  ],
  immunizations: [
    'patient_id VARCHAR',
    'immunization_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'date DATE',
    'status VARCHAR',
    '_file INTEGER',
  ],
  sdoh: [
    'patient_id VARCHAR',
    'screen_date DATE',
    'instrument VARCHAR',
    'domain VARCHAR',
    'question_code VARCHAR',
    'answer_code VARCHAR',
    'answer_text VARCHAR',
    'screened BOOLEAN',
    'positive BOOLEAN',
    'declined BOOLEAN',
    'gravity_category VARCHAR',
    'resource_id VARCHAR',
    '_file INTEGER',
  ],
} as const;
export type StagedTable = keyof typeof STAGED;

/** A staged CSV file, complete and ready to load. */
export interface StagedFile {
  table: StagedTable;
  file: string;
  bytes: number;
}
