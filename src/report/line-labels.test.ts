import { describe, expect, it } from 'vitest';
import { placeLineLabels, type LinePlace } from './line-labels.js';

const PLOT = 340;
/** Each label's extent [left, right] and row, as placed. */
const spans = (lines: { x: number; width: number }[]): [number, number, number][] =>
  placeLineLabels(lines, PLOT).map((p: LinePlace, i) => {
    const { x, width } = lines[i]!;
    return p.align === 'right' ? [x + p.dx - width, x + p.dx, p.row] : [x + p.dx, x + p.dx + width, p.row];
  });

describe('placeLineLabels', () => {
  it('two lines with room: the left one labelled on its left, the right one on its right, one row', () => {
    expect(
      placeLineLabels(
        [
          { x: 150, width: 100 },
          { x: 200, width: 80 },
        ],
        PLOT,
      ),
    ).toEqual([
      { align: 'right', dx: -3, row: 0 },
      { align: 'left', dx: 3, row: 0 },
    ]);
  });
  it('never off the plot nor over each other, wherever the lines are', () => {
    for (let a = 0; a <= PLOT; a += 10)
      for (let b = 0; b <= PLOT; b += 10) {
        const s = spans([
          { x: a, width: 112 },
          { x: b, width: 100 },
        ]);
        for (const [l, r] of s) {
          expect(l, `${a}, ${b}`).toBeGreaterThanOrEqual(0);
          expect(r, `${a}, ${b}`).toBeLessThanOrEqual(PLOT);
        }
        const [p, q] = s as [[number, number, number], [number, number, number]];
        expect(p[2] !== q[2] || p[1] <= q[0] || q[1] <= p[0], `${a}, ${b}`).toBe(true);
      }
  });
});
