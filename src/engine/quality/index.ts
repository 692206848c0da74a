/** The data-quality report behind `equilens quality`. */
export { qualityReport, qualityForResults } from './report.js';
export type { QualityReport, QualityOptions } from './report.js';
export type { FieldCounts, SourceCounts, PeriodCounts, QualityDataset } from './types.js';
export { DEFAULT_THRESHOLDS, withOverrides, checkThresholds } from './thresholds.js';
export type { ThresholdRule, ThresholdResult, ThresholdOverride } from './thresholds.js';
export { conflictAttributes } from './fields.js';
export { summarize, affected } from './summary.js';
export type { PeriodUnit } from './sql.js';
