import type { MeasureDefinition } from '../types.js';
import { SDOH_FIVE } from './code-lists.js';

/** Screening for Social Drivers of Health (CMS SDOH-1; MIPS Quality ID 487). */
export const sdohScreening: MeasureDefinition = {
  id: 'sdoh-screening',
  title: 'Screening for social drivers of health (all five domains)',
  description:
    'Patients 18 and older with a visit in the period who were screened in the period for food insecurity, housing instability, transportation needs, utility difficulties and interpersonal safety.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 18, require: [{ kind: 'encounter', window: 'period' }] },
  numerator: { kind: 'sdoh_screened', domains: SDOH_FIVE, window: 'period' },
  steward: {
    name: 'CMS',
    reference: 'SDOH-1 (Hospital IQR, FY2023 IPPS final rule); MIPS Quality ID 487',
  },
  differences: [
    'Patient-level over any visits in the period; SDOH-1 counts inpatient admissions, screened during the stay, age at admission.',
    'A domain is screened when an item of the domain has an answer that the SDOH answer table counts as screened ("I choose not to answer" is screened; a question with no answer is not).',
    'Opt-out and inability to complete screening are not excluded.',
  ],
};
