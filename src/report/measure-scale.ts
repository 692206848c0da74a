/**
 * How a measure's numbers are shown: a proportion as a percentage (differences in percentage points), a
 * count-based rate (results `kind: 'rate'`, e.g. ED visits) as a number per `multiplier` units ("per
 * 1,000"), differences in the same units. Results without `kind` are proportions.
 */
import type { MeasureResult } from '../model/results.js';
import type { Locale, NumberKind } from './i18n.js';

export interface MeasureScale {
  isRate: boolean;
  /** Units of a rate (1000 = per 1,000); 1 for a proportion. */
  multiplier: number;
  rate: NumberKind;
  diff: NumberKind;
}

export function measureScale(m: Pick<MeasureResult, 'kind' | 'multiplier'> | undefined): MeasureScale {
  return m?.kind === 'rate'
    ? { isRate: true, multiplier: m.multiplier ?? 1, rate: 'rate', diff: 'rdiff' }
    : { isRate: false, multiplier: 1, rate: 'pct', diff: 'pp' };
}

/** "per 1,000" for a rate measure (plain text), '' for a proportion. */
export function perUnit(loc: Locale, scale: MeasureScale): string {
  return scale.isRate ? loc.t('unit.per', { n: loc.format(scale.multiplier, 'int') }) : '';
}

/** The unit of a difference column: "percentage points" or "per 1,000". */
export const diffUnit = (loc: Locale, scale: MeasureScale): string =>
  scale.isRate ? perUnit(loc, scale) : loc.t('table.pp');
