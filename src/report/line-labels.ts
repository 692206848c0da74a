/**
 * Labels of the vertical lines of the rate chart (the reference and the overall rate), above the plot:
 * each beside its line — the left line's to its left and the right line's to its right when there is room
 * — and never off the plot (which would make the chart shrink it) nor over the other label: when the two
 * would meet, the second goes on a row above.
 */
export { textWidth } from './text-width.js';

export interface LinePlace {
  align: 'left' | 'right';
  dx: number;
  /** 0: just above the plot; 1: the row above that. */
  row: 0 | 1;
}

const GAP = 3;

/** `lines`: each line's x in the plot (0 to `plot` px) and its label's width; the places in the same order. */
export function placeLineLabels(lines: readonly { x: number; width: number }[], plot: number): LinePlace[] {
  const order = lines.map((_, i) => i).sort((a, b) => lines[a]!.x - lines[b]!.x || a - b);
  const spans: [number, number][] = [];
  const places: LinePlace[] = [];
  order.forEach((i, k) => {
    const { x, width } = lines[i]!;
    const left: [number, number] = [x - GAP - width, x - GAP];
    const right: [number, number] = [x + GAP, x + GAP + width];
    const fitsLeft = left[0] >= 0;
    const fitsRight = right[1] <= plot;
    // The leftmost of two prefers its left side; a single line or the right one prefers its right side.
    const preferLeft = order.length > 1 && k === 0;
    const useLeft = preferLeft
      ? fitsLeft || (!fitsRight && x > plot - x)
      : !fitsRight && (fitsLeft || x > plot - x);
    const span = useLeft ? left : right;
    const meets = spans.some(([a, b]) => span[0] < b + GAP && a < span[1] + GAP);
    spans.push(span);
    places[i] = { align: useLeft ? 'right' : 'left', dx: useLeft ? -GAP : GAP, row: meets ? 1 : 0 };
  });
  return places;
}
