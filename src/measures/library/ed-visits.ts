import type { MeasureDefinition } from '../types.js';
import { EMERGENCY } from './code-lists.js';

/** Emergency department visits per 1,000 patients (after HEDIS Emergency Department Utilization, EDU). */
export const edVisits: MeasureDefinition = {
  id: 'ed-visits',
  title: 'Emergency department visits per 1,000 patients',
  description:
    'Patients with any visit in the period; each row carries the number of ED visits in the period (value) and is in the numerator when it is at least one. Rate per 1,000 = sum(value) / patients × 1,000.',
  direction: 'lower_is_better',
  type: 'outcome',
  unit: { kind: 'patient' },
  population: { require: [{ kind: 'encounter', window: 'period' }] },
  numerator: { kind: 'encounter_count', classes: EMERGENCY, window: 'period' },
  scale: 1000,
  steward: { name: 'NCQA', reference: 'HEDIS Emergency Department Utilization (EDU)' },
  differences: [
    'The denominator is patients with any visit in the period, not enrolled member-years; the rate is not risk-adjusted.',
    'An ED visit is an encounter of class EMER (OMOP visit 9203); ED visits resulting in admission (OMOP 262) count as inpatient, and HEDIS excludes those too.',
    'The proportion of rows in the numerator is the share of patients with at least one ED visit; the per-1,000 rate uses the value column.',
  ],
};
