import type { MeasureDefinition } from '../types.js';
import { BILATERAL_MASTECTOMY, MAMMOGRAPHY } from './code-lists.js';

/** Breast Cancer Screening (CMS125 / NQF 2372 / HEDIS BCS-E). */
export const breastCancerScreening: MeasureDefinition = {
  id: 'breast-cancer-screening',
  title: 'Breast cancer screening',
  description:
    'Women 52–74 at the period end with a visit in the period who had a mammogram in the 27 months ending on the period end.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 52, ageMax: 74, sex: ['Female'], require: [{ kind: 'encounter', window: 'period' }] },
  numerator: {
    kind: 'any',
    of: [
      { kind: 'event', table: 'procedures', codes: MAMMOGRAPHY, window: { monthsBeforeEnd: 27 } },
      { kind: 'event', table: 'observations', codes: MAMMOGRAPHY, window: { monthsBeforeEnd: 27 } },
    ],
  },
  exclusions: [
    { kind: 'event', table: 'procedures', codes: BILATERAL_MASTECTOMY, window: 'before_end' },
    { kind: 'event', table: 'conditions', codes: BILATERAL_MASTECTOMY, window: 'before_end' },
  ],
  steward: {
    name: 'CMS / NCQA',
    reference: 'CMS125v12 (eCQM), NQF 2372',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0125v12',
  },
  differences: [
    'Sex is the recorded sex (patients.sex = Female); CMS125 uses the administrative sex of the patient.',
    'The look-back is the 27 months ending on the period end (CMS125: October 1 two years before the period through its end — the same for a calendar-year period).',
    'Only bilateral mastectomy is excluded (not unilateral mastectomy pairs, hospice, palliative care or frailty).',
  ],
};
