/**
 * OMOP demographic concepts → canonical codes and labels (docs/data-standards.md §5).
 * - Race (vocabulary "Race", mirrors CDCREC): 8527 White, 8516 Black or African American, 8515 Asian,
 *   8557 Native Hawaiian or Other Pacific Islander, 8657 American Indian or Alaska Native, and the two
 *   detailed concepts named in docs/data-standards.md (38003574 Asian Indian, 38003579 Chinese). 0 means "no
 *   matching concept": Unknown when the person has a race_source_value, Missing when not. Any other
 *   concept is Unknown and reported as unmapped (add it here once its CDCREC code is checked).
 * - Ethnicity: 38003563 Hispanic or Latino, 38003564 Not Hispanic or Latino.
 * - Gender (PERSON.gender_concept_id records sex): 8507 MALE, 8532 FEMALE; 8551 UNKNOWN and 8521 OTHER are
 *   Unknown (FHIR `other` says nothing about sex, see simple-labels.ts).
 * - Payer (PAYER_PLAN_PERIOD.payer_concept_id, vocabulary SOPT, by the first digit of its concept_code):
 *   1 Medicare, 2 Medicaid, 5/6/7 private → Commercial, 8 no payment → Self-pay, 3/4/9 → Other; otherwise
 *   the payer_source_value read with the payer vocabulary (simple-labels.ts).
 */
import { PAYER, SEX } from '../../model/categories.js';
import { UNKNOWN } from '../../model/status.js';
import { simpleLabel } from '../../model/vocab/index.js';

export const RACE_CONCEPTS: Readonly<Record<string, string>> = {
  '8527': '2106-3',
  '8516': '2054-5',
  '8515': '2028-9',
  '8557': '2076-8',
  '8657': '1002-5',
  '38003574': '2029-7',
  '38003579': '2034-7',
};

export const ETHNICITY_CONCEPTS: Readonly<Record<string, string>> = {
  '38003563': '2135-2',
  '38003564': '2186-5',
};

export const GENDER_CONCEPTS: Readonly<Record<string, string>> = {
  '8507': SEX.male,
  '8532': SEX.female,
  '8551': UNKNOWN,
  '8521': UNKNOWN,
};

const SOPT: Readonly<Record<string, string>> = {
  '1': PAYER.medicare,
  '2': PAYER.medicaid,
  '3': PAYER.other,
  '4': PAYER.other,
  '5': PAYER.commercial,
  '6': PAYER.commercial,
  '7': PAYER.commercial,
  '8': PAYER.selfPay,
  '9': PAYER.other,
};

/** Payer label from an SOPT concept code and/or a source value; null when neither says (→ unmapped). */
export function payerLabel(soptCode: string | null, sourceValue: string | null): string | null {
  if (soptCode) {
    const hit = SOPT[soptCode.trim().charAt(0)];
    if (hit) return hit;
  }
  if (!sourceValue) return null;
  const label = simpleLabel('payer', sourceValue.replace(/_/g, ' '));
  return label && label !== UNKNOWN ? label : null;
}

/** A VALUES list `(key, value)` for SQL joins. */
export const valuesSql = (map: Readonly<Record<string, string>>): string =>
  Object.entries(map)
    .map(([k, v]) => `('${k.replace(/'/g, "''")}', '${v.replace(/'/g, "''")}')`)
    .join(', ');
