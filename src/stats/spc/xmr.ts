/**
 * XmR (individuals) chart as used by NHS England "Making Data Count": centre = mean of the baseline
 * points; MR̄ = mean moving range between adjacent baseline points; limits mean ± 2.66·MR̄; the 2σ lines
 * for the "two of three" rule are mean ± (2/3)·2.66·MR̄.
 * 2.66 = 3/1.128 (d2 for ranges of two), so this equals qicharts2's I chart (`qic.i`: 3·MR̄/1.128) to 3
 * significant figures. Sources: NHS England and NHS Improvement, "Making Data Count" (2019/2021 guidance,
 * "Strengthening your decisions"); Wheeler DJ, Understanding Variation (2000); NHSRplotthedots (MIT).
 * Limits are null when the baseline has no moving range (fewer than two adjacent values).
 */
import { mean, movingRanges } from './centre.js';
import { noLines, type ChartLines } from './lines.js';

export const XMR_FACTOR = 2.66;

export function xmrLines(values: readonly (number | null)[], base: number): ChartLines[] {
  const baseline = values.slice(0, base);
  const centre = mean(baseline.filter((v): v is number => v !== null));
  const mrBar = mean(movingRanges(baseline));
  if (centre === null || mrBar === null) return values.map(() => noLines(centre));
  const w3 = XMR_FACTOR * mrBar;
  const w2 = (2 / 3) * w3;
  const lines: ChartLines = {
    centre,
    lower: centre - w3,
    upper: centre + w3,
    lower2: centre - w2,
    upper2: centre + w2,
  };
  return values.map(() => ({ ...lines }));
}
