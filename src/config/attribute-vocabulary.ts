/**
 * What `mapping.attributes` may say, read from the vocabulary in src/model (never restated here): the
 * attribute names, the canonical codes a value map may name for each, and the built-in synonyms a source
 * value is understood by without a value map. The config validation (mapping-check.ts), the JSON Schema
 * (editors' autocomplete) and docs/mapping.md (scripts/mapping-doc.ts) are all built from this.
 */
import { GENDER_IDENTITY, HRSN_RESULT, PAYER, SEX, SEXUAL_ORIENTATION, YES_NO } from '../model/categories.js';
import { STANDARD_STRATIFIERS, STRATIFIER_TITLES, type StandardStratifier } from '../model/stratifiers.js';
import { DECLINED, MISSING, UNKNOWN } from '../model/status.js';
import { ageBandLabels } from '../model/vocab/age.js';
import { canonicalLabel } from '../model/vocab/canonical-label.js';
import { LANGUAGE_NAMES } from '../model/vocab/language.js';
import {
  OMB_RACE_CODES,
  OTHER_RACE_CODE,
  HISPANIC_CODE,
  NOT_HISPANIC_CODE,
  MENA_CODE,
} from '../model/vocab/race-codes.js';
import { RACE_ALIASES } from '../model/vocab/race-ethnicity.js';
import { labelMapFor } from '../model/vocab/simple-labels.js';
import { normKey, STATUS_KEYS, statusOf } from '../model/vocab/status-keys.js';

/** How an attribute's values are read (mirrors src/ingest/tabular/attributes.ts). */
export type ValueKind = 'race' | 'coded' | 'language' | 'age_band' | 'text' | 'date' | 'number';

export interface CanonicalCode {
  code: string;
  /** The label it is stored as (what reports show). */
  label: string;
}

export interface AttributeInfo {
  name: string;
  title: string;
  kind: ValueKind;
  /** Canonical codes a value map may name (statuses are allowed everywhere, see STATUS_CODES). */
  codes: readonly CanonicalCode[];
  /** What else a value map may name, in words (e.g. any CDC race code). */
  also?: string;
  /** Built-in synonyms (normalised: lower case, `_` as space) by the label they mean. */
  synonyms: Readonly<Record<string, readonly string[]>>;
}

export const STATUS_CODES: readonly CanonicalCode[] = [
  { code: 'declined', label: DECLINED },
  { code: 'unknown', label: UNKNOWN },
  { code: 'missing', label: MISSING },
];

/** Status synonyms (`ASKU`, `UNK`, `?`, empty…) by status. */
export const STATUS_SYNONYMS: Readonly<Record<string, readonly string[]>> = group(
  Object.entries(STATUS_KEYS).map(([k, status]) => [k === '' ? '(empty)' : k, status]),
  new Set(STATUS_CODES.map((s) => s.code)),
);

const EXTRA: Readonly<Record<string, string>> = {
  birth_date: 'Birth date (age and age band are computed from it)',
  age: 'Age in years (the age band is computed from it)',
  age_years: 'Age in years (same as age)',
  interpreter_needed: 'Interpreter needed (feeds limited English proficiency)',
};

const SIMPLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: SEX,
  gender_identity: GENDER_IDENTITY,
  sexual_orientation: SEXUAL_ORIENTATION,
  payer: PAYER,
  disability: YES_NO,
  limited_english: YES_NO,
  interpreter_needed: YES_NO,
};

const RACE_KEYS = ['aian', 'asian', 'black', 'nhpi', 'white', 'mena', 'other', 'hispanic', 'not hispanic'];
const RACE_CODES = [
  ...Object.values(OMB_RACE_CODES),
  MENA_CODE,
  OTHER_RACE_CODE,
  HISPANIC_CODE,
  NOT_HISPANIC_CODE,
];

function kindOf(name: string): ValueKind {
  if (name === 'race' || name === 'ethnicity' || name === 'race_ethnicity') return 'race';
  if (name === 'language') return 'language';
  if (name === 'age_band') return 'age_band';
  if (name === 'zip' || name === 'county' || name === 'tract') return 'text';
  if (name === 'birth_date') return 'date';
  if (name === 'age' || name === 'age_years') return 'number';
  return 'coded';
}

/** The vocabulary a coded attribute is read with (interpreter_needed reads yes/no like disability). */
const vocabName = (name: string): string => (name === 'interpreter_needed' ? 'disability' : name);

/** Whether `value` is a canonical code, label or synonym of `name` (statuses always are). */
export function acceptsValue(name: string, value: string): boolean {
  if (statusOf(value)) return true;
  const kind = kindOf(name);
  if (kind === 'text' || kind === 'date' || kind === 'number') return false;
  if (kind === 'race') {
    const parts = value
      .split(/[;|,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.length > 0 && parts.every((p) => canonicalLabel(name, p) !== null);
  }
  return canonicalLabel(vocabName(name), value) !== null;
}

function codesOf(name: string): CanonicalCode[] {
  const kind = kindOf(name);
  const label = (code: string) => canonicalLabel(vocabName(name), code) ?? UNKNOWN;
  if (kind === 'race') {
    const keys =
      name === 'ethnicity'
        ? ['hispanic', 'not hispanic', HISPANIC_CODE, NOT_HISPANIC_CODE]
        : [...RACE_KEYS, ...RACE_CODES];
    return keys.map((code) => ({ code, label: label(code) }));
  }
  if (kind === 'language') return Object.keys(LANGUAGE_NAMES).map((code) => ({ code, label: label(code) }));
  if (kind === 'age_band') return ageBandLabels('10y').map((code) => ({ code, label: code }));
  const simple = SIMPLE[name] ?? (name.startsWith('hrsn_') ? HRSN_RESULT : undefined);
  return simple ? Object.keys(simple).map((code) => ({ code, label: label(code) })) : [];
}

const ALSO: Partial<Record<ValueKind, string>> = {
  race: 'any CDC Race & Ethnicity code (CDCREC, e.g. 2108-9 European rolls up to White), or several joined by ";"',
  language:
    'any BCP-47 / ISO 639 language code (es-MX, spa) or a language name in English or in itself (Español)',
  age_band: 'a range such as 40-49, [40-50), 90+ or a single age',
};

/** Group [synonym, label] pairs by label, leaving out the canonical codes themselves. */
function group(
  pairs: readonly (readonly [string, string])[],
  skip: ReadonlySet<string>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [syn, label] of pairs) {
    if (skip.has(syn) || syn === normKey(label)) continue;
    const list = (out[label] ??= []);
    if (!list.includes(syn)) list.push(syn);
  }
  return out;
}

function synonymsOf(name: string, codes: readonly CanonicalCode[]): Record<string, string[]> {
  const kind = kindOf(name);
  const skip = new Set(codes.map((c) => normKey(c.code)));
  if (kind === 'race')
    return group(
      Object.keys(RACE_ALIASES)
        .filter((k) => canonicalLabel(name, k) !== null)
        .map((k) => [k, canonicalLabel(name, k)!] as const),
      skip,
    );
  const map = kind === 'coded' ? labelMapFor(vocabName(name)) : undefined;
  return map ? group(Object.entries(map), skip) : {};
}

function info(name: string): AttributeInfo {
  const codes = codesOf(name);
  const also = ALSO[kindOf(name)];
  return {
    name,
    title: STRATIFIER_TITLES[name as StandardStratifier] ?? EXTRA[name] ?? name,
    kind: kindOf(name),
    codes,
    ...(also ? { also } : {}),
    synonyms: synonymsOf(name, codes),
  };
}

/** Every attribute name `mapping.attributes` knows, in the order the docs list them. */
export const ATTRIBUTE_NAMES: readonly string[] = [
  ...STANDARD_STRATIFIERS,
  'birth_date',
  'age',
  'age_years',
  'interpreter_needed',
];

export const ATTRIBUTES: readonly AttributeInfo[] = ATTRIBUTE_NAMES.map(info);

const BY_NAME = new Map(ATTRIBUTES.map((a) => [a.name, a]));
export const attributeInfo = (name: string): AttributeInfo | undefined => BY_NAME.get(name);

/** The allowed values of an attribute, in words, for error messages. */
export function allowedText(a: AttributeInfo): string {
  const statuses = `a status: ${STATUS_CODES.map((c) => c.code).join(', ')}`;
  if (!a.codes.length) return `only ${statuses} (${a.name} values are read as written)`;
  const codes = a.codes.map((c) => c.code);
  const list = codes.length > 14 ? [...codes.slice(0, 14), '…'] : codes;
  return `${list.join(', ')}${a.also ? `; ${a.also}` : ''}; or ${statuses}`;
}
