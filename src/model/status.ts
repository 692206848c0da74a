/**
 * "Declined", "unknown" and "missing" stay three different things (issue #2):
 * - Declined: the person was asked and chose not to answer (e.g. ASKU, "I choose not to answer").
 * - Unknown: a value was recorded but says nothing (e.g. UNK, "?", "Unknown/Invalid"), or a code the mapping
 *   does not know (which is also reported as unmapped).
 * - Missing: no value at all (empty cell, absent element).
 * These labels are stored in every categorical canonical column in place of a category.
 */
export const DECLINED = 'Declined';
export const UNKNOWN = 'Unknown';
export const MISSING = 'Missing';

export type Status = typeof DECLINED | typeof UNKNOWN | typeof MISSING;

export const STATUSES: readonly Status[] = [DECLINED, UNKNOWN, MISSING];

/** True when a stored label is one of the three statuses rather than a known category. */
export const isStatus = (label: string | null | undefined): boolean =>
  label === null || label === undefined || (STATUSES as readonly string[]).includes(label);
