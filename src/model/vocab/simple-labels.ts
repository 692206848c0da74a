/**
 * Canonical labels for the simple (one code → one label) attributes. Keys are compared case-insensitively,
 * with `_` and runs of spaces read as one space. Each attribute accepts:
 * - canonical keys (`female`, `medicare`, `positive`, …) and the labels themselves (idempotent);
 * - the standard codes listed in docs/data-standards.md §1 (FHIR administrative gender, US Core birth sex
 *   F/M, SNOMED CT sex 248152002/248153007, gender identity 446141000124107/446151000124109/
 *   33791000087105 (+ ONC 2015 407377005, 407376001, 446131000124102), sexual orientation
 *   20430005/38628009/42035005);
 * - NullFlavor `OTH` ("other") → the attribute's "Another …"/"Other" category where it has one. Sex has
 *   none: FHIR administrative gender `other` says nothing about sex recorded at birth, so it is Unknown.
 * Then every attribute accepts the status keys (status-keys.ts). Anything else → null (report unmapped).
 */
import { GENDER_IDENTITY, HRSN_RESULT, PAYER, SEX, SEXUAL_ORIENTATION, YES_NO } from '../categories.js';
import { UNKNOWN } from '../status.js';
import { normKey, statusOf } from './status-keys.js';

type LabelMap = Readonly<Record<string, string>>;

/** Build a lookup from label → keys, adding each label itself as a key. */
function table(entries: Record<string, readonly string[]>): LabelMap {
  const out: Record<string, string> = {};
  for (const [label, keys] of Object.entries(entries)) {
    for (const k of [label, ...keys]) out[normKey(k)] = label;
  }
  return out;
}

const SEX_MAP = table({
  [SEX.female]: ['f', 'female', '248152002', 'fem'],
  [SEX.male]: ['m', 'male', '248153007'],
  [SEX.intersex]: ['intersex', 'x'],
  [UNKNOWN]: ['other', 'oth', 'u'],
});

const GENDER_MAP = table({
  [GENDER_IDENTITY.woman]: ['woman', 'female', 'f', 'identifies as female', '446141000124107', 'cis woman'],
  [GENDER_IDENTITY.man]: ['man', 'male', 'm', 'identifies as male', '446151000124109', 'cis man'],
  [GENDER_IDENTITY.transWoman]: [
    'transgender woman',
    'trans woman',
    'transgender female',
    'male-to-female',
    'mtf',
    '407377005',
    'trans_woman',
  ],
  [GENDER_IDENTITY.transMan]: [
    'transgender man',
    'trans man',
    'transgender male',
    'female-to-male',
    'ftm',
    '407376001',
  ],
  [GENDER_IDENTITY.nonBinary]: [
    'non-binary',
    'nonbinary',
    'non binary',
    'genderqueer',
    '33791000087105',
    '446131000124102',
  ],
  [GENDER_IDENTITY.other]: ['other', 'oth', 'another', 'something else', 'another gender identity'],
});

const ORIENTATION_MAP = table({
  [SEXUAL_ORIENTATION.straight]: ['straight', 'heterosexual', '20430005'],
  [SEXUAL_ORIENTATION.gay]: ['gay', 'lesbian', 'homosexual', 'lesbian, gay or homosexual', '38628009'],
  [SEXUAL_ORIENTATION.bisexual]: ['bisexual', '42035005'],
  [SEXUAL_ORIENTATION.other]: ['other', 'oth', 'another', 'something else', 'queer', 'pansexual', 'asexual'],
});

const PAYER_MAP = table({
  [PAYER.medicare]: ['medicare', 'medicare advantage', 'mcr'],
  [PAYER.medicaid]: ['medicaid', 'chip', 'mcd', 'medi-cal'],
  [PAYER.dual]: ['dual', 'dual eligible', 'medicare and medicaid', 'medicare-medicaid', 'medicare medicaid'],
  [PAYER.commercial]: ['commercial', 'private', 'private insurance', 'employer', 'hmo', 'ppo', 'bcbs'],
  [PAYER.selfPay]: ['self pay', 'self-pay', 'selfpay', 'uninsured', 'no insurance', 'none', 'self'],
  [PAYER.other]: ['other', 'oth', 'tricare', 'va', 'champva', 'workers comp', 'other government', 'govt'],
});

const YES_NO_MAP = table({
  [YES_NO.yes]: ['yes', 'y', 'true', '1', 'la33-6'],
  [YES_NO.no]: ['no', 'n', 'false', '0', 'la32-8'],
});

const HRSN_MAP = table({
  [HRSN_RESULT.positive]: ['positive', 'pos', 'screened positive', 'at risk', 'yes', 'la19952-3'],
  [HRSN_RESULT.negative]: ['negative', 'neg', 'screened negative', 'no risk', 'no', 'la19983-8'],
  [HRSN_RESULT.notScreened]: ['not screened', 'not-screened', 'unscreened'],
});

const MAPS: Readonly<Record<string, LabelMap>> = {
  sex: SEX_MAP,
  gender_identity: GENDER_MAP,
  sexual_orientation: ORIENTATION_MAP,
  payer: PAYER_MAP,
  disability: YES_NO_MAP,
  limited_english: YES_NO_MAP,
};

/** The lookup for an attribute (every `hrsn_*` shares one), or undefined. */
export function labelMapFor(attribute: string): LabelMap | undefined {
  if (attribute.startsWith('hrsn_')) return HRSN_MAP;
  return MAPS[attribute];
}

/** The label of a simple attribute's key, then the status keys; null when unknown. See canonicalLabel. */
export function simpleLabel(attribute: string, key: string | null | undefined): string | null {
  const map = labelMapFor(attribute);
  if (key !== null && key !== undefined && map) {
    const hit = map[normKey(key)];
    if (hit) return hit;
  }
  return statusOf(key);
}

/** The known (non-status) labels an attribute can take, for validation and property tests. */
export function labelsFor(attribute: string): readonly string[] {
  const map = labelMapFor(attribute);
  return map ? [...new Set(Object.values(map))].filter((l) => l !== UNKNOWN) : [];
}
