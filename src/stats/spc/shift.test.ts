import { describe, expect, it } from 'vitest';
import { sigmaLines, type ChartLines } from './lines.js';
import { shiftPoints } from './shift.js';

// NHS England / NHS Improvement, "Making Data Count: Strengthening your decisions" (2019, updated 2021):
// special cause if (1) a point is outside the process limits, (2) 7 or more consecutive points above or
// below the mean (shift), (3) 7 or more consecutive points increasing or decreasing (trend), (4) two out
// of three consecutive points near a process limit (beyond 2σ) on the same side.
const flat = (n: number, centre = 0, sigma = 1): ChartLines[] =>
  Array.from({ length: n }, () => sigmaLines(centre, sigma));
const idx = (flags: boolean[]) => flags.flatMap((f, i) => (f ? [i] : []));

describe('shift (7 points on one side of the mean)', () => {
  it('needs 7; 6 is not enough', () => {
    expect(idx(shiftPoints([1, 1, 1, 1, 1, 1, -1], flat(7)))).toEqual([]);
    expect(idx(shiftPoints([-1, 1, 1, 1, 1, 1, 1, 1, -1], flat(9)))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('a point on the mean breaks a shift; a missing period does not', () => {
    expect(idx(shiftPoints([1, 1, 1, 0, 1, 1, 1, 1], flat(8)))).toEqual([]);
    expect(idx(shiftPoints([1, 1, 1, null, 1, 1, 1, 1], flat(8)))).toEqual([0, 1, 2, 4, 5, 6, 7]);
  });
  it('agrees with NHSRplotthedots ptd_seven_point_one_side_mean (tests/testthat/test-ptd_calculate_point_type.R)', () => {
    expect(idx(shiftPoints([1, 1, 1, 1, 1, 1], flat(6)))).toEqual([]);
    expect(idx(shiftPoints([1, 1, 1, 1, 1, 1, -1], flat(7)))).toEqual([]);
    expect(idx(shiftPoints([1, 1, 1, 1, 1, 1, 1, 1, -1], flat(9)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(idx(shiftPoints([-1, -1, -1, -1, -1, -1, -1, -1, 1], flat(9)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
