/**
 * Diagnosis codes that record a social need (docs/data-standards.md §1 "Problems and health concerns"): ICD-10-CM
 * Z55–Z65 codes and SNOMED CT social findings, mapped to an HRSN domain and Gravity SDOH category. A coded
 * finding counts as screened AND positive in its domain on the date it was recorded. Codes in Z55–Z65 that
 * belong to no HRSN domain (education, employment, financial insecurity, …) are not listed: they stay in
 * `conditions` but produce no screening row.
 */
import type { HrsnDomain } from '../../model/stratifiers.js';

export interface SocialFindingRule {
  system: 'icd10cm' | 'snomed';
  /** ICD-10-CM: a code prefix without the dot (`Z590` matches Z59.0, Z59.00, Z59.01 …); SNOMED: the code. */
  code: string;
  domain: HrsnDomain;
  gravity: string;
  display: string;
}

type Row = [SocialFindingRule['system'], string, HrsnDomain, string, string];
const ROWS: readonly Row[] = [
  ['icd10cm', 'Z590', 'housing_instability', 'homelessness', 'Homelessness'],
  ['icd10cm', 'Z5981', 'housing_instability', 'housing-instability', 'Housing instability, housed'],
  ['icd10cm', 'Z5912', 'utilities', 'utility-insecurity', 'Inadequate housing utilities'],
  ['icd10cm', 'Z5910', 'housing_quality', 'inadequate-housing', 'Inadequate housing, unspecified'],
  [
    'icd10cm',
    'Z5911',
    'housing_quality',
    'inadequate-housing',
    'Inadequate housing environmental temperature',
  ],
  ['icd10cm', 'Z5919', 'housing_quality', 'inadequate-housing', 'Other inadequate housing'],
  ['icd10cm', 'Z591', 'housing_quality', 'inadequate-housing', 'Inadequate housing'],
  ['icd10cm', 'Z594', 'food', 'food-insecurity', 'Lack of adequate food / food insecurity'],
  ['icd10cm', 'Z5982', 'transportation', 'transportation-insecurity', 'Transportation insecurity'],
  ['snomed', '733423003', 'food', 'food-insecurity', 'Food insecurity'],
  ['snomed', '32911000', 'housing_instability', 'homelessness', 'Homeless'],
  ['snomed', '105531004', 'housing_quality', 'inadequate-housing', 'Housing unsatisfactory'],
  ['snomed', '713458007', 'transportation', 'transportation-insecurity', 'Lack of access to transportation'],
  [
    'snomed',
    '706893006',
    'interpersonal_safety',
    'intimate-partner-violence',
    'Victim of intimate partner abuse',
  ],
];

export const SOCIAL_FINDINGS: readonly SocialFindingRule[] = ROWS.map(
  ([system, code, domain, gravity, display]) => ({
    system,
    code,
    domain,
    gravity,
    display,
  }),
);

/**
 * The rule a diagnosis code matches (most specific ICD-10-CM prefix first), or undefined.
 * @example socialFinding('icd10cm', 'Z59.41')?.domain // 'food'
 */
export function socialFinding(system: string, code: string): SocialFindingRule | undefined {
  if (system === 'snomed') return SOCIAL_FINDINGS.find((r) => r.system === 'snomed' && r.code === code);
  if (system !== 'icd10cm' && system !== 'icd10') return undefined;
  const bare = code.replace(/\./g, '').toUpperCase();
  if (!/^Z(5[5-9]|6[0-5])/.test(bare)) return undefined;
  let best: SocialFindingRule | undefined;
  for (const r of SOCIAL_FINDINGS) {
    if (r.system === 'icd10cm' && bare.startsWith(r.code) && (!best || r.code.length > best.code.length))
      best = r;
  }
  return best;
}
