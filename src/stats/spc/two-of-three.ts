/**
 * NHS "Making Data Count" rule 4: two out of three consecutive points beyond the 2-sigma line on the same
 * side of the centre (above centre + 2σ, or below centre − 2σ). The points beyond 2σ in such a window are
 * flagged. Points beyond 3σ also count as beyond 2σ (Western Electric zone rule); missing periods are
 * skipped. (NHSRplotthedots counts only points inside the limits and the 2023 MDC tool also asks the third
 * point to be on the same side — Equilens keeps the simpler classic rule and says so.)
 * Source: NHSE "Making Data Count" (2019), special cause rule 4; Western Electric Statistical Quality
 * Control Handbook (1956), rule 2.
 */
import { side } from './centre.js';
import type { ChartLines } from './lines.js';

export function twoOfThreePoints(
  values: readonly (number | null)[],
  lines: readonly ChartLines[],
): boolean[] {
  const flags = values.map(() => false);
  const beyond = (i: number, dir: 1 | -1): boolean => {
    const v = values[i];
    const l = lines[i];
    if (v === null || v === undefined || !l) return false;
    const line = dir > 0 ? l.upper2 : l.lower2;
    const c = l.centre;
    if (line === null || c === null || side(line, c) !== dir) return false; // no 2σ band (σ = 0)
    return side(v, line) === dir;
  };
  const idx = values.flatMap((v, i) => (v === null ? [] : [i]));
  for (let k = 0; k + 3 <= idx.length; k++) {
    const window = idx.slice(k, k + 3);
    for (const dir of [1, -1] as const) {
      const hits = window.filter((i) => beyond(i, dir));
      if (hits.length >= 2) for (const i of hits) flags[i] = true;
    }
  }
  return flags;
}
