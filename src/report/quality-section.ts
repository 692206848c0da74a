/** Data-quality caveats: how completely each REAL/SOGI/SDOH field is recorded (from `results.quality`). */
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
  const rows = q
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !absent.includes(r))
    .map(({ r, i }) => {
      const base = `quality.${i}`;
      const share = r.total > 0 ? r.known / r.total : null;
      const bar =
        share === null
          ? ''
          : `<span class="bar${share < LOW ? ' low' : ''}" aria-hidden="true"><span style="width:${(share * 100).toFixed(1)}%"></span></span>`;
      return [
        `${stratifierName(loc, r.field).replace(/^./, (c) => c.toUpperCase())}`,
        `${bar}${share === null ? '' : `<span class="n" data-field="${base}.known / ${base}.total" data-value="${share}" data-kind="pct">${esc(loc.format(share, 'pct'))}</span>`}${share !== null && share < LOW ? ` <span class="flag">${esc(loc.t('quality.low'))}</span>` : ''}`,
        loc.t('quality.knownOf', {
          known: num(loc, r.known, `${base}.known`, 'int'),
          total: num(loc, r.total, `${base}.total`, 'int'),
        }),
        num(loc, r.declined, `${base}.declined`, 'int'),
        num(loc, r.unknown, `${base}.unknown`, 'int'),
        num(loc, r.missing, `${base}.missing`, 'int'),
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
