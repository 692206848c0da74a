import { describe, expect, it } from 'vitest';
import { trendPoints } from './trend.js';

// NHS England / NHS Improvement, "Making Data Count: Strengthening your decisions" (2019, updated 2021):
// special cause if (1) a point is outside the process limits, (2) 7 or more consecutive points above or
// below the mean (shift), (3) 7 or more consecutive points increasing or decreasing (trend), (4) two out
// of three consecutive points near a process limit (beyond 2σ) on the same side.
const idx = (flags: boolean[]) => flags.flatMap((f, i) => (f ? [i] : []));

describe('trend (7 points all increasing or all decreasing)', () => {
  // Cases mirror PowerBI-SPC test/Outlier Flagging/trend.test.ts (AUS-DOH-Safety-and-Quality, n = 7).
  it('flags 7 rising points, not 6', () => {
    expect(idx(trendPoints([1, 2, 3, 4, 5, 6, 7, 6]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(idx(trendPoints([1, 2, 3, 4, 5, 6, 5]))).toEqual([]);
    expect(idx(trendPoints([9, 8, 7, 6, 5, 4, 3]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('restarts at a change of direction', () => {
    expect(idx(trendPoints([1, 2, 3, 2, 3, 4, 5, 6, 7, 8]))).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
  it('equal neighbours neither add nor break (NHSRplotthedots#24)', () => {
    expect(idx(trendPoints([1, 2, 2, 3, 4, 5, 6]))).toEqual([]); // 6 distinct rising points
    expect(idx(trendPoints([1, 2, 2, 3, 4, 5, 6, 7]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(idx(trendPoints([5, 5, 5, 5, 5, 5, 5, 5]))).toEqual([]);
  });
  it('skips missing periods', () => {
    expect(idx(trendPoints([1, 2, null, 3, 4, 5, 6, 7]))).toEqual([0, 1, 3, 4, 5, 6, 7]);
  });
  it('agrees with NHSRplotthedots ptd_seven_point_trend (tests/testthat/test-ptd_calculate_point_type.R)', () => {
    expect(idx(trendPoints([1, 2, 3, 4, 5, 6]))).toEqual([]);
    expect(idx(trendPoints([1, 2, 3, 3, 4, 5, 6]))).toEqual([]);
    expect(idx(trendPoints([1, 2, 3, 4, 5, 6, 7]))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(idx(trendPoints([2, 1, 2, 3, 4, 5, 6, 7, 3]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(idx(trendPoints([2, 7, 6, 5, 4, 3, 2, 1, 3]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
