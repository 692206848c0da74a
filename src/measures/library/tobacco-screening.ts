import type { MeasureDefinition } from '../types.js';
import { TOBACCO_SCREEN } from './code-lists.js';

/** Preventive Care and Screening: Tobacco Use: Screening (CMS138 / NQF 0028, screening part). */
export const tobaccoScreening: MeasureDefinition = {
  id: 'tobacco-screening',
  title: 'Tobacco use screening',
  description:
    'Patients 12 and older with a visit in the period whose tobacco use was assessed in the period.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 12, require: [{ kind: 'encounter', window: 'period' }] },
  numerator: {
    kind: 'any',
    of: [
      { kind: 'event', table: 'observations', codes: TOBACCO_SCREEN, window: 'period' },
      { kind: 'event', table: 'procedures', codes: TOBACCO_SCREEN, window: 'period' },
    ],
  },
  steward: {
    name: 'CMS',
    reference: 'CMS138v12 (eCQM), NQF 0028 — population 1 (screening)',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0138v12',
  },
  differences: [
    'Only the screening rate (population 1) is computed; cessation intervention for users (populations 2 and 3) is not.',
    'Any tobacco status observation (LOINC 72166-2, 11367-0) or assessment procedure counts; CMS138 requires at least two visits or one preventive visit.',
  ],
};
