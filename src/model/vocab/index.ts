/**
 * Pure vocabularies: canonical codes and keys → canonical labels (../categories.ts) and statuses
 * (../status.ts). The ingest layer maps local codes to canonical codes, then calls these.
 */
export { deriveRaceEthnicity, raceEthnicityCategories } from './race-ethnicity.js';
export type { RaceEthnicityInput, RaceEthnicity } from './race-ethnicity.js';
export { RACE_ETHNICITY_LABELS, RACE_LABELS, ETHNICITY_LABELS } from './race-ethnicity.js';
export {
  CDC_RACE_CODES,
  CDC_ETHNICITY_CODES,
  OMB_RACE_CODES,
  OTHER_RACE_CODE,
  HISPANIC_CODE,
  NOT_HISPANIC_CODE,
  MENA_CODE,
  ARAB_CODE,
  rollupCdcCode,
  cdcDisplay,
} from './race-codes.js';
export type { OmbRace, OmbEthnicity, CodeRollup } from './race-codes.js';
export { languageLabel, normalizeLanguage, LANGUAGE_NAMES } from './language.js';
export type { LanguageLabel } from './language.js';
export { canonicalLabel } from './canonical-label.js';
export { simpleLabel, labelsFor } from './simple-labels.js';
export { statusOf, strongerStatus } from './status-keys.js';
export { ageAt, ageBand, parseAgeBand, ageBandLabels, AGE_SCHEMES } from './age.js';
export type { AgeScheme } from './age.js';
export { acsGroup, ACS_1997, SVI_2020_COLUMNS } from './acs-basis.js';
