import type { MeasureDefinition } from '../types.js';
import { BMI } from './code-lists.js';

/** Preventive Care and Screening: Body Mass Index Screening (CMS69 / NQF 0421, screening part). */
export const bmiScreening: MeasureDefinition = {
  id: 'bmi-screening',
  title: 'BMI screening',
  description: 'Patients 18 and older with a visit in the period who had a BMI recorded in the period.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 18, require: [{ kind: 'encounter', window: 'period' }] },
  numerator: { kind: 'any', of: [{ kind: 'event', table: 'observations', codes: BMI, window: 'period' }] },
  steward: {
    name: 'CMS',
    reference: 'CMS69v12 (eCQM), NQF 0421',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0069v12',
  },
  differences: [
    'A BMI result (LOINC 39156-5) in the period counts; CMS69 also requires a follow-up plan when the BMI is outside the normal range, which is not checked.',
    'Exclusions (pregnancy, palliative care, refusal) are not applied.',
  ],
};
