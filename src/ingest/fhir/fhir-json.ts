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

/** The first coding, preferring the given systems in order. */
export function pickCoding(cc: unknown, prefer: readonly string[] = []): Coding | undefined {
  const all = codings(cc).filter((c) => typeof c.code === 'string');
  for (const sys of prefer) {
    const hit = all.find((c) => codeSystemId(c.system) === sys || c.system === sys);
    if (hit) return hit;
  }
  return all[0];
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
export function dateOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
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

/** Extensions with a URL (exact, or ending in `/<name>`). */
export function extensions(el: unknown, url: string): Json[] {
  if (!isObject(el)) return [];
  return arr(el.extension).filter(
    (e): e is Json =>
      isObject(e) && typeof e.url === 'string' && (e.url === url || e.url.endsWith(`/${url}`)),
  );
}
export const extension = (el: unknown, url: string): Json | undefined => extensions(el, url)[0];
