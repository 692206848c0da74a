/**
 * A lay glossary: the statistical words the report uses, in plain words. The terms where they appear
 * (table headings, reference lines, suppressed cells) link here (`term`).
 */
import { esc, type Locale } from './i18n.js';

export const TERMS = [
  'interval',
  'q',
  'ratio',
  'difference',
  'reference',
  'suppression',
  'unstable',
] as const;
export type Term = (typeof TERMS)[number];

/** A word linked to its glossary entry; `html` is already escaped. */
export const term = (id: Term, html: string): string => `<a class="term" href="#g-${id}">${html}</a>`;

export function glossarySection(loc: Locale): string {
  const items = TERMS.map(
    (id) =>
      `<div id="g-${id}"><dt>${esc(loc.t(`glossary.${id}.term`))}</dt><dd>${esc(loc.t(`glossary.${id}.text`))}</dd></div>`,
  ).join('');
  return `<section id="glossary" class="glossary" aria-labelledby="glossary-h"><h2 id="glossary-h">${esc(loc.t('glossary'))}</h2><dl class="glossary">${items}</dl></section>`;
}
