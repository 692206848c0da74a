import type { MeasureDefinition } from '../types.js';
import { INPATIENT } from './code-lists.js';

/** 30-day all-cause readmission (after HEDIS Plan All-Cause Readmissions, PCR, and CMS HWR). */
export const readmission30d: MeasureDefinition = {
  id: 'readmission-30d',
  title: '30-day all-cause readmission',
  description:
    'Inpatient stays of patients 18 and older discharged in the period (up to 30 days before its end) followed by another inpatient admission 1–30 days after discharge.',
  direction: 'lower_is_better',
  type: 'outcome',
  unit: { kind: 'inpatient_discharge', classes: INPATIENT, days: 30 },
  population: { ageMin: 18, require: [] },
  numerator: { kind: 'readmission' },
  steward: {
    name: 'NCQA / CMS',
    reference: 'HEDIS Plan All-Cause Readmissions (PCR); CMS Hospital-Wide Readmission (NQF 1789)',
  },
  differences: [
    'Observed rate only: no risk adjustment (PCR and HWR report observed-to-expected ratios).',
    'Planned readmissions are not removed; a readmission is any inpatient admission 1–30 days after the index discharge (same-day admissions are transfers and do not count).',
    'Every inpatient stay is an index stay, including readmissions themselves (as PCR); stays with a discharge in the last 30 days of the period are not index stays.',
    'Age is at the period end (PCR: at the index discharge).',
  ],
};
