/**
 * The Census/ACS comparison basis (docs/data-standards.md §2 rule 5). ACS 2016–2020 denominators (e.g. the CDC
 * SVI 2020 county file) are on the 1997 basis: Hispanic (any race), then non-Hispanic race alone, then
 * non-Hispanic two or more races; MENA cannot be separated from White. Patient data is mapped down to that
 * basis from the stored 1997 labels: Hispanic first, then (for people recorded as not Hispanic) their race.
 *
 * A person with a known race but no ethnicity answer cannot be placed without imputation: they keep the
 * ethnicity status, unless the source asked one combined question (Hispanic was one of the race options,
 * e.g. UCI's race column), in which case not choosing Hispanic means not Hispanic (`combinedQuestion`).
 */
import { ETHNICITY_1997, RACE_1997 } from '../categories.js';
import { isStatus, type Status } from '../status.js';

export const ACS_1997 = {
  hispanic: 'Hispanic or Latino',
  white: 'White alone, not Hispanic or Latino',
  black: 'Black or African American alone, not Hispanic or Latino',
  aian: 'American Indian or Alaska Native alone, not Hispanic or Latino',
  asian: 'Asian alone, not Hispanic or Latino',
  nhpi: 'Native Hawaiian or Other Pacific Islander alone, not Hispanic or Latino',
  other: 'Other race alone, not Hispanic or Latino',
  multiple: 'Two or more races, not Hispanic or Latino',
} as const;

/** The CDC SVI 2020 estimate column for each group (White is `E_TOTPOP − E_MINRTY`). */
export const SVI_2020_COLUMNS: Readonly<Record<keyof typeof ACS_1997, string>> = {
  hispanic: 'E_HISP',
  white: 'E_TOTPOP - E_MINRTY',
  black: 'E_AFAM',
  aian: 'E_AIAN',
  asian: 'E_ASIAN',
  nhpi: 'E_NHPI',
  other: 'E_OTHERRACE',
  multiple: 'E_TWOMORE',
};

const RACE_KEY: Readonly<Record<string, keyof typeof ACS_1997>> = Object.fromEntries(
  (Object.entries(RACE_1997) as [keyof typeof RACE_1997, string][]).map(([k, label]) => [label, k]),
);

/**
 * The ACS comparison group of a person from their 1997 race and ethnicity labels (or a status).
 * @example acsGroup('White', 'Not Hispanic or Latino') // 'White alone, not Hispanic or Latino'
 */
export function acsGroup(race: string, ethnicity: string, opts: { combinedQuestion?: boolean } = {}): string {
  if (ethnicity === ETHNICITY_1997.hispanic) return ACS_1997.hispanic;
  const notHispanic =
    ethnicity === ETHNICITY_1997.notHispanic || (opts.combinedQuestion === true && isStatus(ethnicity));
  if (!notHispanic) return ethnicity as Status;
  const key = RACE_KEY[race];
  return key ? ACS_1997[key] : race;
}
