import type { MeasureDefinition } from '../types.js';
import { DEPRESSION_SCREEN } from './code-lists.js';

/** Preventive Care and Screening: Screening for Depression (CMS2 / NQF 0418). */
export const depressionScreening: MeasureDefinition = {
  id: 'depression-screening',
  title: 'Depression screening',
  description:
    'Patients 12 and older with a visit in the period who were screened for depression in the period.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 12, require: [{ kind: 'encounter', window: 'period' }] },
  numerator: {
    kind: 'any',
    of: [
      { kind: 'event', table: 'observations', codes: DEPRESSION_SCREEN, window: 'period' },
      { kind: 'event', table: 'procedures', codes: DEPRESSION_SCREEN, window: 'period' },
    ],
  },
  steward: {
    name: 'CMS',
    reference: 'CMS2v13 (eCQM), NQF 0418',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0002v13',
  },
  differences: [
    'A screening is a PHQ-2/PHQ-9 or depression screening assessment result (LOINC) or a depression screening procedure (SNOMED); CMS2 also requires a follow-up plan for a positive screen, which is not checked.',
    'Age is at the period end (CMS2: at the start of the period); exclusions (existing depression or bipolar diagnosis) are not applied.',
  ],
};
