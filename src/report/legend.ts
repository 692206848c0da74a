/** HTML keys for the charts: shapes drawn inline (decorative) next to words, so a key never relies on colour. */
import { esc, type Locale } from './i18n.js';
import { PALETTE } from './render-svg.js';

const shape = (d: string, fill: string): string =>
  `<svg class="key-shape" width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" focusable="false">${d.replace('FILL', fill)}</svg>`;
const SHAPES = {
  worse: shape('<path d="M0,-6L6,5H-6Z" fill="FILL"/>', PALETTE.worse),
  better: shape('<rect x="-5" y="-5" width="10" height="10" fill="FILL"/>', PALETTE.better),
  no_detectable_difference: shape('<circle r="5" fill="FILL"/>', PALETTE.same),
  reference: shape('<path d="M0,-6L6,0L0,6L-6,0Z" fill="FILL"/>', PALETTE.reference),
  ci: shape('<line x1="-7" x2="7" stroke="#9AA0A6" stroke-width="3"/>', ''),
  refLine: shape('<line y1="-7" y2="7" stroke="#111" stroke-width="1.5" stroke-dasharray="3 2"/>', ''),
  overallLine: shape('<line y1="-7" y2="7" stroke="#5F6368" stroke-width="1.5" stroke-dasharray="1 2"/>', ''),
  point: shape('<circle r="4" fill="FILL"/>', PALETTE.ink),
  signal: shape('<path d="M0,-6L6,5H-6Z" fill="FILL"/>', PALETTE.worse),
};

/** `html` is already escaped. */
const item = (svg: string, html: string): string => `<li>${svg}<span>${html}</span></li>`;

export function rateLegend(loc: Locale, level: string, hasRef: boolean, hasOverall: boolean): string {
  return `<ul class="key" aria-label="${esc(loc.t('legend.key'))}">${[
    item(SHAPES.worse, esc(loc.t('label.worse'))),
    item(SHAPES.better, esc(loc.t('label.better'))),
    item(SHAPES.no_detectable_difference, esc(loc.t('label.no_detectable_difference'))),
    item(SHAPES.reference, esc(loc.t('label.reference'))),
    item(SHAPES.ci, loc.t('legend.ci', { level })),
    hasRef ? item(SHAPES.refLine, esc(loc.t('legend.refLine'))) : '',
    hasOverall ? item(SHAPES.overallLine, esc(loc.t('legend.overallLine'))) : '',
  ].join('')}</ul>`;
}

export function gapLegend(loc: Locale): string {
  return `<ul class="key" aria-label="${esc(loc.t('legend.key'))}">${item(SHAPES.point, esc(loc.t('legend.point')))}${item(SHAPES.signal, esc(loc.t('legend.signal')))}</ul>`;
}

/** The small shape shown beside a group's assessment in tables. */
export function labelShape(label: string): string {
  return (SHAPES as Record<string, string>)[label] ?? '';
}

const ABBR: Record<string, string> = {
  worse: 'w',
  better: 'b',
  no_detectable_difference: 'n',
  reference: 'r',
  not_assessed: 'x',
};

/** A group's assessment in a table: words, with the chart's shape drawn by CSS (`.a-worse::before` …). */
export function assess(loc: Locale, label: string): string {
  return `<span class="assess a-${ABBR[label] ?? 'x'}">${esc(loc.t(`label.${label}`))}</span>`;
}

/** Key of the rate-over-time chart: line styles, in words. */
export function trendLegend(loc: Locale): string {
  const line = (stroke: string, dash: string, width: number): string =>
    shape(
      `<line x1="-7" x2="7" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      '',
    );
  return `<ul class="key" aria-label="${esc(loc.t('legend.key'))}">${[
    item(line(PALETTE.reference, '3 2', 2), esc(loc.t('legend.trend.ref'))),
    item(line(PALETTE.worse, '', 2.5), esc(loc.t('legend.trend.focus'))),
    item(line(PALETTE.muted, '', 1.5), esc(loc.t('legend.trend.other'))),
  ].join('')}</ul>`;
}

/** Suppressed and no-data rows, in words (the public edition's charts and tables use both). */
export function absentLegend(loc: Locale): string {
  return `<ul class="key" aria-label="${esc(loc.t('legend.key'))}"><li><em class="suppressed">${esc(loc.t('suppressed'))}</em><span>${esc(loc.t('legend.suppressed'))}</span></li><li><em class="nodata">${esc(loc.t('noData'))}</em><span>${esc(loc.t('legend.noData'))}</span></li></ul>`;
}
