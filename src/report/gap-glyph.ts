/**
 * A small picture of one finding's gap for the front page: the comparison rate (black diamond, labelled
 * below) and the group's rate (triangle, labelled above) on a scale from 0, joined by a bar the length of
 * the gap. Decorative (`aria-hidden`): the sentence beside it says the same in words and numbers.
 */
import { esc, type Locale } from './i18n.js';
import { PALETTE } from './render-svg.js';
import type { MeasureScale } from './measure-scale.js';

const W = 210;
const H = 48;
const X0 = 10;
const X1 = W - 24;
const Y = 24;

export function gapGlyph(
  loc: Locale,
  rate: number | null,
  comparison: number | null,
  scale?: MeasureScale,
): string {
  if (rate === null || comparison === null) return '';
  const isRate = scale?.isRate === true;
  const kind = isRate ? 'rate' : 'pct';
  const top = Math.max(rate, comparison) * 1.15;
  const max = (isRate ? top : Math.min(1, top)) || 1;
  const x = (v: number): number => X0 + (v / max) * (X1 - X0);
  const [a, b] = [x(comparison), x(rate)];
  const f = (n: number): string => n.toFixed(1);
  const text = (px: number, y: number, s: string, fill: string, weight = 600): string =>
    `<text x="${f(px)}" y="${y}" text-anchor="middle" font-size="11" font-weight="${weight}" fill="${fill}">${esc(s)}</text>`;
  return `<svg class="glyph" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false"><line x1="${X0}" x2="${X1}" y1="${Y}" y2="${Y}" stroke="${PALETTE.grid}" stroke-width="6" stroke-linecap="round"/><line x1="${f(Math.min(a, b))}" x2="${f(Math.max(a, b))}" y1="${Y}" y2="${Y}" stroke="${PALETTE.worse}" stroke-width="6" opacity="0.35"/><path d="M${f(a)},${Y - 7}L${f(a + 7)},${Y}L${f(a)},${Y + 7}L${f(a - 7)},${Y}Z" fill="${PALETTE.reference}"/><path d="M${f(b)},${Y - 7}L${f(b + 7)},${Y + 6}H${f(b - 7)}Z" fill="${PALETTE.worse}"/>${text(b, 12, loc.format(rate, kind), PALETTE.worse)}${text(a, 45, loc.format(comparison, kind), PALETTE.reference, 400)}${text(X0, 45, isRate ? '0' : loc.format(0, 'pct0'), PALETTE.muted, 400)}</svg>`;
}
