/**
 * Rule 1 (Shewhart; NHS "Making Data Count" "astronomical point"): a point above the upper or below the
 * lower 3-sigma limit. A point exactly on a limit (e.g. p = 1 on a limit clipped at 1) is not outside.
 * Source: Shewhart (1931); NHSE "Making Data Count" (2019), special cause rule 1; qicharts2 `sigma.signal`.
 */
import { side } from './centre.js';
import type { ChartLines } from './lines.js';

export function outsideLimits(values: readonly (number | null)[], lines: readonly ChartLines[]): boolean[] {
  return values.map((v, i) => {
    const l = lines[i];
    if (v === null || !l) return false;
    return (l.upper !== null && side(v, l.upper) > 0) || (l.lower !== null && side(v, l.lower) < 0);
  });
}
