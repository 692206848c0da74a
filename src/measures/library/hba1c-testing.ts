import type { MeasureDefinition } from '../types.js';
import { DIABETES, HBA1C } from './code-lists.js';

/** Diabetes: HbA1c testing (HEDIS Comprehensive Diabetes Care, NQF 0057 — retired). */
export const hba1cTesting: MeasureDefinition = {
  id: 'hba1c-testing',
  title: 'Diabetes: HbA1c testing',
  description: 'Patients 18–75 with diabetes who had at least one HbA1c result in the period.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: {
    ageMin: 18,
    ageMax: 75,
    require: [
      { kind: 'event', table: 'conditions', codes: DIABETES, window: 'before_end' },
      { kind: 'encounter', window: 'period' },
    ],
  },
  numerator: { kind: 'any', of: [{ kind: 'event', table: 'observations', codes: HBA1C, window: 'period' }] },
  steward: { name: 'NCQA', reference: 'HEDIS CDC HbA1c Testing (NQF 0057, retired 2022)' },
  differences: [
    'The denominator is the hba1c-poor-control denominator (diagnosis on or before the period end; no exclusions).',
    'A test counts when a result (LOINC 4548-4) is recorded; HEDIS also accepts CPT II codes for the test.',
  ],
};
