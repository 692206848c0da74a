/** The model audit (issue #15): pure code, rows in, the audit out. Named exports only. */
export {
  AUDIT_METHOD,
  auditModel,
  groupLabel,
  type AuditOptions,
  type AuditReferenceRule,
  type AuditResult,
  type AuditRow,
  type CalibrationRow,
  type GroupRow,
} from './audit-model.js';
export { calibrationOf, ECE_BIN_RULE, ECE_BINS, type CalibrationValues } from './calibration.js';
export {
  confusionAt,
  RATE_DIRECTION,
  RATE_NAMES,
  rateParts,
  type Confusion,
  type RateName,
} from './confusion.js';
export { AUDIT_GUIDANCE } from './guidance.js';
export { suppressAudit } from './suppress.js';
