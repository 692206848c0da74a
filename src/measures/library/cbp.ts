import type { MeasureDefinition } from '../types.js';
import { DIASTOLIC, HYPERTENSION, SYSTOLIC } from './code-lists.js';

/** Controlling High Blood Pressure (CMS165 / NQF 0018 / HEDIS CBP). */
export const cbp: MeasureDefinition = {
  id: 'cbp',
  title: 'Controlling high blood pressure',
  description:
    'Patients 18–85 with hypertension whose most recent blood pressure in the period is below 140/90 mmHg.',
  direction: 'higher_is_better',
  type: 'outcome',
  unit: { kind: 'patient' },
  population: {
    ageMin: 18,
    ageMax: 85,
    require: [
      { kind: 'event', table: 'conditions', codes: HYPERTENSION, window: 'before_end' },
      { kind: 'encounter', window: 'period' },
    ],
  },
  numerator: {
    kind: 'bp_controlled',
    systolic: SYSTOLIC,
    diastolic: DIASTOLIC,
    window: 'period',
    systolicBelow: 140,
    diastolicBelow: 90,
  },
  steward: {
    name: 'CMS / NCQA',
    reference: 'CMS165v12 (eCQM), NQF 0018',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0165v12',
  },
  differences: [
    'Hypertension is any diagnosis (SNOMED 38341003, 59621000, ICD-10-CM I10) starting on or before the period end; CMS165 requires it to start before or in the first six months of the period.',
    'Any encounter in the period qualifies (CMS165 lists qualifying outpatient visit types).',
    'As CMS165: the most recent day in the period with both a systolic and a diastolic reading is used, with the lowest systolic and lowest diastolic of that day; a day with one of the two is skipped; no such day = not controlled.',
    'Readings taken in an emergency department or on the day of a procedure are not removed; exclusions (hospice, palliative care, ESRD, pregnancy, frailty with advanced illness) are not applied.',
  ],
};
