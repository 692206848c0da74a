/**
 * The confusion table of a binary decision (a row is flagged when score ≥ threshold) and its rates.
 * Each rate is a proportion numerator/denominator of the four cells; when its denominator is 0 the rate is
 * undefined and reported as null with the reason — never 0 and never a fill value (issue #15).
 */
export interface Confusion {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export const RATE_NAMES = [
  'prevalence',
  'selection_rate',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'ppv',
  'npv',
  'fdr',
  'for',
] as const;
export type RateName = (typeof RATE_NAMES)[number];

/** The comparison fields each rate carries as `<rate>_<key>` (against the reference group). */
export const COMPARISON_KEYS = [
  'difference',
  'difference_lower',
  'difference_upper',
  'ratio',
  'ratio_lower',
  'ratio_upper',
  'p_value',
  'q_value',
] as const;

/** Which way is better for a rate, used by the "best" reference rule; null when neither is. */
export const RATE_DIRECTION: Record<RateName, 'higher_is_better' | 'lower_is_better' | null> = {
  prevalence: null,
  selection_rate: null,
  tpr: 'higher_is_better',
  fpr: 'lower_is_better',
  tnr: 'higher_is_better',
  fnr: 'lower_is_better',
  ppv: 'higher_is_better',
  npv: 'higher_is_better',
  fdr: 'lower_is_better',
  for: 'lower_is_better',
};

export interface RateParts {
  numerator: number;
  denominator: number;
  /** Why the denominator is 0 (the reason the rate is undefined). */
  emptyReason: string;
}

const NO_ROWS = 'the group has no rows';
const NO_LABEL_POS = 'no label positives (tp + fn = 0)';
const NO_LABEL_NEG = 'no label negatives (fp + tn = 0)';
const NO_FLAGGED = 'no predicted positives (tp + fp = 0)';
const NO_UNFLAGGED = 'no predicted negatives (tn + fn = 0)';

export function rateParts(c: Confusion, name: RateName): RateParts {
  const { tp, fp, tn, fn, n } = c;
  switch (name) {
    case 'prevalence':
      return { numerator: tp + fn, denominator: n, emptyReason: NO_ROWS };
    case 'selection_rate':
      return { numerator: tp + fp, denominator: n, emptyReason: NO_ROWS };
    case 'tpr':
      return { numerator: tp, denominator: tp + fn, emptyReason: NO_LABEL_POS };
    case 'fnr':
      return { numerator: fn, denominator: tp + fn, emptyReason: NO_LABEL_POS };
    case 'fpr':
      return { numerator: fp, denominator: fp + tn, emptyReason: NO_LABEL_NEG };
    case 'tnr':
      return { numerator: tn, denominator: fp + tn, emptyReason: NO_LABEL_NEG };
    case 'ppv':
      return { numerator: tp, denominator: tp + fp, emptyReason: NO_FLAGGED };
    case 'fdr':
      return { numerator: fp, denominator: tp + fp, emptyReason: NO_FLAGGED };
    case 'npv':
      return { numerator: tn, denominator: tn + fn, emptyReason: NO_UNFLAGGED };
    case 'for':
      return { numerator: fn, denominator: tn + fn, emptyReason: NO_UNFLAGGED };
  }
}

/** Count the four cells: flagged = score ≥ threshold; label 1 = the outcome happened. */
export function confusionAt(rows: readonly { score: number; label: 0 | 1 }[], threshold: number): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const r of rows) {
    const flagged = r.score >= threshold;
    if (flagged && r.label === 1) tp++;
    else if (flagged) fp++;
    else if (r.label === 1) fn++;
    else tn++;
  }
  return { n: rows.length, tp, fp, tn, fn };
}
