/**
 * Where the names at the end of the rate-over-time lines go (the reference and the followed group):
 * above or below their last point, in pixels of the plot, so that neither runs into the period labels
 * under the plot nor into the other name. The higher line's name goes above it, the lower one's below,
 * unless that would leave the plot; two names on the same side are stacked.
 */
export interface EndPlace {
  baseline: 'bottom' | 'top';
  dy: number;
}

/** Height of a line of text at `font` px (Chromium's box for system-ui is about 1.17 em). */
const lineHeight = (font: number): number => Math.ceil(font * 1.2);
const GAP = 6;

/**
 * `ends`: each name's last point as a pixel y in a plot `height` px high (0 at the top). Returns each
 * name's baseline and offset from its point, in the order given.
 */
export function placeEnds(ends: readonly number[], height: number, font: number): EndPlace[] {
  const h = lineHeight(font);
  // Box of a name above (bottom edge at y - GAP) or below (top edge at y + GAP) its point.
  const place = ends.map((y, i) => {
    const higher = ends.every((o, j) => j === i || y < o || (y === o && i < j));
    const fitsBelow = y + GAP + h <= height;
    return { y, above: higher || !fitsBelow, bottom: y - GAP };
  });
  // Names above their points, top to bottom: each one's box ends above the next one's top.
  const above = place.filter((p) => p.above).sort((a, b) => b.y - a.y);
  for (let k = 1; k < above.length; k++)
    above[k]!.bottom = Math.min(above[k]!.bottom, above[k - 1]!.bottom - h - 2);
  return place.map((p) =>
    p.above ? { baseline: 'bottom', dy: Math.round(p.bottom - p.y) } : { baseline: 'top', dy: GAP },
  );
}
