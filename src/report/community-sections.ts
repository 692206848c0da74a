/**
 * The equity sections of the full report (issue #16), in order: who we serve, payer mix, workforce; their
 * entries in the jump menu; their methods, appended to the methods section. A public report shows the
 * public view of the files (community-files.ts) and only after the public guard has checked it.
 */
import type { ResultsFile } from '../model/results.js';
import { PUBLIC_MINIMUM } from '../suppression/index.js';
import type { ReportOptions } from './build-report.js';
import { publicEquity, type EquityFiles } from './community-files.js';
import { communitySection } from './community-section.js';
import { equityMapBlock } from './equity-map-section.js';
import { esc, type Locale } from './i18n.js';
import { payerMixSection } from './payer-mix-section.js';
import { assertPublicEquity } from './public-guard.js';
import { workforceSection } from './workforce-section.js';

export function equityNav(loc: Locale, files: EquityFiles | undefined): string[][] {
  if (!files) return [];
  return [
    files.community ? ['community', esc(loc.t('eq.community.title'))] : [],
    files.payerMix ? ['payer-mix', esc(loc.t('eq.payer.title'))] : [],
    files.workforce ? ['workforce', esc(loc.t('eq.workforce.title'))] : [],
  ].filter((e) => e.length > 0);
}

/** The methods for the sections shown, as one block for the end of the methods section. */
function methods(loc: Locale, files: EquityFiles): string {
  const t = (k: string): string => esc(loc.t(k));
  const part = (on: unknown, key: string) => (on ? `<h3>${t(key)}</h3><p>${t(`${key}.text`)}</p>` : '');
  return [
    part(files.community, 'eq.methods.inclusivity'),
    part(files.community, 'eq.methods.comparison'),
    part(files.payerMix, 'eq.methods.payer'),
    part(files.workforce, 'eq.methods.workforce'),
    part(files.workforce && files.workforce.audience === 'public', 'eq.methods.workforcePublic'),
  ].join('');
}

export async function equitySections(
  loc: Locale,
  results: ResultsFile,
  opts: ReportOptions,
): Promise<{ html: string; methods: (section: string) => string }> {
  if (!opts.equity || !Object.keys(opts.equity).length) return { html: '', methods: (s) => s };
  let files = opts.equity;
  if (opts.audience === 'public') {
    const threshold = Math.max(PUBLIC_MINIMUM, results.settings.suppressionThreshold);
    files = publicEquity(files, threshold);
    assertPublicEquity(files, threshold);
  }
  const html = [
    files.community
      ? communitySection(loc, files.community, equityMapBlock(loc, results, files.community))
      : '',
    files.payerMix ? await payerMixSection(loc, files.payerMix) : '',
    files.workforce ? workforceSection(loc, files.workforce) : '',
  ].join('\n');
  // Closed, so the methods stay short; printing opens it.
  const block = `<details class="more"><summary>${esc(loc.t('eq.methods'))}</summary>${methods(loc, files)}</details>`;
  return { html, methods: (s) => s.replace(/<\/section>$/, `${block}</section>`) };
}
