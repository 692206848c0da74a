/**
 * Race and ethnicity on both OMB bases from stored CDCREC codes (docs/data-standards.md §2), as a pure function.
 *
 * 1997 basis (separate questions, for comparison with Census/ACS denominators):
 * - race: the one OMB race the codes roll up to; "More than one race" when they roll up to several;
 *   "Other race" for 2131-1 alone; otherwise a status. MENA codes roll up to White here.
 * - ethnicity: "Hispanic or Latino" for 2135-2 or any detailed Hispanic code (2137-8 … 2184-0),
 *   "Not Hispanic or Latino" for 2186-5, otherwise a status. A Hispanic code wins over 2186-5 when both
 *   are present (select-all-that-apply).
 *
 * 2024 basis (SPD-15 combined question), `race_ethnicity`:
 * - Hispanic is one of the categories; every race selected alongside it is kept (Hispanic + White is two).
 * - White becomes MENA when the White codes' detail falls only in the 2118-8/2129-5 subtree; both when
 *   European and MENA detail are present.
 * - One category → that category ("alone"); two or more → "Multiracial/Multiethnic" (the list is kept in
 *   `categories` for alone-or-in-combination counts).
 * - 2131-1 "Other race" stays a known group of its own (project decision for sources such as UCI with an
 *   "Other" race; docs/data-standards.md §2.4 would fold it into Unknown — we keep it visible instead), and
 *   counts as a category when combined with a race (as the Census counts "Some other race"); with
 *   Hispanic it folds into Hispanic or Latino (most "other race" answers of Hispanic respondents are
 *   Hispanic origins written in).
 * - UNK → Unknown, ASKU → Declined, nothing → Missing. No imputation.
 *
 * Codes in the wrong list are moved: an ethnicity code in the race field (UCI "Hispanic" in a race column)
 * counts as ethnicity and makes the 1997 race Unknown (the race field held a value that says nothing about
 * race); a race code in the ethnicity field counts as race.
 */
import { ETHNICITY_1997, RACE_1997, RACE_ETHNICITY_2024 } from '../categories.js';
import { MISSING, UNKNOWN, type Status } from '../status.js';
import { OMB_RACE_CODES, rollupCdcCode, type OmbRace } from './race-codes.js';
import { normKey, statusOf, strongerStatus } from './status-keys.js';

export interface RaceEthnicityInput {
  /** CDCREC race codes (all selected), NullFlavor UNK/ASKU, or status keys. */
  raceCodes: readonly string[];
  /** CDCREC ethnicity codes, NullFlavor UNK/ASKU, or status keys. */
  ethnicityCodes: readonly string[];
  /** Status for both fields when they carry no code (e.g. the mapping said `declined`). */
  status?: Status;
  raceStatus?: Status;
  ethnicityStatus?: Status;
}

export interface RaceEthnicity {
  /** OMB 1997 race label or status. */
  race: string;
  /** OMB 1997 ethnicity label or status. */
  ethnicity: string;
  /** OMB 2024 combined label or status. */
  race_ethnicity: string;
  /** 2024 categories selected, in canonical order (alone-or-in-combination); empty when a status. */
  categories: string[];
  /** Codes that are neither CDCREC race/ethnicity codes nor status keys: report them as unmapped. */
  unmapped: string[];
}

type Cat2024 = keyof typeof RACE_ETHNICITY_2024;
const ORDER_2024: readonly Cat2024[] = [
  'aian',
  'asian',
  'black',
  'hispanic',
  'mena',
  'nhpi',
  'white',
  'other',
];

/** Category keys and labels accepted in place of codes (e.g. a value map that says `white`). */
export const RACE_ALIASES: Readonly<Record<string, string>> = {
  aian: OMB_RACE_CODES.aian,
  asian: OMB_RACE_CODES.asian,
  black: OMB_RACE_CODES.black,
  nhpi: OMB_RACE_CODES.nhpi,
  white: OMB_RACE_CODES.white,
  mena: '2118-8',
  other: '2131-1',
  'other race': '2131-1',
  oth: '2131-1', // v3 NullFlavor OTH ("other") in a race field
  hispanic: '2135-2',
  'not hispanic': '2186-5',
  'non hispanic': '2186-5',
  'non-hispanic': '2186-5',
  // Common source spellings (UCI diabetes, EHR pick lists).
  caucasian: OMB_RACE_CODES.white,
  'african american': OMB_RACE_CODES.black,
  'american indian': OMB_RACE_CODES.aian,
  'native american': OMB_RACE_CODES.aian,
  'alaska native': OMB_RACE_CODES.aian,
  'native hawaiian': OMB_RACE_CODES.nhpi,
  'pacific islander': OMB_RACE_CODES.nhpi,
  'middle eastern': '2118-8',
  arab: '2129-5',
  latino: '2135-2',
  latina: '2135-2',
  'hispanic or latina': '2135-2',
  [normKey(RACE_1997.aian)]: OMB_RACE_CODES.aian,
  [normKey(RACE_1997.black)]: OMB_RACE_CODES.black,
  [normKey(RACE_1997.nhpi)]: OMB_RACE_CODES.nhpi,
  [normKey(RACE_ETHNICITY_2024.nhpi)]: OMB_RACE_CODES.nhpi,
  [normKey(RACE_ETHNICITY_2024.mena)]: '2118-8',
  [normKey(ETHNICITY_1997.hispanic)]: '2135-2',
  [normKey(ETHNICITY_1997.notHispanic)]: '2186-5',
};

const ALIASES = RACE_ALIASES;

interface Parsed {
  races: Set<OmbRace>;
  whiteEuropean: boolean;
  whiteMena: boolean;
  other: boolean;
  hispanic: boolean;
  notHispanic: boolean;
  raceStatuses: Status[];
  ethnicityStatuses: Status[];
  unmapped: string[];
}

function parse(input: RaceEthnicityInput): Parsed {
  const p: Parsed = {
    races: new Set(),
    whiteEuropean: false,
    whiteMena: false,
    other: false,
    hispanic: false,
    notHispanic: false,
    raceStatuses: [],
    ethnicityStatuses: [],
    unmapped: [],
  };
  const read = (raw: string, field: 'race' | 'ethnicity'): void => {
    const statuses = field === 'race' ? p.raceStatuses : p.ethnicityStatuses;
    const status = statusOf(raw);
    if (status) {
      statuses.push(status);
      return;
    }
    const roll = rollupCdcCode(ALIASES[normKey(raw)] ?? raw);
    if (!roll) {
      p.unmapped.push(raw);
      statuses.push(UNKNOWN);
      return;
    }
    if (roll.kind === 'race') {
      p.races.add(roll.race);
      if (roll.race === 'white') {
        if (roll.mena) p.whiteMena = true;
        else if (!roll.category) p.whiteEuropean = true;
      }
      if (field === 'ethnicity') p.ethnicityStatuses.push(UNKNOWN);
    } else if (roll.kind === 'other_race') {
      p.other = true;
      if (field === 'ethnicity') p.ethnicityStatuses.push(UNKNOWN);
    } else {
      if (roll.ethnicity === 'hispanic') p.hispanic = true;
      else p.notHispanic = true;
      if (field === 'race') p.raceStatuses.push(UNKNOWN);
    }
  };
  input.raceCodes.forEach((c) => read(c, 'race'));
  input.ethnicityCodes.forEach((c) => read(c, 'ethnicity'));
  return p;
}

const strongest = (statuses: readonly Status[], fallback: Status): Status =>
  statuses.length ? statuses.reduce(strongerStatus) : fallback;

/** The 2024 category keys, canonical order. */
function categories2024(p: Parsed): Cat2024[] {
  const set = new Set<Cat2024>();
  for (const r of p.races) {
    if (r !== 'white') set.add(r);
    else {
      // White stays unless all White detail is MENA (2106-3 alone, or with European detail, is White).
      if (p.whiteMena) set.add('mena');
      if (!p.whiteMena || p.whiteEuropean) set.add('white');
    }
  }
  // Hispanic respondents who chose "Other race" on a two-question form are Hispanic alone on the combined
  // question (most such write-ins are Hispanic origins; Census bridging does the same).
  if (p.other && !p.hispanic) set.add('other');
  if (p.hispanic) set.add('hispanic');
  return ORDER_2024.filter((c) => set.has(c));
}

/**
 * Derive race (1997), ethnicity (1997) and race_ethnicity (2024) labels from CDCREC codes.
 * @example
 *   deriveRaceEthnicity({ raceCodes: ['2106-3', '2121-2'], ethnicityCodes: ['2186-5'] })
 *   // { race: 'White', ethnicity: 'Not Hispanic or Latino', race_ethnicity: 'Middle Eastern or North African', … }
 */
export function deriveRaceEthnicity(input: RaceEthnicityInput): RaceEthnicity {
  const p = parse(input);
  const raceStatus = strongest(p.raceStatuses, input.raceStatus ?? input.status ?? MISSING);
  const ethnicityStatus = strongest(p.ethnicityStatuses, input.ethnicityStatus ?? input.status ?? MISSING);

  const races1997 = [...p.races] as string[];
  if (p.other) races1997.push('other');
  const race =
    races1997.length > 1
      ? RACE_1997.multiple
      : races1997.length === 1
        ? RACE_1997[races1997[0] as keyof typeof RACE_1997]
        : raceStatus;
  const ethnicity = p.hispanic
    ? ETHNICITY_1997.hispanic
    : p.notHispanic
      ? ETHNICITY_1997.notHispanic
      : ethnicityStatus;

  const cats = categories2024(p);
  const knownEthnicity = p.hispanic || p.notHispanic;
  const race_ethnicity =
    cats.length > 1
      ? RACE_ETHNICITY_2024.multiple
      : cats.length === 1
        ? RACE_ETHNICITY_2024[cats[0] as Cat2024]
        : knownEthnicity
          ? raceStatus
          : strongerStatus(raceStatus, ethnicityStatus);

  return {
    race,
    ethnicity,
    race_ethnicity,
    categories: cats.map((c) => RACE_ETHNICITY_2024[c]),
    unmapped: p.unmapped,
  };
}

/**
 * The 2024 categories a person counts in for "alone or in combination" tables (a Hispanic White person
 * counts in both Hispanic or Latino and White). Empty for a status.
 */
export function raceEthnicityCategories(input: RaceEthnicityInput): string[] {
  return deriveRaceEthnicity(input).categories;
}

/** Every label `race_ethnicity` can take (categories, then statuses). */
export const RACE_ETHNICITY_LABELS: readonly string[] = [...Object.values(RACE_ETHNICITY_2024)];
export const RACE_LABELS: readonly string[] = [...Object.values(RACE_1997)];
export const ETHNICITY_LABELS: readonly string[] = [...Object.values(ETHNICITY_1997)];
