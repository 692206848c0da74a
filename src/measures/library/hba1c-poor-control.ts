import type { MeasureDefinition } from '../types.js';
import { DIABETES, HBA1C } from './code-lists.js';

/** Diabetes: Hemoglobin A1c Poor Control (> 9%) (CMS122 / NQF 0059 / HEDIS HBD). */
export const hba1cPoorControl: MeasureDefinition = {
  id: 'hba1c-poor-control',
  title: 'Diabetes: HbA1c poor control (> 9%)',
  description:
    'Patients 18–75 with diabetes whose most recent HbA1c in the period is above 9.0%, or who had no HbA1c in the period.',
  direction: 'lower_is_better',
  type: 'outcome',
  unit: { kind: 'patient' },
  population: {
    ageMin: 18,
    ageMax: 75,
    require: [
      { kind: 'event', table: 'conditions', codes: DIABETES, window: 'before_end' },
      { kind: 'encounter', window: 'period' },
    ],
  },
  numerator: {
    kind: 'latest_value',
    codes: HBA1C,
    window: 'period',
    comparator: '>',
    threshold: 9,
    missing: 'numerator',
  },
  steward: {
    name: 'CMS / NCQA',
    reference: 'CMS122v12 (eCQM), NQF 0059',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0122v12',
  },
  differences: [
    'Diabetes is any diagnosis (SNOMED 44054006, 73211009, 46635009, ICD-10-CM E10–E11) on or before the period end; CMS122 requires it to overlap the period.',
    'HbA1c is LOINC 4548-4 only (CMS122 uses the HbA1c Laboratory Test value set); several results on the most recent day: the highest counts.',
    'Exclusions (hospice, palliative care, frailty with advanced illness) are not applied.',
  ],
};
