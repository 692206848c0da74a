/**
 * Text measured without a browser (charts are drawn at build time): Vega's own estimate of a label's
 * width when it has no canvas (0.8 em a character, vega-scenegraph textMetrics.estimateWidth), which is
 * what its layout and `limit` use, and words wrapped into lines that fit. The estimate is generous (real
 * text is narrower), so it only moves or wraps a label early; it never lets two labels overlap.
 */

/** Estimated width in px of `text` at `font` px, as Vega estimates it. */
export const textWidth = (text: string, font: number): number => Math.ceil(0.8 * [...text].length * font);

/** `text` in lines no wider than `width` px (a single word wider than that gets a line of its own). */
export function wrapText(text: string, width: number, font: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, font) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
