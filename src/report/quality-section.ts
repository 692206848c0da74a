/**
 * Data-quality caveats: how completely each REAL/SOGI/SDOH field is recorded (from `results.quality`). In
 * the public edition a count may be withheld (null): it reads "fewer than 11" and the share is still shown
 * when the file gives it, so race, ethnicity and language completeness is never simply dropped.
 */
import type { ResultsFile } from '../model/results.js';
import { num, plain, table } from './html.js';
import { esc, type Locale } from './i18n.js';
import { stratifierName } from './cells.js';

const LOW = 0.8;

export function qualitySection(loc: Locale, results: ResultsFile): string {
  const q = results.quality ?? [];
  const head = `<h2 id="quality-h">${esc(loc.t('quality'))}</h2>`;
  if (q.length === 0)
    return `<section id="quality" aria-labelledby="quality-h">${head}<p>${esc(loc.t('quality.none'))}</p></section>`;
  // Fields nobody recorded are named in one sentence rather than shown as rows of zeros.
  const absent = q.filter((r) => r.total > 0 && r.known === 0);
  const threshold = results.settings.suppressionThreshold;
  const few = `<em class="suppressed">${esc(loc.t('quality.fewer', { n: loc.format(threshold, 'int') }))}</em>`;
  const count = (v: number | null | undefined, path: string): string =>
    v === null || v === undefined ? few : num(loc, v, path, 'int');
  const rows = q
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !absent.includes(r))
    .map(({ r, i }) => {
      const base = `quality.${i}`;
      const given = (r as { share?: number | null }).share;
      const share = r.known !== null && r.total !== null && r.total > 0 ? r.known / r.total : (given ?? null);
      const shareField =
        r.known !== null && r.total !== null ? `${base}.known / ${base}.total` : `${base}.share`;
      const bar =
        share === null
          ? ''
          : `<span class="bar${share < LOW ? ' low' : ''}" aria-hidden="true"><span style="width:${(share * 100).toFixed(1)}%"></span></span>`;
      return [
        `${stratifierName(loc, r.field).replace(/^./, (c) => c.toUpperCase())}`,
        `${bar}${share === null ? (r.known === null ? few : '') : `<data value="${share}" data-f="${shareField}" data-k="pct">${esc(loc.format(share, 'pct'))}</data>`}${share !== null && share < LOW ? ` <span class="flag">${esc(loc.t('quality.low'))}</span>` : ''}`,
        loc.t('quality.knownOf', {
          known: count(r.known, `${base}.known`),
          total: count(r.total, `${base}.total`),
        }),
        count(r.declined, `${base}.declined`),
        count(r.unknown, `${base}.unknown`),
        count(r.missing, `${base}.missing`),
      ];
    });
  return `<section id="quality" aria-labelledby="quality-h">${head}<p class="lead">${esc(loc.t('quality.lead'))}</p>${table(
    esc(loc.t('quality')),
    [
      'quality.field',
      'quality.share',
      'quality.known',
      'quality.declined',
      'quality.unknown',
      'quality.missing',
    ].map((k) => esc(loc.t(k))),
    rows,
    'quality',
    true,
  )}${
    absent.length
      ? `<p class="note">${esc(loc.t('quality.notRecorded', { fields: absent.map((r) => plain(stratifierName(loc, r.field))).join(', ') }))}</p>`
      : ''
  }</section>`;
}
