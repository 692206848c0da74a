import { describe, expect, it } from 'vitest';
import { sigmaLines, type ChartLines } from './lines.js';
import { outsideLimits } from './outside-limits.js';

// NHS England / NHS Improvement, "Making Data Count: Strengthening your decisions" (2019, updated 2021):
// special cause if (1) a point is outside the process limits, (2) 7 or more consecutive points above or
// below the mean (shift), (3) 7 or more consecutive points increasing or decreasing (trend), (4) two out
// of three consecutive points near a process limit (beyond 2σ) on the same side.
const flat = (n: number, centre = 0, sigma = 1): ChartLines[] =>
  Array.from({ length: n }, () => sigmaLines(centre, sigma));
const idx = (flags: boolean[]) => flags.flatMap((f, i) => (f ? [i] : []));

describe('outside limits', () => {
  it('flags points beyond ±3σ, not on them', () => {
    expect(idx(outsideLimits([0, 3, 3.01, -3.5, null], flat(5)))).toEqual([2, 3]);
  });
});
