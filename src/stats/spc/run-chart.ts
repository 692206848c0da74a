/**
 * Run chart: the centre line is the median of the baseline points; there are no control limits.
 * Source: qicharts2 `qic.run` (median of the baseline, R/helper.functions.R); Anhøj & Olesen (2014).
 */
import { median } from './centre.js';
import { noLines, type ChartLines } from './lines.js';

export function runChartLines(values: readonly (number | null)[], base: number): ChartLines[] {
  const present = values.slice(0, base).filter((v): v is number => v !== null);
  const centre = median(present);
  return values.map(() => noLines(centre));
}
