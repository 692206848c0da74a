/**
 * Canonical category labels, used everywhere downstream (analysis, reports). Labels are the words people
 * read; the OMB wording follows SPD-15 (2024) and the 1997 standard.
 */

/** OMB 1997 race (separate ethnicity question). */
export const RACE_1997 = {
  aian: 'American Indian or Alaska Native',
  asian: 'Asian',
  black: 'Black or African American',
  nhpi: 'Native Hawaiian or Other Pacific Islander',
  white: 'White',
  multiple: 'More than one race',
  other: 'Other race',
} as const;

/** OMB 1997 ethnicity. */
export const ETHNICITY_1997 = {
  hispanic: 'Hispanic or Latino',
  notHispanic: 'Not Hispanic or Latino',
} as const;

/** OMB SPD-15 (2024) combined race and ethnicity. "Other race" is kept as a known group of its own. */
export const RACE_ETHNICITY_2024 = {
  aian: 'American Indian or Alaska Native',
  asian: 'Asian',
  black: 'Black or African American',
  hispanic: 'Hispanic or Latino',
  mena: 'Middle Eastern or North African',
  nhpi: 'Native Hawaiian or Pacific Islander',
  white: 'White',
  multiple: 'Multiracial/Multiethnic',
  other: 'Other race',
} as const;

export const SEX = { female: 'Female', male: 'Male', intersex: 'Intersex' } as const;

export const GENDER_IDENTITY = {
  woman: 'Woman',
  man: 'Man',
  transWoman: 'Transgender woman',
  transMan: 'Transgender man',
  nonBinary: 'Non-binary',
  other: 'Another gender identity',
} as const;

export const SEXUAL_ORIENTATION = {
  straight: 'Straight or heterosexual',
  gay: 'Lesbian or gay',
  bisexual: 'Bisexual',
  other: 'Another sexual orientation',
} as const;

export const PAYER = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  dual: 'Dual (Medicare and Medicaid)',
  commercial: 'Commercial',
  selfPay: 'Uninsured/self-pay',
  other: 'Other',
} as const;

export const YES_NO = { yes: 'Yes', no: 'No' } as const;

/** Social-need screening result per domain. */
export const HRSN_RESULT = {
  positive: 'Positive',
  negative: 'Negative',
  notScreened: 'Not screened',
} as const;
