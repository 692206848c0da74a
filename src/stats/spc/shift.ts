/**
 * NHS "Making Data Count" shift rule: 7 or more consecutive points all above, or all below, the centre
 * line (the mean). A point on the centre line ends a shift; missing periods are skipped. Every point of
 * such a run is flagged.
 * Source: NHSE "Making Data Count" (2019), special cause rule 2 (MDC's Excel tool allows 6 or 7; Equilens
 * uses 7, the NHSRplotthedots default — nhs-r-community/NHSRplotthedots#202).
 */
import { side } from './centre.js';
import type { ChartLines } from './lines.js';

export const SHIFT_LENGTH = 7;

export function shiftPoints(
  values: readonly (number | null)[],
  lines: readonly ChartLines[],
  length = SHIFT_LENGTH,
): boolean[] {
  const flags = values.map(() => false);
  let run: number[] = [];
  let runSide = 0;
  const close = () => {
    if (run.length >= length) for (const i of run) flags[i] = true;
    run = [];
  };
  values.forEach((v, i) => {
    const c = lines[i]?.centre;
    if (v === null) return;
    const s = c === null || c === undefined ? 0 : side(v, c);
    if (s === 0 || s !== runSide) close();
    runSide = s;
    if (s !== 0) run.push(i);
  });
  close();
  return flags;
}
