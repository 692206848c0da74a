import type { MeasureDefinition } from '../types.js';
import {
  COLONOSCOPY,
  COLORECTAL_CANCER,
  CT_COLONOGRAPHY,
  FIT_DNA,
  FLEX_SIGMOIDOSCOPY,
  FOBT,
  TOTAL_COLECTOMY,
} from './code-lists.js';

/** Colorectal Cancer Screening (CMS130 / NQF 0034 / HEDIS COL-E). */
export const colorectalCancerScreening: MeasureDefinition = {
  id: 'colorectal-cancer-screening',
  title: 'Colorectal cancer screening',
  description:
    'Patients 45–75 at the period end with a visit in the period who had an appropriate colorectal cancer screening test.',
  direction: 'higher_is_better',
  type: 'process',
  unit: { kind: 'patient' },
  population: { ageMin: 45, ageMax: 75, require: [{ kind: 'encounter', window: 'period' }] },
  numerator: {
    kind: 'any',
    of: [
      { kind: 'event', table: 'procedures', codes: COLONOSCOPY, window: { yearsBeforeEnd: 10 } },
      { kind: 'event', table: 'observations', codes: FOBT, window: 'period' },
      { kind: 'event', table: 'procedures', codes: FLEX_SIGMOIDOSCOPY, window: { yearsBeforeEnd: 5 } },
      { kind: 'event', table: 'procedures', codes: CT_COLONOGRAPHY, window: { yearsBeforeEnd: 5 } },
      { kind: 'event', table: 'observations', codes: CT_COLONOGRAPHY, window: { yearsBeforeEnd: 5 } },
      { kind: 'event', table: 'observations', codes: FIT_DNA, window: { yearsBeforeEnd: 3 } },
    ],
  },
  exclusions: [
    { kind: 'event', table: 'conditions', codes: COLORECTAL_CANCER, window: 'before_end' },
    { kind: 'event', table: 'procedures', codes: TOTAL_COLECTOMY, window: 'before_end' },
  ],
  steward: {
    name: 'CMS / NCQA',
    reference: 'CMS130v12 (eCQM), NQF 0034',
    url: 'https://ecqi.healthit.gov/ecqm/ec/2024/cms0130v12',
  },
  differences: [
    'Ages 45–75 at the period end (CMS130v12: 46–75 by the end of the period, after the 2023 lowering to 45 at the start).',
    'Look-backs as CMS130: colonoscopy 10 years, FOBT the period, flexible sigmoidoscopy and CT colonography 5 years, FIT-DNA 3 years, each ending on the period end; code lists are starter subsets.',
    'Only colorectal cancer and total colectomy are excluded (not hospice, palliative care or frailty).',
  ],
};
