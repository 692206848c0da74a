/**
 * Canonical stratifier ids, used everywhere downstream (issue #2). Each id is also the name of a VARCHAR
 * column of the `patients` table holding a category label or a status (see status.ts). Custom attributes
 * from the config become extra columns named by their own id (lower snake case, not clashing with these).
 */
export const HRSN_DOMAINS = [
  'food',
  'housing_instability',
  'housing_quality',
  'transportation',
  'utilities',
  'interpersonal_safety',
] as const;
export type HrsnDomain = (typeof HRSN_DOMAINS)[number];

export const STANDARD_STRATIFIERS = [
  'race_ethnicity',
  'race',
  'ethnicity',
  'language',
  'limited_english',
  'sex',
  'gender_identity',
  'sexual_orientation',
  'age_band',
  'payer',
  'disability',
  ...HRSN_DOMAINS.map((d) => `hrsn_${d}` as const),
  'zip',
  'county',
  'tract',
] as const;
export type StandardStratifier = (typeof STANDARD_STRATIFIERS)[number];

/** People-facing names for the standard stratifiers (reports translate these via message catalogues). */
export const STRATIFIER_TITLES: Record<StandardStratifier, string> = {
  race_ethnicity: 'Race and ethnicity (2024 OMB)',
  race: 'Race (1997 OMB)',
  ethnicity: 'Ethnicity (1997 OMB)',
  language: 'Preferred language',
  limited_english: 'Limited English proficiency',
  sex: 'Sex',
  gender_identity: 'Gender identity',
  sexual_orientation: 'Sexual orientation',
  age_band: 'Age band',
  payer: 'Payer',
  disability: 'Disability',
  hrsn_food: 'Food insecurity',
  hrsn_housing_instability: 'Housing instability',
  hrsn_housing_quality: 'Housing quality',
  hrsn_transportation: 'Transportation needs',
  hrsn_utilities: 'Utility needs',
  hrsn_interpersonal_safety: 'Interpersonal safety',
  zip: 'ZIP code',
  county: 'County',
  tract: 'Census tract',
};

/** The REAL / SOGI / SDOH fields the data-quality report covers. */
export const QUALITY_FIELDS: readonly StandardStratifier[] = [
  'race_ethnicity',
  'race',
  'ethnicity',
  'language',
  'limited_english',
  'sex',
  'gender_identity',
  'sexual_orientation',
  'age_band',
  'payer',
  'disability',
  ...HRSN_DOMAINS.map((d) => `hrsn_${d}` as const),
  'zip',
  'county',
  'tract',
];
