/**
 * Samples one synthetic patient at a time into a reusable scratch record (no per-row allocation besides the
 * patient's CSV fragment). Proportions are US-hospital-like: race/ethnicity with some multiracial and MENA
 * patients, residential segregation (deprivation depends on race), payer by age and deprivation, language
 * by race/ethnicity, low SOGI completeness, and social-need screening for under half of patients.
 */
import { DECLINED, MISSING, UNKNOWN } from '../model/index.js';
import { TRACTS, SITES } from './geography.js';
import { cumulative, pick, type Rng } from './prng.js';
import type { SynthSpec } from './spec.js';
import {
  CDC,
  GENDER_CODES,
  HRSN_CODES,
  LANGUAGE_STATUS,
  MULTI_RACE_COMBOS,
  ORIENTATION_CODES,
  PAYER_CODES,
  RE_GROUPS,
  RE_STATUS_SPLIT,
  SEX_CODES,
  YES_NO_CODES,
  type LocalCode,
} from './vocabulary.js';
import { HRSN_DOMAINS } from '../model/index.js';

/** The patient attribute columns of the extract, in order. */
export const PATIENT_EXTRACT_COLUMNS = [
  'patient_id',
  'birth_date',
  'sex',
  'gender_identity',
  'sexual_orientation',
  'race',
  'ethnicity',
  'preferred_language',
  'interpreter_needed',
  'payer',
  'zip',
  'county_fips',
  'census_tract',
  'disability',
  ...HRSN_DOMAINS.map((d) => `sdoh_${d}`),
] as const;

/** Canonical labels of one patient, keyed like a spec `where` (plus race_ethnicity statuses). */
export interface PatientLabels {
  race_ethnicity: string;
  sex: string;
  payer: string;
  language: string;
  limited_english: string;
  disability: string;
  gender_identity: string;
  sexual_orientation: string;
  hrsn_food: string;
  hrsn_housing_instability: string;
  hrsn_housing_quality: string;
  hrsn_transportation: string;
  hrsn_utilities: string;
  hrsn_interpersonal_safety: string;
  county: string;
  site: string;
  [key: string]: string;
}

export interface Patient {
  id: string;
  /** Days since 1970-01-01 (UTC). */
  birthDay: number;
  /** Age in whole years at the start of the window. */
  ageAtStart: number;
  female: boolean;
  diabetes: boolean;
  hypertension: boolean;
  deprivation: number;
  /** Index of the home site in SITES. */
  site: number;
  labels: PatientLabels;
  /** Indices for truth accumulation. */
  reIndex: number;
  payerIndex: number;
  /** The patient's CSV columns (PATIENT_EXTRACT_COLUMNS), joined with commas. */
  segment: string;
}

export const RE_LABELS: readonly string[] = [...RE_GROUPS.map((g) => g.label), DECLINED, UNKNOWN, MISSING];
export const PAYER_LABELS: readonly string[] = Object.values(PAYER_CODES).map((c) => c.label);
const PAYER_LIST: readonly LocalCode[] = Object.values(PAYER_CODES);

const AGE_BANDS: readonly [number, number, number][] = [
  [0, 17, 0.12],
  [18, 39, 0.22],
  [40, 64, 0.34],
  [65, 79, 0.22],
  [80, 99, 0.1],
];
const AGE_CUM = cumulative(AGE_BANDS.map((b) => b[2]));
const MULTI_CUM = cumulative(MULTI_RACE_COMBOS.map((c) => c[1]));
/** Residential segregation: tract weight ∝ exp(beta × deprivation) per race/ethnicity group. */
const SEGREGATION: Record<string, number> = { white: -1.2, black: 2.6, hispanic: 1.6, asian: -0.2 };
const HRSN_BASE: Record<string, number> = {
  food: 0.13,
  housing_instability: 0.09,
  housing_quality: 0.07,
  transportation: 0.1,
  utilities: 0.08,
  interpersonal_safety: 0.035,
};
/** Preferred-language mix by race/ethnicity group (rest English). */
const LANGUAGE_MIX: Record<string, [string, number][]> = {
  hispanic: [['es', 0.42]],
  asian: [
    ['zh', 0.17],
    ['vi', 0.11],
    ['ko', 0.05],
    ['tl', 0.04],
  ],
  mena: [
    ['ar', 0.33],
    ['fa', 0.06],
  ],
  white: [
    ['ru', 0.012],
    ['pl', 0.012],
  ],
  black: [
    ['fr', 0.01],
    ['ht', 0.008],
    ['so', 0.01],
  ],
};

export interface PopulationModel {
  spec: SynthSpec;
  startDay: number;
  reCum: Float64Array;
  tractCum: Float64Array[];
  langCum: Map<number, { codes: string[]; cum: Float64Array }>;
}

export function createPopulationModel(spec: SynthSpec, startDay: number): PopulationModel {
  const known = 1 - spec.completeness.race_status;
  const totalKnown = RE_GROUPS.reduce((s, g) => s + g.weight, 0);
  const reWeights = [
    ...RE_GROUPS.map((g) => (g.weight / totalKnown) * known),
    ...RE_STATUS_SPLIT.map((s) => s.weight * spec.completeness.race_status),
  ];
  const tractCum = RE_LABELS.map((_, i) => {
    const beta = SEGREGATION[RE_GROUPS[i]?.key ?? ''] ?? 0.4;
    return cumulative(TRACTS.map((t) => t.weight * Math.exp(beta * t.deprivation)));
  });
  const langCum = new Map<number, { codes: string[]; cum: Float64Array }>();
  RE_GROUPS.forEach((g, i) => {
    const mix = LANGUAGE_MIX[g.key] ?? [];
    const rest = 1 - mix.reduce((s, [, w]) => s + w, 0);
    langCum.set(i, {
      codes: ['en', ...mix.map(([c]) => c)],
      cum: cumulative([rest, ...mix.map(([, w]) => w)]),
    });
  });
  return { spec, startDay, reCum: cumulative(reWeights), tractCum, langCum };
}

export function newPatient(): Patient {
  return {
    id: '',
    birthDay: 0,
    ageAtStart: 0,
    female: false,
    diabetes: false,
    hypertension: false,
    deprivation: 0,
    site: 0,
    labels: {
      race_ethnicity: '',
      sex: '',
      payer: '',
      language: '',
      limited_english: '',
      disability: '',
      gender_identity: '',
      sexual_orientation: '',
      hrsn_food: '',
      hrsn_housing_instability: '',
      hrsn_housing_quality: '',
      hrsn_transportation: '',
      hrsn_utilities: '',
      hrsn_interpersonal_safety: '',
      county: '',
      site: '',
    },
    reIndex: 0,
    payerIndex: 0,
    segment: '',
  };
}

const cells: string[] = new Array<string>(PATIENT_EXTRACT_COLUMNS.length).fill('');

/** Fill `p` with a freshly sampled patient number `n` (1-based). */
export function samplePatient(model: PopulationModel, rng: Rng, n: number, p: Patient): void {
  const { spec } = model;
  const L = p.labels;
  p.id = `P${String(n).padStart(7, '0')}`;

  // Race and ethnicity (latent 2024 group, then the local race and ethnicity cells).
  const re = pick(rng, model.reCum);
  p.reIndex = re;
  L.race_ethnicity = RE_LABELS[re]!;
  const group = RE_GROUPS[re]?.key ?? 'status';
  const [race, ethnicity] = raceCells(rng, group, L.race_ethnicity);

  // Age and sex.
  const band = AGE_BANDS[pick(rng, AGE_CUM)]!;
  const age = band[0] + rng.int(band[1] - band[0] + 1);
  p.ageAtStart = age;
  p.birthDay = model.startDay - age * 365 - rng.int(365) - Math.floor(age / 4);
  const u = rng.next();
  const sex = u < 0.545 ? SEX_CODES.female : u < 0.999 ? SEX_CODES.male : SEX_CODES.unknown;
  p.female = sex === SEX_CODES.female;
  L.sex = sex.label;

  // Where they live (deprivation drives payer, social needs and chronic disease).
  const tract = TRACTS[pick(rng, model.tractCum[re]!)]!;
  const dep = tract.deprivation;
  p.deprivation = dep;
  p.site = rng.next() < 0.85 ? tract.site : rng.int(SITES.length);
  L.site = SITES[p.site]!;
  L.county = tract.county;

  const payer = samplePayer(rng, age, dep);
  p.payerIndex = PAYER_LIST.indexOf(payer);
  L.payer = payer.label;

  // Language and interpreter need.
  let language: string;
  const ls = rng.next();
  const langStatus = spec.completeness.language_status;
  if (ls < langStatus * 0.45) language = LANGUAGE_STATUS.unknown.local;
  else if (ls < langStatus) language = LANGUAGE_STATUS.missing.local;
  else {
    const mix = model.langCum.get(re);
    language = mix ? mix.codes[pick(rng, mix.cum)]! : 'en';
  }
  L.language = language === 'UNK' ? UNKNOWN : language === '' ? MISSING : language;
  const nonEnglish = L.language !== 'en' && L.language !== UNKNOWN && L.language !== MISSING;
  const iu = rng.next();
  const interpreter = nonEnglish
    ? iu < 0.72
      ? YES_NO_CODES.yes
      : iu < 0.93
        ? YES_NO_CODES.no
        : YES_NO_CODES.missing
    : iu < 0.006
      ? YES_NO_CODES.yes
      : iu < 0.85
        ? YES_NO_CODES.no
        : YES_NO_CODES.missing;
  L.limited_english =
    nonEnglish || interpreter === YES_NO_CODES.yes ? 'Yes' : L.language === 'en' ? 'No' : L.language;

  // Sexual orientation and gender identity (SOGI): mostly not recorded, more often for younger adults.
  const sogiAsked = age >= 13 && rng.next() < spec.completeness.sogi_recorded * (age < 45 ? 1.3 : 0.8);
  const gender = sampleGender(rng, sogiAsked, p.female, sex === SEX_CODES.unknown);
  L.gender_identity = gender.label;
  const orientation = sampleOrientation(rng, sogiAsked && rng.next() < 0.9);
  L.sexual_orientation = orientation.label;

  // Disability (rises with age).
  let disability: LocalCode;
  const du = rng.next();
  if (du > spec.completeness.disability_recorded) disability = YES_NO_CODES.missing;
  else if (du < 0.02 * spec.completeness.disability_recorded) disability = YES_NO_CODES.declined;
  else if (du < 0.035 * spec.completeness.disability_recorded) disability = YES_NO_CODES.unknown;
  else {
    const pYes = 0.05 + 0.0035 * Math.max(0, age - 40) + 0.05 * dep;
    disability = rng.next() < pYes ? YES_NO_CODES.yes : YES_NO_CODES.no;
  }
  L.disability = disability.label;

  // Social needs: screened more often on Medicaid; positivity rises with deprivation.
  const medicaid = payer === PAYER_CODES.medicaid || payer === PAYER_CODES.dual;
  const screened = rng.next() < Math.min(1, spec.completeness.hrsn_screened * (medicaid ? 1.35 : 0.9));
  const hrsnCells: string[] = [];
  for (const d of HRSN_DOMAINS) {
    let c: LocalCode;
    if (!screened || (d === 'interpersonal_safety' && rng.next() < 0.15)) c = HRSN_CODES.notScreened;
    else if (rng.next() < 0.02) c = HRSN_CODES.declined;
    else
      c =
        rng.next() < HRSN_BASE[d]! * (0.25 + 2 * dep) * (medicaid ? 1.3 : 1)
          ? HRSN_CODES.positive
          : HRSN_CODES.negative;
    L[`hrsn_${d}`] = c.label;
    hrsnCells.push(c.local);
  }

  // Chronic conditions (for the diabetes and blood-pressure measures).
  const reRisk =
    group === 'black'
      ? 1.5
      : group === 'hispanic'
        ? 1.45
        : group === 'aian'
          ? 1.8
          : group === 'asian'
            ? 1.2
            : 1;
  const dmBase = age < 18 ? 0.003 : age < 45 ? 0.045 : age < 65 ? 0.15 : 0.24;
  p.diabetes = rng.next() < dmBase * reRisk * (0.8 + 0.5 * dep);
  const htnBase = age < 18 ? 0.01 : age < 45 ? 0.11 : age < 65 ? 0.38 : 0.62;
  p.hypertension = rng.next() < htnBase * (group === 'black' ? 1.3 : 1) * (0.9 + 0.25 * dep);

  cells[0] = p.id;
  cells[1] = formatDay(p.birthDay);
  cells[2] = sex.local;
  cells[3] = gender.local;
  cells[4] = orientation.local;
  cells[5] = race;
  cells[6] = ethnicity;
  cells[7] = language;
  cells[8] = interpreter.local;
  cells[9] = payer.local;
  cells[10] = tract.zip;
  cells[11] = tract.county;
  cells[12] = tract.tract;
  cells[13] = disability.local;
  for (let i = 0; i < hrsnCells.length; i++) cells[14 + i] = hrsnCells[i]!;
  p.segment = cells.join(',');
}

function raceCells(rng: Rng, group: string, label: string): [string, string] {
  const u = rng.next();
  switch (group) {
    case 'white':
      return [CDC.white, CDC.notHispanic];
    case 'black':
      return [CDC.black, CDC.notHispanic];
    case 'asian':
      return [CDC.asian, CDC.notHispanic];
    case 'aian':
      return [CDC.aian, CDC.notHispanic];
    case 'nhpi':
      return [CDC.nhpi, CDC.notHispanic];
    case 'mena':
      return [CDC.mena[rng.int(CDC.mena.length)]!, CDC.notHispanic];
    case 'multiple':
      return [MULTI_RACE_COMBOS[pick(rng, MULTI_CUM)]![0], CDC.notHispanic];
    case 'hispanic': {
      // Many Hispanic patients have race recorded as "Other Race" or not at all.
      const race = u < 0.6 ? CDC.other : u < 0.85 ? '' : CDC.unknown;
      const e = rng.next();
      const eth = e < 0.5 ? CDC.hispanic : CDC.hispanicDetailed[Math.floor((e - 0.5) * 8)]!;
      return [race, eth];
    }
    default:
      if (label === DECLINED) return [CDC.declined, u < 0.9 ? CDC.declined : ''];
      if (label === UNKNOWN) return [CDC.unknown, u < 0.85 ? CDC.unknown : ''];
      return ['', ''];
  }
}

function samplePayer(rng: Rng, age: number, dep: number): LocalCode {
  const u = rng.next();
  if (u < 0.008) return PAYER_CODES.missing;
  if (u < 0.012) return PAYER_CODES.unknown;
  const v = rng.next();
  if (age >= 65) {
    const dual = 0.04 + 0.3 * dep;
    if (v < dual) return PAYER_CODES.dual;
    if (v < dual + 0.04) return PAYER_CODES.commercial;
    if (v < dual + 0.045) return PAYER_CODES.selfPay;
    return PAYER_CODES.medicare;
  }
  const medicaid = 0.06 + 0.5 * dep + (age < 18 ? 0.12 : 0);
  const selfPay = age < 18 ? 0.01 : 0.025 + 0.09 * dep;
  if (v < medicaid) return PAYER_CODES.medicaid;
  if (v < medicaid + selfPay) return PAYER_CODES.selfPay;
  if (v < medicaid + selfPay + 0.02) return PAYER_CODES.other;
  return PAYER_CODES.commercial;
}

function sampleGender(rng: Rng, asked: boolean, female: boolean, unknownSex: boolean): LocalCode {
  if (!asked) return GENDER_CODES.missing;
  const u = rng.next();
  if (u < 0.06) return GENDER_CODES.declined;
  if (u < 0.063) return GENDER_CODES.transWoman;
  if (u < 0.066) return GENDER_CODES.transMan;
  if (u < 0.073) return GENDER_CODES.nonBinary;
  if (u < 0.075 || unknownSex) return GENDER_CODES.other;
  return female ? GENDER_CODES.woman : GENDER_CODES.man;
}

function sampleOrientation(rng: Rng, asked: boolean): LocalCode {
  if (!asked) return ORIENTATION_CODES.missing;
  const u = rng.next();
  if (u < 0.07) return ORIENTATION_CODES.declined;
  if (u < 0.09) return ORIENTATION_CODES.unknown;
  if (u < 0.12) return ORIENTATION_CODES.gay;
  if (u < 0.165) return ORIENTATION_CODES.bisexual;
  if (u < 0.18) return ORIENTATION_CODES.other;
  return ORIENTATION_CODES.straight;
}

const DAY_MS = 86_400_000;
/** YYYY-MM-DD of a day number (days since 1970-01-01 UTC). */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** Day number of a YYYY-MM-DD date. */
export function parseDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
