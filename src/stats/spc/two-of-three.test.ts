import { describe, expect, it } from 'vitest';
import { sigmaLines, type ChartLines } from './lines.js';
import { twoOfThreePoints } from './two-of-three.js';

// NHS England / NHS Improvement, "Making Data Count: Strengthening your decisions" (2019, updated 2021):
// special cause if (1) a point is outside the process limits, (2) 7 or more consecutive points above or
// below the mean (shift), (3) 7 or more consecutive points increasing or decreasing (trend), (4) two out
// of three consecutive points near a process limit (beyond 2σ) on the same side.
const flat = (n: number, centre = 0, sigma = 1): ChartLines[] =>
  Array.from({ length: n }, () => sigmaLines(centre, sigma));
const idx = (flags: boolean[]) => flags.flatMap((f, i) => (f ? [i] : []));

describe('two of three beyond 2σ', () => {
  // Cases mirror PowerBI-SPC test/Outlier Flagging/twoInThree.test.ts (2σ line at ±2, centre 0).
  it('flags the points beyond 2σ in a window with two of them on one side', () => {
    expect(idx(twoOfThreePoints([0, 2.5, 2.5, 0, 0, 0], flat(6)))).toEqual([1, 2]);
    expect(idx(twoOfThreePoints([2.5, 0, 2.5, 0, 0], flat(5)))).toEqual([0, 2]);
    expect(idx(twoOfThreePoints([0, -2.5, -2.5, 0], flat(4)))).toEqual([1, 2]);
  });
  it('does not mix sides, single points or points on the 2σ line', () => {
    expect(idx(twoOfThreePoints([0, 2.5, -2.5, 0, 0], flat(5)))).toEqual([]);
    expect(idx(twoOfThreePoints([2.5, 0, 0, 2.5, 0], flat(5)))).toEqual([]);
    expect(idx(twoOfThreePoints([2, 2, 0, 0, 0], flat(5)))).toEqual([]);
  });
  it('counts points beyond 3σ too, and never fires when σ = 0', () => {
    expect(idx(twoOfThreePoints([0, 4, 2.5, 0], flat(4)))).toEqual([1, 2]);
    expect(idx(twoOfThreePoints([1, 1, 1], flat(3, 0, 0)))).toEqual([]);
  });
});
