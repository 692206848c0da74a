/**
 * Message catalogues and locale formatting. All report text comes from `i18n/<lang>.json`; category labels
 * (data values such as "White") are translated by `i18n/<lang>.labels.json` and fall back to the label.
 * A message that puts a count before a noun ("12 events") comes in plural variants `<id>.one`, `<id>.other`
 * (any CLDR category of the language: `zero`, `two`, `few`, `many`…), read with `tn` (see `PluralRules`).
 * To add a language: add both JSON files and one line to `CATALOGUES`.
 */
import en from './i18n/en.json' with { type: 'json' };
import enLabels from './i18n/en.labels.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };
import esLabels from './i18n/es.labels.json' with { type: 'json' };

export type Catalogue = Record<string, string>;
const CATALOGUES = {
  en: { messages: en as Catalogue, labels: enLabels as Catalogue },
  es: { messages: es as Catalogue, labels: esLabels as Catalogue },
} as const;
export type Lang = keyof typeof CATALOGUES;
export const LANGS = Object.keys(CATALOGUES) as Lang[];

/** Escape text for HTML (element content and attribute values). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How a number is shown; the numbers test re-formats each marked value with the same function. */
/** `rate`/`rdiff`: a count-based rate per N units and its difference (one decimal; rdiff signed). */
/** Summary measures: `ppa` unsigned percentage points, `pp2` ×10,000 (points squared), `x100`/`x1000` an index
 * scaled by 100 or 1,000 (3 significant digits). */
export type NumberKind =
  | 'pct'
  | 'pct0'
  | 'int'
  | 'pp'
  | 'ratio'
  | 'q'
  | 'sig'
  | 'date'
  | 'rate'
  | 'rdiff'
  | 'ppa'
  | 'pp2'
  | 'x100'
  | 'x1000';

export interface Locale {
  lang: Lang;
  /** A message with `{var}` placeholders filled; vars are HTML already (escape text with `esc`). */
  t(key: string, vars?: Record<string, string | number>): string;
  /**
   * A message that depends on a count: the variant `<key>.<category>` for the count's plural category in
   * this language (Intl.PluralRules on the count as shown, rounded to a whole number), else `<key>.other`,
   * else `<key>`. An absent count (suppressed, no data) reads as `other`. Vars as for `t`.
   */
  tn(key: string, count: number | null | undefined, vars?: Record<string, string | number>): string;
  /** A data label (category, comparison) translated and escaped. */
  label(value: string): string;
  /** Format a value for display (plain text, not escaped). */
  format(value: number | string, kind: NumberKind): string;
}

export function createLocale(lang: Lang): Locale {
  const { messages, labels } = CATALOGUES[lang];
  const pct = new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const pct0 = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const oneUnsigned = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const three = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
  const sig = new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const plural = new Intl.PluralRules(lang);
  const fill = (msg: string, vars: Record<string, string | number>): string =>
    msg.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  return {
    lang,
    t(key, vars = {}) {
      return fill(messages[key] ?? messages[`${key}.other`] ?? key, vars);
    },
    tn(key, count, vars = {}) {
      const category = count === null || count === undefined ? 'other' : plural.select(Math.round(count));
      return fill(messages[`${key}.${category}`] ?? messages[`${key}.other`] ?? messages[key] ?? key, vars);
    },
    label(value) {
      return esc(labels[value] ?? value);
    },
    format(value, kind) {
      if (kind === 'date') return date.format(new Date(String(value)));
      const v = Number(value);
      switch (kind) {
        case 'pct':
          return pct.format(v);
        case 'pct0':
          return pct0.format(v);
        case 'int':
          return int.format(Math.round(v));
        case 'pp':
          return one.format(v * 100);
        case 'rate':
          return oneUnsigned.format(v);
        case 'rdiff':
          return one.format(v);
        case 'ratio':
          return two.format(v);
        case 'q':
          return v < 0.001 ? `< ${three.format(0.001)}` : three.format(v);
        case 'sig':
          return sig.format(v);
        case 'ppa':
          return oneUnsigned.format(v * 100);
        case 'pp2':
          return sig.format(v * 10_000);
        case 'x100':
          return sig.format(v * 100);
        case 'x1000':
          return sig.format(v * 1000);
      }
    },
  };
}
