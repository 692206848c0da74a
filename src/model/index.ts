/** The canonical data model (pure; no I/O): statuses, category labels, stratifier ids, table definitions. */
export { DECLINED, UNKNOWN, MISSING, STATUSES, isStatus } from './status.js';
export type { Status } from './status.js';
export {
  RACE_1997,
  ETHNICITY_1997,
  RACE_ETHNICITY_2024,
  SEX,
  GENDER_IDENTITY,
  SEXUAL_ORIENTATION,
  PAYER,
  YES_NO,
  HRSN_RESULT,
} from './categories.js';
export { HRSN_DOMAINS, STANDARD_STRATIFIERS, STRATIFIER_TITLES, QUALITY_FIELDS } from './stratifiers.js';
export type { HrsnDomain, StandardStratifier } from './stratifiers.js';
export {
  PATIENT_COLUMNS,
  MEASURE_ROW_COLUMNS,
  REJECTION_COLUMNS,
  UNMAPPED_COLUMNS,
  CANONICAL_TABLES,
  createTableSql,
  datasetSchema,
} from './tables.js';
export type { ColumnDef, CanonicalTable } from './tables.js';
export type {
  ResultsFile,
  Stamp,
  MeasureResult,
  StratumResult,
  GroupResult,
  GroupLabel,
  SummaryMeasureResult,
  TrendPoint,
  StratumTrend,
  IntersectionResult,
  Finding,
  SuppressionReason,
} from './results.js';
export { parseResults, validResults } from './parse-results.js';
