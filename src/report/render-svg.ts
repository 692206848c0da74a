/**
 * Vega-Lite → SVG at build time (headless, no DOM, no network), with a text alternative: the SVG gets
 * `role="img"`, a `<title>` and a `<desc>` it is labelled by, and Vega's own ARIA roles are removed (the
 * chart is one image; its data table sits beside it).
 */
import { logger, None, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { esc, type Lang } from './i18n.js';

/** Okabe–Ito colours (safe for the common colour-vision deficiencies); meaning is also carried by shape. */
export const PALETTE = {
  worse: '#D55E00',
  better: '#0072B2',
  same: '#5F6368',
  reference: '#111111',
  muted: '#9AA0A6',
  ink: '#1F2328',
  grid: '#E6E8EB',
} as const;

const LOCALES: Record<
  Lang,
  { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; percent?: string }
> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  es: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%' },
};

/** Shared look: system fonts (nothing to download), quiet axes, light grid. */
export function baseConfig(lang: Lang): Record<string, unknown> {
  return {
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    locale: { number: LOCALES[lang] },
    view: { stroke: null },
    background: null,
    aria: false,
    axis: {
      labelColor: PALETTE.ink,
      titleColor: PALETTE.ink,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 600,
      gridColor: PALETTE.grid,
      domain: false,
      tickColor: PALETTE.grid,
    },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      symbolStrokeWidth: 1.5,
      orient: 'bottom',
      direction: 'horizontal',
    },
  };
}

export async function renderSvg(
  spec: TopLevelSpec,
  a11y: { id: string; title: string; desc: string },
): Promise<string> {
  // Library code prints nothing: Vega-Lite's and Vega's own warnings are silenced.
  const quiet = logger(None);
  const view = new View(parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  const svg = await view.toSVG();
  view.finalize();
  const id = esc(a11y.id);
  return svg
    .replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(
      /^<svg ([^>]*)>/,
      `<svg role="img" aria-labelledby="${id}-title ${id}-desc" $1><title id="${id}-title">${esc(a11y.title)}</title><desc id="${id}-desc">${esc(a11y.desc)}</desc>`,
    );
}
