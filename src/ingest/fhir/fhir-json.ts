/**
 * Small readers over parsed FHIR JSON (resources are plain objects; nothing is validated beyond what the
 * extraction needs). Dates keep the calendar date only.
 */
import { codeSystemId } from '../../model/clinical.js';

export type Json = Record<string, unknown>;

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Codings of a CodeableConcept (or a lone Coding). */
export function codings(cc: unknown): Coding[] {
  if (!isObject(cc)) return [];
  if (Array.isArray(cc.coding)) return cc.coding.filter(isObject) as Coding[];
  return typeof cc.code === 'string' ? [cc as Coding] : [];
}

const hasCode = (c: unknown): c is Coding => isObject(c) && typeof c.code === 'string';

/** The first coding, preferring the given systems in order. */
export function pickCoding(cc: unknown, prefer: readonly string[] = []): Coding | undefined {
  if (!isObject(cc)) return undefined;
  const list = cc.coding;
  // As `codings`: the `coding` array when there is one, else the CodeableConcept as a lone Coding.
  if (!Array.isArray(list)) return hasCode(cc) ? cc : undefined;
  if (list.length === 1) return hasCode(list[0]) ? list[0] : undefined; // one coding: no choice to make
  for (const sys of prefer)
    for (const c of list) if (hasCode(c) && (codeSystemId(c.system) === sys || c.system === sys)) return c;
  for (const c of list) if (hasCode(c)) return c;
  return undefined;
}

/** Whether any coding of a CodeableConcept (or lone Coding) has this code. */
export function hasCoding(cc: unknown, code: string): boolean {
  if (!isObject(cc)) return false;
  const list = cc.coding;
  if (!Array.isArray(list)) return cc.code === code;
  for (const c of list) if (isObject(c) && c.code === code) return true;
  return false;
}

/** `{ code, system }` of a CodeableConcept's chosen coding, with the short system id. */
export function codeOf(cc: unknown, prefer: readonly string[] = []): { code: string; system: string } | null {
  const c = pickCoding(cc, prefer);
  return c?.code ? { code: c.code, system: codeSystemId(c.system) } : null;
}

/** Text of a CodeableConcept: its text, else the first coding's display. */
export const ccText = (cc: unknown): string | null =>
  isObject(cc) ? (str(cc.text) ?? codings(cc).find((c) => c.display)?.display ?? null) : null;

/** `YYYY-MM-DD` from a FHIR date/dateTime/instant (a year or year-month becomes its first day). */
const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

export function dateOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  // Fast path: a full date (or a dateTime/instant starting with one) is its first ten characters.
  if (
    v.length >= 10 &&
    v.charCodeAt(4) === 45 &&
    v.charCodeAt(7) === 45 &&
    isDigit(v, 0) &&
    isDigit(v, 1) &&
    isDigit(v, 2) &&
    isDigit(v, 3) &&
    isDigit(v, 5) &&
    isDigit(v, 6) &&
    isDigit(v, 8) &&
    isDigit(v, 9)
  )
    return v.length === 10 ? v : v.slice(0, 10);
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The first date among `fields` of a resource (dateTime, Period.start, instant). */
export function firstDate(r: Json, fields: readonly string[]): string | null {
  for (const f of fields) {
    const v = r[f];
    const d = isObject(v) ? (dateOf(v.start) ?? dateOf(v.end)) : dateOf(v);
    if (d) return d;
  }
  return null;
}

/**
 * The id a reference points at: `Patient/123`, `urn:uuid:123`, `https://x/fhir/Patient/123/_history/2`;
 * null for a conditional reference (`Patient?identifier=…`), which names no id.
 */
export function refId(ref: unknown): string | null {
  const r = isObject(ref) ? str(ref.reference) : str(ref);
  if (!r) return null;
  if (r.startsWith('urn:uuid:')) return r.slice(9);
  if (r.startsWith('urn:oid:')) return r.slice(8);
  if (r.includes('?')) return null; // a conditional reference (search) names no id
  let path = r;
  const hist = path.indexOf('/_history');
  if (hist > 0) path = path.slice(0, hist);
  return path.slice(path.lastIndexOf('/') + 1) || null;
}

const isExtension = (e: unknown, url: string, suffix: string): e is Json =>
  isObject(e) && typeof e.url === 'string' && (e.url === url || e.url.endsWith(suffix));

/** Extensions with a URL (exact, or ending in `/<name>`). */
export function extensions(el: unknown, url: string): Json[] {
  if (!isObject(el)) return [];
  const suffix = `/${url}`;
  const out: Json[] = [];
  for (const e of arr(el.extension)) if (isExtension(e, url, suffix)) out.push(e);
  return out;
}

/** The first extension with a URL (exact, or ending in `/<name>`). */
export function extension(el: unknown, url: string): Json | undefined {
  if (!isObject(el)) return undefined;
  const list = el.extension;
  const suffix = `/${url}`;
  if (!Array.isArray(list)) return isExtension(list, url, suffix) ? list : undefined;
  for (const e of list) if (isExtension(e, url, suffix)) return e;
  return undefined;
}
