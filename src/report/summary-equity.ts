/**
 * The summary edition's "Who we serve / payer mix / workforce" block (issue #16): one sentence each, from
 * the equity files beside the results when they are there — the system's payer-mix figure, the largest
 * difference between the patients' and the community's mix (whole system), and the adjusted pay gaps that
 * stand out (q ≤ 0.05). Numbers are marked with their path in the file, as in the full report's sections.
 * A public summary shows the public view of the files, after the public guard has checked it.
 */
import type { ResultsFile } from '../model/results.js';
import { PUBLIC_MINIMUM } from '../suppression/index.js';
import { publicEquity, type EquityFiles } from './community-files.js';
import { name, shown, withInterval, type CommunityFileLike } from './community-section.js';
import { interval, num } from './html.js';
import { esc, type Locale } from './i18n.js';
import type { PayerMixFileLike } from './payer-mix-section.js';
import { assertPublicEquity } from './public-guard.js';
import type { WorkforceFileLike } from './workforce-section.js';

function payerLine(loc: Locale, file: PayerMixFileLike): string {
  const s = file.system;
  const groups = (s.community_groups ?? []).map((g) => loc.label(g)).join(loc.t('eq.and'));
  return loc.t('eq.payer.system', {
    groups: groups || loc.label('medicaid') + loc.t('eq.and') + loc.label('uninsured'),
    patients: shown(loc, s.suppressed, s.patients_share, 'payerMix.system.patients_share', 'pct'),
    community: num(loc, s.community_share, 'payerMix.system.community_share', 'pct'),
    difference: withInterval(loc, s, 'payerMix.system'),
  });
}

/** The whole system's group whose share differs most from the community's (a shown difference only). */
function communityLine(loc: Locale, file: CommunityFileLike): string {
  const best = file.comparison
    .map((r, i) => ({ r, i, d: r.difference }))
    .filter((x): x is typeof x & { d: number } => !x.r.facet && !x.r.suppressed && x.d !== null)
    .sort((a, b) => Math.abs(b.d) - Math.abs(a.d) || a.i - b.i)[0];
  if (!best) return '';
  const base = `community.comparison.${best.i}`;
  return loc.t('summary.eq.community', {
    group: `${loc.label(best.r.group)} (${name(loc, best.r.attribute)})`,
    patients: num(loc, best.r.patients_share, `${base}.patients_share`, 'pct'),
    community: num(loc, best.r.community_share, `${base}.community_share`, 'pct'),
    difference: withInterval(loc, best.r, base),
  });
}

function workforceLine(loc: Locale, file: WorkforceFileLike): string {
  const gaps = file.pay_gap
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.adjusted !== null && r.q_value !== null && r.q_value <= 0.05)
    .map(({ r, i }) =>
      loc.t('eq.workforce.gap', {
        group: r.group
          .split(' × ')
          .map((g) => loc.label(g))
          .join(' × '),
        reference: loc.label(r.reference),
        gap: num(loc, r.adjusted, `workforce.pay_gap.${i}.adjusted`, 'pct'),
        interval: interval(loc, r.lower, r.upper, `workforce.pay_gap.${i}`, 'pct'),
      }),
    );
  return gaps.length ? gaps.join(' ') : file.pay_gap.length ? esc(loc.t('eq.workforce.noGap')) : '';
}

/** The files as this edition may show them: the public view (checked) in a public summary. */
function visible(results: ResultsFile, files: EquityFiles, audience: string): EquityFiles {
  if (audience !== 'public') return files;
  const threshold = Math.max(PUBLIC_MINIMUM, results.settings.suppressionThreshold);
  const out = publicEquity(files, threshold);
  assertPublicEquity(out, threshold);
  return out;
}

export function summaryEquity(
  loc: Locale,
  results: ResultsFile,
  equity: EquityFiles | undefined,
  audience: string,
): string {
  if (!equity || !Object.keys(equity).length) return '';
  const files = visible(results, equity, audience);
  const items = [
    files.community ? ['eq.community.title', communityLine(loc, files.community)] : [],
    files.payerMix ? ['eq.payer.title', payerLine(loc, files.payerMix)] : [],
    files.workforce ? ['eq.workforce.title', workforceLine(loc, files.workforce)] : [],
  ]
    .filter((x): x is [string, string] => x.length === 2 && x[1] !== '')
    .map(([k, text]) => `<div><dt>${esc(loc.t(k))}</dt><dd>${text}</dd></div>`)
    .join('');
  return items
    ? `<section id="equity-summary" aria-labelledby="equity-summary-h"><h2 id="equity-summary-h">${esc(loc.t('summary.eq.title'))}</h2><dl class="glossary">${items}</dl></section>`
    : '';
}
