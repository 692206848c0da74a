/**
 * Canonical keys and codes that mean a status rather than a category (see ../status.ts):
 * - Declined: `declined`, v3 NullFlavor `ASKU` (the project maps "asked, no answer" to Declined), PRAPARE
 *   LA30122-8 "I choose not to answer".
 * - Unknown: `unknown`, NullFlavor `UNK`, `?`.
 * - Missing: `missing`, empty text, NullFlavor `NI` (no information) and `NASK` (not asked), `null`.
 *
 * `OTH` (NullFlavor "other") is NOT a status: for attributes that have an "Another …" category it maps
 * there (see simple-labels.ts); elsewhere the attribute decides.
 */
import { DECLINED, MISSING, UNKNOWN, type Status } from '../status.js';

export const STATUS_KEYS: Readonly<Record<string, Status>> = {
  declined: DECLINED,
  decline: DECLINED,
  refused: DECLINED,
  asku: DECLINED,
  'choose not to answer': DECLINED,
  'i choose not to answer': DECLINED,
  'prefer not to say': DECLINED,
  'prefer not to answer': DECLINED,
  'la30122-8': DECLINED,
  'asked declined': DECLINED,
  'asked-declined': DECLINED,
  unknown: UNKNOWN,
  unk: UNKNOWN,
  '?': UNKNOWN,
  'unknown/invalid': UNKNOWN,
  "don't know": UNKNOWN,
  'asked unknown': UNKNOWN,
  'asked-unknown': UNKNOWN,
  'not available': UNKNOWN,
  missing: MISSING,
  '': MISSING,
  ni: MISSING,
  nask: MISSING,
  null: MISSING,
};

/**
 * Lower-cased and trimmed, with `_`, runs of spaces and camelCase word breaks read as one space, so
 * `self_pay`, `selfPay` and `Self pay` are one key.
 */
export const normKey = (key: string): string =>
  key
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/**
 * The status a key stands for, or null when it is not a status key. `null`/`undefined` are Missing.
 * @example statusOf('ASKU') // 'Declined'
 */
export function statusOf(key: string | null | undefined): Status | null {
  if (key === null || key === undefined) return MISSING;
  const k = normKey(key);
  return STATUS_KEYS[k] ?? STATUS_KEYS[k.replace(/ /g, '_')] ?? null;
}

/** Declined > Unknown > Missing: when two statuses meet, the more informative one wins. */
export function strongerStatus(a: Status, b: Status): Status {
  const rank = (s: Status): number => (s === DECLINED ? 2 : s === UNKNOWN ? 1 : 0);
  return rank(a) >= rank(b) ? a : b;
}
