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

/**
 * Charts are drawn for a phone: CHART_WIDTH wide (a 390 px screen has 366 px inside the page's margins),
 * FONT-px text, rows stacked (a group's name on its own line above its interval). They are shown at the
 * size they are drawn, never scaled: on a phone the chart fills the width, and on a desktop the panels are
 * columns of about the same width (styles.ts), so text is FONT px as drawn at 1280 and 390 px alike. Only
 * a narrower screen (320 px) scales a chart down, and text stays above 11 px there.
 */
export const CHART_WIDTH = 360;
export const FONT = 14;

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
      labelFontSize: FONT,
      titleFontSize: FONT,
      titleFontWeight: 600,
      gridColor: PALETTE.grid,
      domain: false,
      tickColor: PALETTE.grid,
    },
    legend: {
      labelFontSize: FONT,
      titleFontSize: FONT,
      symbolStrokeWidth: 1.5,
      orient: 'bottom',
      direction: 'horizontal',
    },
  };
}

/**
 * A much smaller file, drawn the same: coordinates to one decimal (a tenth of a pixel is below what a
 * screen shows), no per-text font (the page's CSS sets it for every chart), no default-valued attributes,
 * no Vega class names and no empty frames.
 */
const compact = (svg: string): string =>
  svg
    .replace(/ font-family="[^"]*"/g, '')
    .replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(
      / (?:pointer-events="none"|opacity="1"|class="[^"]*"|stroke-width="1"|stroke-dasharray=""|font-size="14px")/g,
      '',
    )
    // Empty and invisible frames (no fill, no stroke).
    .replace(
      /<path d="M0,0h0v0h0Z"\/>|<path d="" display="none"\/>|<path d="M0,0h[\d.]+v[\d.]+h-[\d.]+Z"\/>/g,
      '',
    )
    .replace(/<g transform="translate\(0,0\)">/g, '<g>')
    // Path data to whole pixels (lines and symbols; text positions keep a tenth).
    .replace(
      / d="([^"]*)"/g,
      (_: string, v: string) => ` d="${v.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n))))}"`,
    )
    .replace(/="([^"]*)"/g, (a: string, v: string) =>
      /\d\.\d\d/.test(v)
        ? `="${v.replace(/\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`
        : a,
    );

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
  return compact(svg).replace(
    /^<svg ([^>]*)>/,
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" $1><title id="${id}-title">${esc(a11y.title)}</title><desc id="${id}-desc">${esc(a11y.desc)}</desc>`,
  );
}
