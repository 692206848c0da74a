/**
 * Code lists shared by the library measures. Sources: the lists (hypertension, diabetes, BP, HbA1c),
 * the eCQM value sets they stand for (VSAC, named beside each list), and the codes Synthea emits (which the
 * FHIR and OMOP examples carry). These are starter subsets of the official value sets, not the full sets:
 * every measure says so in its `differences`.
 */
import type { CodeList } from '../types.js';

export const loinc = (...codes: string[]): CodeList => ({ system: 'loinc', codes });
export const snomed = (...codes: string[]): CodeList => ({ system: 'snomed', codes });
export const icd10 = (...codes: string[]): CodeList => ({ system: 'icd10cm', codes, prefix: true });

/** Essential hypertension (VSAC 2.16.840.1.113883.3.464.1003.104.12.1011 subset). */
export const HYPERTENSION = [snomed('38341003', '59621000'), icd10('I10')];
/** Diabetes (VSAC 2.16.840.1.113883.3.464.1003.103.12.1001 subset). */
export const DIABETES = [snomed('44054006', '73211009', '46635009'), icd10('E10', 'E11')];
/** Systolic / diastolic BP (LOINC; as observations or as components of the 85354-9 panel). */
export const SYSTOLIC = [loinc('8480-6')];
export const DIASTOLIC = [loinc('8462-4')];
/** Hemoglobin A1c/Hemoglobin.total in Blood. */
export const HBA1C = [loinc('4548-4')];
/** BMI (LOINC 39156-5). */
export const BMI = [loinc('39156-5')];
/** Depression screening instruments (PHQ-2, PHQ-9, adult/adolescent screening assessments). */
export const DEPRESSION_SCREEN = [
  loinc('55757-9', '55758-7', '44249-1', '44261-6', '73831-0', '73832-8'),
  snomed('171207006', '715252007', '454711000124102'),
];
/** Tobacco use assessment (smoking status; tobacco use history; SNOMED assessment procedure). */
export const TOBACCO_SCREEN = [loinc('72166-2', '11367-0'), snomed('171209009')];
/** Mammography (SNOMED procedures; LOINC screening/diagnostic mammogram reports). */
export const MAMMOGRAPHY = [
  snomed('71651007', '24623002', '43204002', '241055006'),
  loinc('24606-6', '24604-1'),
];
/** Colorectal cancer screening tests, by look-back. */
export const COLONOSCOPY = [snomed('73761001', '310634005', '174158000')];
export const FOBT = [loinc('2335-8', '27396-1', '29771-3', '57905-2', '56490-6', '56491-4')];
export const FLEX_SIGMOIDOSCOPY = [snomed('44441009', '112870002')];
export const CT_COLONOGRAPHY = [loinc('60515-4'), snomed('418714002')];
export const FIT_DNA = [loinc('77353-1', '77354-9')];
/** Colorectal cancer and total colectomy (exclusions). */
export const COLORECTAL_CANCER = [
  snomed('363406005', '109838007', '93761005', '94260004'),
  icd10('C18', 'C19', 'C20'),
];
export const TOTAL_COLECTOMY = [snomed('26390003', '303401008')];
/** Bilateral mastectomy (exclusion). */
export const BILATERAL_MASTECTOMY = [snomed('52314009', '27865001'), icd10('Z90.13')];

/** Encounter classes (FHIR v3 ActCode): any outpatient, inpatient or emergency visit counts as a visit. */
export const VISIT_CLASSES = ['AMB', 'IMP', 'EMER', 'OBSENC', 'VR', 'HH', 'SS', 'ACUTE', 'NONAC', 'PRENC'];
export const INPATIENT = ['IMP', 'ACUTE', 'NONAC'];
export const EMERGENCY = ['EMER'];

/** The five HRSN domains of CMS SDOH-1. */
export const SDOH_FIVE = [
  'food',
  'housing_instability',
  'transportation',
  'utilities',
  'interpersonal_safety',
];
