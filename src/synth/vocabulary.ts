/**
 * The local codes the synthetic EHR extract uses, each with the canonical code the generated mapping turns
 * it into and the canonical label it stands for (src/model/categories.ts). One table per attribute, so the
 * generator and the generated equilens.yaml can never disagree.
 */
import {
  DECLINED,
  GENDER_IDENTITY,
  HRSN_RESULT,
  MISSING,
  PAYER,
  RACE_ETHNICITY_2024,
  SEX,
  SEXUAL_ORIENTATION,
  UNKNOWN,
  YES_NO,
} from '../model/index.js';

export interface LocalCode {
  /** Value written in the extract ('' = empty cell). */
  local: string;
  /** Canonical code or key the mapping maps it to ('declined', 'unknown', 'missing' for statuses). */
  canonical: string;
  /** Canonical label (or status) the analysis should see. */
  label: string;
}

const code = (local: string, canonical: string, label: string): LocalCode => ({ local, canonical, label });
export const DECLINED_CODE = 'declined';
export const UNKNOWN_CODE = 'unknown';
export const MISSING_CODE = 'missing';

export const SEX_CODES = {
  female: code('F', 'female', SEX.female),
  male: code('M', 'male', SEX.male),
  unknown: code('U', UNKNOWN_CODE, UNKNOWN),
} as const;

export const GENDER_CODES = {
  woman: code('Female', 'woman', GENDER_IDENTITY.woman),
  man: code('Male', 'man', GENDER_IDENTITY.man),
  transWoman: code('Transgender Female', 'transWoman', GENDER_IDENTITY.transWoman),
  transMan: code('Transgender Male', 'transMan', GENDER_IDENTITY.transMan),
  nonBinary: code('Nonbinary', 'nonBinary', GENDER_IDENTITY.nonBinary),
  other: code('Other', 'other', GENDER_IDENTITY.other),
  declined: code('Choose not to disclose', DECLINED_CODE, DECLINED),
  missing: code('', MISSING_CODE, MISSING),
} as const;

export const ORIENTATION_CODES = {
  straight: code('Straight', 'straight', SEXUAL_ORIENTATION.straight),
  gay: code('Lesbian or Gay', 'gay', SEXUAL_ORIENTATION.gay),
  bisexual: code('Bisexual', 'bisexual', SEXUAL_ORIENTATION.bisexual),
  other: code('Something else', 'other', SEXUAL_ORIENTATION.other),
  declined: code('Choose not to disclose', DECLINED_CODE, DECLINED),
  unknown: code('Unknown', UNKNOWN_CODE, UNKNOWN),
  missing: code('', MISSING_CODE, MISSING),
} as const;

export const PAYER_CODES = {
  medicare: code('MCR', 'medicare', PAYER.medicare),
  medicaid: code('MCD', 'medicaid', PAYER.medicaid),
  dual: code('DUAL', 'dual', PAYER.dual),
  commercial: code('COM', 'commercial', PAYER.commercial),
  selfPay: code('SP', 'selfPay', PAYER.selfPay),
  other: code('OTH', 'other', PAYER.other),
  unknown: code('UNK', UNKNOWN_CODE, UNKNOWN),
  missing: code('', MISSING_CODE, MISSING),
} as const;

export const YES_NO_CODES = {
  yes: code('Y', 'yes', YES_NO.yes),
  no: code('N', 'no', YES_NO.no),
  declined: code('DECLINED', DECLINED_CODE, DECLINED),
  unknown: code('UNK', UNKNOWN_CODE, UNKNOWN),
  missing: code('', MISSING_CODE, MISSING),
} as const;

export const HRSN_CODES = {
  positive: code('POS', 'positive', HRSN_RESULT.positive),
  negative: code('NEG', 'negative', HRSN_RESULT.negative),
  declined: code('DECLINED', DECLINED_CODE, DECLINED),
  notScreened: code('', MISSING_CODE, MISSING),
} as const;

/** Preferred language: BCP-47 codes as most EHRs export them; 'UNK' and empty are statuses. */
export const LANGUAGES = [
  'en',
  'es',
  'zh',
  'vi',
  'ko',
  'tl',
  'ar',
  'fa',
  'ru',
  'pl',
  'fr',
  'ht',
  'so',
] as const;
export const LANGUAGE_STATUS = {
  unknown: code('UNK', UNKNOWN_CODE, UNKNOWN),
  missing: code('', MISSING_CODE, MISSING),
} as const;

/** CDC Race & Ethnicity (CDCREC) codes used in the extract. */
export const CDC = {
  aian: '1002-5',
  asian: '2028-9',
  black: '2054-5',
  nhpi: '2076-8',
  white: '2106-3',
  other: '2131-1',
  hispanic: '2135-2',
  notHispanic: '2186-5',
  /** Detailed Hispanic origins: Mexican, Puerto Rican, Cuban, Salvadoran. */
  hispanicDetailed: ['2148-5', '2180-8', '2182-4', '2161-8'],
  /** The MENA subtree (2118-8 Middle Eastern or North African and children, 2129-5 Arab). */
  mena: ['2118-8', '2120-4', '2121-2', '2122-0', '2123-8', '2125-3', '2129-5'],
  declined: 'ASKU',
  unknown: 'UNK',
} as const;

/** Separator between several race codes in one cell (multiracial patients); not '|', which is FHIR's system|code. */
export const MULTI_RACE_SEPARATOR = ';';

/** Two-race combinations of multiracial patients: [codes, weight]. */
export const MULTI_RACE_COMBOS: readonly [string, number][] = [
  [`${CDC.black}${MULTI_RACE_SEPARATOR}${CDC.white}`, 0.4],
  [`${CDC.asian}${MULTI_RACE_SEPARATOR}${CDC.white}`, 0.25],
  [`${CDC.aian}${MULTI_RACE_SEPARATOR}${CDC.white}`, 0.2],
  [`${CDC.aian}${MULTI_RACE_SEPARATOR}${CDC.black}`, 0.15],
];

/** Latent race/ethnicity groups (2024 OMB basis), in generator order, with their population share. */
export const RE_GROUPS: readonly { key: string; label: string; weight: number }[] = [
  { key: 'white', label: RACE_ETHNICITY_2024.white, weight: 0.53 },
  { key: 'black', label: RACE_ETHNICITY_2024.black, weight: 0.16 },
  { key: 'hispanic', label: RACE_ETHNICITY_2024.hispanic, weight: 0.15 },
  { key: 'asian', label: RACE_ETHNICITY_2024.asian, weight: 0.06 },
  { key: 'mena', label: RACE_ETHNICITY_2024.mena, weight: 0.015 },
  { key: 'aian', label: RACE_ETHNICITY_2024.aian, weight: 0.008 },
  { key: 'nhpi', label: RACE_ETHNICITY_2024.nhpi, weight: 0.003 },
  { key: 'multiple', label: RACE_ETHNICITY_2024.multiple, weight: 0.025 },
];
/** Share of the race/ethnicity statuses (their total is the spec's completeness.race_status). */
export const RE_STATUS_SPLIT: readonly { label: string; weight: number }[] = [
  { label: DECLINED, weight: 0.4 },
  { label: UNKNOWN, weight: 0.35 },
  { label: MISSING, weight: 0.25 },
];
