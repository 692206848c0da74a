/**
 * Display order of group labels: age bands by their lower bound, statuses (Declined, Unknown, Missing)
 * last, everything else alphabetically.
 */
import { isStatus } from '../model/status.js';
import { AGE_DIM } from './plan.js';

/** The lower bound of an age band label such as `40-49`, `90+`, `0-17`; null when not an age band. */
export function ageLower(label: string): number | null {
  const m = /^(\d+)\s*(?:-|\+|to)/.exec(label.trim());
  return m ? Number(m[1]) : null;
}

/** Upper bound (inclusive) of an age band label; Infinity for an open band such as `90+`. */
export function ageUpper(label: string): number | null {
  const t = label.trim();
  if (/^\d+\s*\+$/.test(t)) return Number.POSITIVE_INFINITY;
  const m = /^\d+\s*(?:-|to)\s*(\d+)$/.exec(t);
  return m ? Number(m[1]) : null;
}

export function compareLabels(stratifier: string, a: string, b: string): number {
  const sa = isStatus(a);
  const sb = isStatus(b);
  if (sa !== sb) return sa ? 1 : -1;
  if (stratifier === AGE_DIM) {
    const la = ageLower(a);
    const lb = ageLower(b);
    if (la !== null && lb !== null && la !== lb) return la - lb;
  }
  return a.localeCompare(b);
}

/** Stratifiers whose groups have a natural order (the WHO "ordered dimension" measures apply). */
export const isOrdered = (stratifier: string): boolean => stratifier === AGE_DIM;
