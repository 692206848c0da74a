/**
 * Who a finding is about, as a phrase for a sentence: "Black or African American patients", "patients with
 * limited English proficiency", "patients who screened positive for food insecurity". Yes/No-type labels
 * never stand alone ("Yes patients"): they get a phrase from the catalogue or name their stratifier.
 */
import { stratifierName } from './cells.js';
import { plain } from './html.js';
import { esc, type Locale } from './i18n.js';

/** Labels that mean nothing without the question they answer. */
const BARE = new Set([
  'Yes',
  'No',
  'Positive',
  'Negative',
  'Not screened',
  'Declined',
  'Unknown',
  'Missing',
  'Other',
]);

function phrase(loc: Locale, stratifier: string, value: string): string | null {
  const key = stratifier.startsWith('hrsn_') ? `who.hrsn.${value}` : `who.${stratifier}.${value}`;
  const t = loc.t(key, { need: stratifierName(loc, stratifier) });
  return t === key ? null : t;
}

/** Phrase for a set of attribute values (one for a stratum, several for an intersection). */
export function who(loc: Locale, values: Record<string, string>): string {
  const entries = Object.entries(values);
  if (entries.length === 1) {
    const [s, v] = entries[0]!;
    const p = phrase(loc, s, v);
    if (p) return p;
    const by = loc.t(`who.by.${s}`, { label: loc.label(v) });
    if (by !== `who.by.${s}` && !BARE.has(v)) return by;
  }
  if (entries.some(([, v]) => BARE.has(v))) {
    const label = entries
      .map(([s, v]) => `${plain(stratifierName(loc, s))}: ${plain(loc.label(v))}`)
      .join('; ');
    return loc.t('who.generic', { label: esc(label) });
  }
  return loc.t('who.default', { label: entries.map(([, v]) => loc.label(v)).join(', ') });
}

/** The comparison group's values: the reference of the same stratifier(s), or null for "everyone else". */
export function comparisonValues(
  values: Record<string, string>,
  comparison: string,
): Record<string, string> | null {
  if (comparison === 'everyone else') return null;
  const keys = Object.keys(values);
  const parts = comparison.split(' × ');
  if (parts.length === keys.length) return Object.fromEntries(keys.map((k, i) => [k, parts[i]!]));
  return { [keys[0] ?? '']: comparison };
}

/** Measure titles sit mid-sentence: "Depression screening" → "depression screening" (acronyms are kept). */
export function inSentence(title: string): string {
  return title.replace(/^([A-Z])([a-z]+)\b/, (_, a: string, b: string) => a.toLowerCase() + b);
}

/** Capitalise a sentence that starts with a lower-case phrase ("patients with …"). */
export function capitalise(html: string): string {
  return html.replace(/^([a-záéíóúñ])/, (c) => c.toUpperCase());
}
