import type { MeasureDefinition } from '../types.js';
import { SDOH_FIVE } from './code-lists.js';
import { sdohScreening } from './sdoh-screening.js';

const TITLES: Readonly<Record<string, string>> = {
  food: 'food insecurity',
  housing_instability: 'housing instability',
  transportation: 'transportation needs',
  utilities: 'utility difficulties',
  interpersonal_safety: 'interpersonal safety',
};

/** Screen Positive Rate for Social Drivers of Health (CMS SDOH-2), one measure per domain. */
export const sdohPositive = (domain: string): MeasureDefinition => ({
  id: `sdoh-positive-${domain.replace(/_/g, '-')}`,
  title: `Positive screen: ${TITLES[domain] ?? domain}`,
  description: `Among patients screened in all five domains in the period (sdoh-screening numerator), those who screened positive for ${TITLES[domain] ?? domain}.`,
  direction: 'lower_is_better',
  type: 'outcome',
  unit: { kind: 'patient' },
  population: sdohScreening.population,
  populationNumeratorOf: sdohScreening.id,
  numerator: { kind: 'sdoh_positive', domain, window: 'period' },
  steward: { name: 'CMS', reference: 'SDOH-2 (Hospital IQR, FY2023 IPPS final rule)' },
  differences: [
    'Patient-level over any visits in the period; SDOH-2 counts inpatient admissions screened during the stay.',
    '"Lower is better" reads as less social need; the rate measures need, not care quality.',
  ],
});

export const SDOH_POSITIVE_MEASURES: readonly MeasureDefinition[] = SDOH_FIVE.map(sdohPositive);
