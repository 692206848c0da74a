/**
 * Preferred language: BCP-47 normalisation and limited English proficiency (docs/data-standards.md §1).
 *
 * - The language label is the English name of the primary language subtag: `en-US` → `en` → "English",
 *   case-insensitive. ISO 639-2/3 codes (`spa`, `eng`, `zho`) and common names in English or in the
 *   language itself ("Spanish", "Español") are accepted too. Chinese varieties keep their name
 *   (`yue` Cantonese, `cmn` Mandarin) because interpreter services staff them separately.
 * - Limited English proficiency = preferred language ≠ English OR interpreter needed (US Core guidance).
 *   "Yes"/"No", or a status when the language is unknown and no interpreter flag says Yes.
 * - Sign languages (`ase`, `sgn`) are not English: a signing patient counts as needing language services.
 */
import { YES_NO } from '../categories.js';
import { UNKNOWN, isStatus, type Status } from '../status.js';
import { normKey, statusOf } from './status-keys.js';

/** Primary subtag → English name. The languages most often preferred in US health systems first. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  zh: 'Chinese',
  yue: 'Cantonese',
  cmn: 'Mandarin',
  tl: 'Tagalog',
  fil: 'Filipino',
  vi: 'Vietnamese',
  ar: 'Arabic',
  fr: 'French',
  ko: 'Korean',
  ru: 'Russian',
  de: 'German',
  ht: 'Haitian Creole',
  hi: 'Hindi',
  pt: 'Portuguese',
  it: 'Italian',
  pl: 'Polish',
  ur: 'Urdu',
  fa: 'Persian',
  el: 'Greek',
  gu: 'Gujarati',
  bn: 'Bengali',
  ja: 'Japanese',
  hy: 'Armenian',
  he: 'Hebrew',
  km: 'Khmer',
  hmn: 'Hmong',
  so: 'Somali',
  am: 'Amharic',
  ti: 'Tigrinya',
  ne: 'Nepali',
  pa: 'Punjabi',
  ta: 'Tamil',
  te: 'Telugu',
  uk: 'Ukrainian',
  ro: 'Romanian',
  th: 'Thai',
  lo: 'Lao',
  my: 'Burmese',
  sw: 'Swahili',
  yo: 'Yoruba',
  ig: 'Igbo',
  sm: 'Samoan',
  to: 'Tongan',
  ch: 'Chamorro',
  mh: 'Marshallese',
  chk: 'Chuukese',
  nv: 'Navajo',
  sq: 'Albanian',
  sr: 'Serbian',
  hr: 'Croatian',
  bs: 'Bosnian',
  tr: 'Turkish',
  ps: 'Pashto',
  prs: 'Dari',
  ku: 'Kurdish',
  ml: 'Malayalam',
  mr: 'Marathi',
  kn: 'Kannada',
  id: 'Indonesian',
  ms: 'Malay',
  nl: 'Dutch',
  sv: 'Swedish',
  no: 'Norwegian',
  da: 'Danish',
  fi: 'Finnish',
  hu: 'Hungarian',
  cs: 'Czech',
  sk: 'Slovak',
  bg: 'Bulgarian',
  lt: 'Lithuanian',
  lv: 'Latvian',
  ka: 'Georgian',
  yi: 'Yiddish',
  om: 'Oromo',
  rw: 'Kinyarwanda',
  ff: 'Fula',
  wo: 'Wolof',
  kar: 'Karen',
  mam: 'Mam',
  quc: "K'iche'",
  ase: 'American Sign Language',
  sgn: 'Sign language',
};

/** ISO 639-2/B, 639-2/T and 639-3 codes for the languages above (the ones that differ from 639-1). */
const ISO639_3: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  zho: 'zh',
  chi: 'zh',
  tgl: 'tl',
  vie: 'vi',
  ara: 'ar',
  fra: 'fr',
  fre: 'fr',
  kor: 'ko',
  rus: 'ru',
  deu: 'de',
  ger: 'de',
  hat: 'ht',
  hin: 'hi',
  por: 'pt',
  ita: 'it',
  pol: 'pl',
  urd: 'ur',
  fas: 'fa',
  per: 'fa',
  ell: 'el',
  gre: 'el',
  guj: 'gu',
  ben: 'bn',
  jpn: 'ja',
  hye: 'hy',
  arm: 'hy',
  heb: 'he',
  khm: 'km',
  som: 'so',
  amh: 'am',
  tir: 'ti',
  nep: 'ne',
  pan: 'pa',
  tam: 'ta',
  tel: 'te',
  ukr: 'uk',
  ron: 'ro',
  rum: 'ro',
  tha: 'th',
  lao: 'lo',
  mya: 'my',
  bur: 'my',
  swa: 'sw',
  yor: 'yo',
  ibo: 'ig',
  smo: 'sm',
  ton: 'to',
  cha: 'ch',
  mah: 'mh',
  nav: 'nv',
  sqi: 'sq',
  alb: 'sq',
  srp: 'sr',
  hrv: 'hr',
  bos: 'bs',
  tur: 'tr',
  pus: 'ps',
  kur: 'ku',
  ind: 'id',
  msa: 'ms',
  may: 'ms',
  nld: 'nl',
  dut: 'nl',
};

/** Names (English and endonyms) → code. Compared after {@link normKey}. */
const NAMES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(LANGUAGE_NAMES).map(([code, name]) => [normKey(name), code])),
  español: 'es',
  espanol: 'es',
  castellano: 'es',
  français: 'fr',
  francais: 'fr',
  deutsch: 'de',
  'tiếng việt': 'vi',
  'tieng viet': 'vi',
  中文: 'zh',
  普通话: 'cmn',
  廣東話: 'yue',
  한국어: 'ko',
  русский: 'ru',
  العربية: 'ar',
  português: 'pt',
  portugues: 'pt',
  'kreyòl ayisyen': 'ht',
  'haitian creole': 'ht',
  creole: 'ht',
  farsi: 'fa',
  'sign language': 'sgn',
  asl: 'ase',
};

const UNDETERMINED = new Set(['und', 'mis', 'zxx', 'mul']);

/**
 * Normalise a language value to a primary subtag (`en-US` → `en`, `SPA` → `es`, `Español` → `es`).
 * Returns a status for status keys (`UNK`, `declined`, empty) and null when it cannot be read.
 */
export function normalizeLanguage(value: string | null | undefined): string | Status | null {
  const status = statusOf(value);
  if (status) return status;
  const text = (value as string).trim();
  const k = normKey(text);
  if (NAMES[k]) return NAMES[k];
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(text);
  if (!m) return null;
  const primary = (m[1] as string).toLowerCase();
  if (UNDETERMINED.has(primary)) return UNKNOWN;
  const code = ISO639_3[primary] ?? primary;
  if (LANGUAGE_NAMES[code]) return code;
  return englishName(code) ? code : null;
}

/** The English name of any ISO 639 code, from ICU (`Intl.DisplayNames`), when it knows one. */
function englishName(code: string): string | undefined {
  if (LANGUAGE_NAMES[code]) return LANGUAGE_NAMES[code];
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name && name.toLowerCase() !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

export interface LanguageLabel {
  /** English name of the language, or a status. */
  language: string;
  /** 'Yes' / 'No' / a status. */
  limitedEnglish: string;
  /** The normalised primary subtag, when known. */
  code?: string;
  /** True when the value could not be read (the caller reports it as unmapped). */
  unmapped?: boolean;
}

/**
 * @example
 *   languageLabel('es-MX')                             // { language: 'Spanish', limitedEnglish: 'Yes', code: 'es' }
 *   languageLabel('en', { interpreterNeeded: true })   // { language: 'English', limitedEnglish: 'Yes', code: 'en' }
 */
export function languageLabel(
  value: string | null | undefined,
  opts: { interpreterNeeded?: boolean | null } = {},
): LanguageLabel {
  const norm = normalizeLanguage(value);
  const interpreter = opts.interpreterNeeded;
  if (norm === null || isStatus(norm)) {
    const language = norm === null ? UNKNOWN : (norm as Status);
    return {
      language,
      limitedEnglish: interpreter === true ? YES_NO.yes : language,
      ...(norm === null ? { unmapped: true } : {}),
    };
  }
  const english = norm === 'en';
  return {
    language: englishName(norm) ?? UNKNOWN,
    limitedEnglish: !english || interpreter === true ? YES_NO.yes : YES_NO.no,
    code: norm,
  };
}
