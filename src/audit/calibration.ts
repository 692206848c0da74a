/**
 * Calibration and discrimination of a risk score in one group (issue #15):
 * - observed_expected: Σy / Σp (1 = calibrated in the large; < 1 over-prediction, > 1 under-prediction);
 * - calibration_in_the_large: mean(y) − mean(p), on the risk scale;
 * - calibration_intercept: α in logit P(y) = α + logit(p) (logit offset; 0 calibrated, > 0 under-prediction);
 * - calibration_slope: β in logit P(y) = α + β·logit(p) (1 ideal; < 1 scores too extreme, > 1 too modest);
 * - brier: mean (p − y)²;
 * - ece: Σ_b (n_b/n)·|mean y_b − mean p_b| over ECE_BINS equal-width bins of p on [0, 1] (a score of 1
 *   falls in the last bin); empty bins are skipped;
 * - auc with its DeLong interval.
 * Scores outside [0, 1] are not probabilities: the calibration fields are null with that reason, the AUC is
 * still given. Scores are clamped to [1e-12, 1 − 1e-12] before the logit so 0 and 1 stay finite.
 */
import { aucDelong, logisticFit, type AucEstimate } from '../stats/index.js';

export const ECE_BINS = 10;
export const ECE_BIN_RULE = `${ECE_BINS} equal-width bins of the score on [0, 1] (a score of 1 in the last bin), weighted by the number of rows in each bin`;

export interface ScoredRow {
  score: number;
  label: 0 | 1;
}

export interface CalibrationValues {
  n: number;
  events: number;
  observed_expected: number | null;
  calibration_in_the_large: number | null;
  calibration_intercept: number | null;
  calibration_slope: number | null;
  brier: number | null;
  ece: number | null;
  auc: number | null;
  auc_lower: number | null;
  auc_upper: number | null;
  null_reasons: Record<string, string>;
  /** The reliability curve: per non-empty bin, mean predicted and observed. */
  bins: { bin: number; n: number; mean_predicted: number; observed: number }[];
  /** Kept for the DeLong difference test against the reference; not serialised. */
  aucEstimate: AucEstimate | null;
}

const clampP = (p: number): number => Math.min(1 - 1e-12, Math.max(1e-12, p));
const logit = (p: number): number => Math.log(clampP(p) / (1 - clampP(p)));

export function calibrationOf(rows: readonly ScoredRow[], level = 0.95): CalibrationValues {
  const n = rows.length;
  const events = rows.reduce((s, r) => s + r.label, 0);
  const reasons: Record<string, string> = {};
  const calFields = [
    'observed_expected',
    'calibration_in_the_large',
    'calibration_intercept',
    'calibration_slope',
    'brier',
    'ece',
  ];
  const out: CalibrationValues = {
    n,
    events,
    observed_expected: null,
    calibration_in_the_large: null,
    calibration_intercept: null,
    calibration_slope: null,
    brier: null,
    ece: null,
    auc: null,
    auc_lower: null,
    auc_upper: null,
    null_reasons: reasons,
    bins: [],
    aucEstimate: null,
  };
  const auc = aucDelong(
    rows.map((r) => r.score),
    rows.map((r) => r.label),
    level,
  );
  if (auc) {
    out.auc = auc.auc;
    out.auc_lower = auc.lower;
    out.auc_upper = auc.upper;
    out.aucEstimate = auc;
  } else {
    const why =
      n === 0 ? 'the group has no rows' : events === 0 ? 'no label positives' : 'no label negatives';
    for (const f of ['auc', 'auc_lower', 'auc_upper']) reasons[f] = why;
  }
  if (n === 0) {
    for (const f of calFields) reasons[f] = 'the group has no rows';
    return out;
  }
  if (rows.some((r) => !(r.score >= 0 && r.score <= 1))) {
    for (const f of calFields) reasons[f] = 'scores outside [0, 1] are not probabilities';
    return out;
  }
  const sumP = rows.reduce((s, r) => s + r.score, 0);
  out.calibration_in_the_large = events / n - sumP / n;
  if (sumP > 0) out.observed_expected = events / sumP;
  else reasons.observed_expected = 'the expected count Σp is 0';
  out.brier = rows.reduce((s, r) => s + (r.score - r.label) ** 2, 0) / n;
  const bins = Array.from({ length: ECE_BINS }, () => ({ n: 0, p: 0, y: 0 }));
  for (const r of rows) {
    const b = bins[Math.min(ECE_BINS - 1, Math.floor(r.score * ECE_BINS))]!;
    b.n++;
    b.p += r.score;
    b.y += r.label;
  }
  out.ece = bins.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.y / b.n - b.p / b.n) : 0), 0);
  out.bins = bins.flatMap((b, i) =>
    b.n ? [{ bin: i, n: b.n, mean_predicted: b.p / b.n, observed: b.y / b.n }] : [],
  );
  const y = rows.map((r) => r.label);
  const lp = rows.map((r) => logit(r.score));
  if (events === 0 || events === n) {
    const why = events === 0 ? 'no label positives' : 'no label negatives';
    reasons.calibration_intercept = `${why}: the logistic recalibration has no maximum`;
    reasons.calibration_slope = reasons.calibration_intercept;
    return out;
  }
  const intercept = logisticFit(
    rows.map(() => [1]),
    y,
    lp,
  );
  if (intercept) out.calibration_intercept = intercept.coefficients[0]!;
  else reasons.calibration_intercept = 'the logistic recalibration did not converge';
  const slope = logisticFit(
    lp.map((v) => [1, v]),
    y,
  );
  if (slope) out.calibration_slope = slope.coefficients[1]!;
  else
    reasons.calibration_slope =
      'the logistic recalibration did not converge (all scores equal, or the labels separate perfectly)';
  return out;
}
