import { describe, expect, it } from 'vitest';
import { placeEnds } from './end-labels.js';

/** The vertical extent of each name's box (14 px text: 17 px high), as placed. */
const boxes = (ends: number[], height = 110): [number, number][] =>
  placeEnds(ends, height, 14).map((p, i) =>
    p.baseline === 'bottom'
      ? [ends[i]! + p.dy - 17, ends[i]! + p.dy]
      : [ends[i]! + p.dy, ends[i]! + p.dy + 17],
  );
const apart = ([a, b]: [number, number][]): boolean => a![1] <= b![0] || b![1] <= a![0];

describe('placeEnds', () => {
  it('the higher line is named above it, the lower below', () => {
    expect(placeEnds([30, 60], 110, 14)).toEqual([
      { baseline: 'bottom', dy: -6 },
      { baseline: 'top', dy: 6 },
    ]);
    expect(placeEnds([60, 30], 110, 14)).toEqual([
      { baseline: 'top', dy: 6 },
      { baseline: 'bottom', dy: -6 },
    ]);
  });
  it('a name that would fall under the plot goes above, stacked over the other', () => {
    const [a, b] = boxes([95, 100]);
    expect(a![1]).toBeLessThanOrEqual(95);
    expect(b![1]).toBeLessThanOrEqual(110);
    expect(apart([a!, b!])).toBe(true);
  });
  it('two names never overlap, and none runs into the period labels under the plot', () => {
    for (let y1 = 0; y1 <= 110; y1 += 5)
      for (let y2 = 0; y2 <= 110; y2 += 5) {
        const b = boxes([y1, y2]);
        expect(apart(b), `${y1}, ${y2}`).toBe(true);
        for (const [, bottom] of b) expect(bottom).toBeLessThanOrEqual(110);
      }
  });
});
