/**
 * Where the numbers come from, on every page: the organisation, the measurement period, the dates the data
 * covers, the dataset version and the file the numbers are read from; and a banner when the data is
 * synthetic. In print the running line repeats at the foot of every page (a fixed element).
 */
import type { ResultsFile } from '../model/results.js';
import { num } from './html.js';
import { esc, type Locale } from './i18n.js';

export interface Provenance {
  /** The organisation the report is about (config `project.organisation`). */
  organisation?: string;
  /** The measurement period (config `project.period`), both dates inclusive, YYYY-MM-DD. */
  period?: { start: string; end: string };
  /** The data was generated (`equilens demo`/`synth`, or config `project.synthetic: true`). */
  synthetic?: boolean;
  /** Name of the results file the numbers come from (e.g. results.public.json). */
  source?: string;
}

/** The first and last period the results have a trend point for ("2023-Q1" … "2024-Q4"), if any. */
export function dataRange(results: ResultsFile): { first: string; last: string } | null {
  const periods = new Set<string>();
  for (const m of results.measures) for (const p of m.trend ?? []) periods.add(p.period);
  if (periods.size === 0)
    for (const m of results.measures)
      for (const s of m.strata)
        for (const g of s.trend?.groups ?? []) for (const p of g.points) periods.add(p.period);
  const sorted = [...periods].sort();
  return sorted.length ? { first: sorted[0]!, last: sorted[sorted.length - 1]! } : null;
}

const day = (loc: Locale, d: string): string => esc(loc.format(`${d}T12:00:00Z`, 'date'));

/** The provenance facts as short phrases (HTML). */
export function provenanceItems(loc: Locale, results: ResultsFile, p: Provenance): string[] {
  const st = results.stamp;
  const range = dataRange(results);
  return [
    p.organisation ? `<strong>${esc(p.organisation)}</strong>` : '',
    p.period ? loc.t('prov.period', { start: day(loc, p.period.start), end: day(loc, p.period.end) }) : '',
    range ? loc.t('prov.data', { first: esc(range.first), last: esc(range.last) }) : '',
    loc.t('meta.dataset', { version: num(loc, st.dataset.version, 'stamp.dataset.version', 'int') }),
    loc.t('meta.generated', { date: num(loc, st.generatedAt, 'stamp.generatedAt', 'date') }),
  ].filter(Boolean);
}

export function syntheticBanner(loc: Locale, p: Provenance): string {
  return p.synthetic
    ? `<p class="synthetic" role="note"><strong>${esc(loc.t('synthetic.title'))}</strong> ${esc(loc.t('synthetic.text'))}</p>`
    : '';
}

/** The footer: what the report is, where its numbers come from, and (in print) a line on every page. */
export function footer(loc: Locale, results: ResultsFile, p: Provenance, audience: string): string {
  const source = p.source ?? (audience === 'public' ? 'results.public.json' : 'results.json');
  const items = provenanceItems(loc, results, p);
  const runner = [p.synthetic ? esc(loc.t('synthetic.title')) : '', ...items].filter(Boolean).join(' · ');
  return `<footer><div class="wrap"><p>${loc.t('footer.source', { file: `<code>${esc(source)}</code>` })}</p><p class="prov">${items.join(' · ')}</p></div></footer><div class="runner" aria-hidden="true">${runner} · ${esc(loc.t(`edition.short.${audience}`))}</div>`;
}
