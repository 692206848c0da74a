/**
 * Measure windows as dates: pure date arithmetic on ISO `YYYY-MM-DD` strings (UTC, no clock).
 */
import type { Window } from './types.js';

export interface Period {
  start: string;
  end: string;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const parse = (s: string): Date => new Date(`${s}T00:00:00Z`);

/** `date` shifted by whole days. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `date` shifted by whole months (day clamped to the target month's length). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return iso(d);
}

/**
 * The inclusive [from, to] dates of a window; `from` null = no lower bound.
 * @example windowDates({ monthsBeforeEnd: 27 }, { start: '2024-01-01', end: '2024-12-31' })
 *   // { from: '2022-10-01', to: '2024-12-31' }
 */
export function windowDates(window: Window, period: Period): { from: string | null; to: string } {
  if (window === 'period') return { from: period.start, to: period.end };
  if (window === 'before_end') return { from: null, to: period.end };
  const months = 'monthsBeforeEnd' in window ? window.monthsBeforeEnd : window.yearsBeforeEnd * 12;
  return { from: addDays(addMonths(period.end, -months), 1), to: period.end };
}

/** The label of a period: `2024` for a calendar year, else `start/end` (ISO 8601 interval). */
export function periodLabel(period: Period): string {
  const y = period.start.slice(0, 4);
  return period.start === `${y}-01-01` && period.end === `${y}-12-31` ? y : `${period.start}/${period.end}`;
}
