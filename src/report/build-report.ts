import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EquilensError } from '../errors.js';
import type { GroupResult, ResultsFile } from '../model/results.js';
import { rateChartSvg } from './rate-chart.js';
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };

export type Lang = 'en' | 'es';
export interface ReportOptions {
  audience: 'internal' | 'public';
  lang: Lang;
  now?: Date;
}
const catalogues: Record<Lang, Record<string, string>> = { en, es };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const msg = catalogues[lang][key] ?? key;
  return msg.replace(/\{(\w+)\}/g, (_, k: string) => esc(String(vars[k] ?? '')));
}

/** Refuse to build a public report from data that is not suppressed. */
export function assertPublic(results: ResultsFile): void {
  const fix = 'Run `equilens analyze --public` and report from results.public.json.';
  if (results.stamp.audience !== 'public') {
    throw new EquilensError('small_cell', 'A public report needs suppressed results.', { fix });
  }
  const min = results.settings.suppressionThreshold;
  const all: GroupResult[] = [
    ...results.measures.flatMap((m) => m.strata.flatMap((s) => s.groups)),
    ...results.intersections.flatMap((i) => i.groups),
  ];
  for (const g of all) {
    const small = [g.numerator, g.denominator].some((v) => v !== null && v < min);
    if (small && !g.suppressed) {
      throw new EquilensError('small_cell', `A count below ${min} is not suppressed.`, { fix });
    }
  }
}

export async function buildReport(results: ResultsFile, opts: ReportOptions): Promise<string> {
  if (opts.audience === 'public') assertPublic(results);
  const { lang } = opts;
  const pct = new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const fmt = (v: number | null, field: string): string =>
    v === null
      ? esc(t(lang, 'noData'))
      : `<span data-field="${field}" data-value="${v}">${pct.format(v)}</span>`;
  const titles = new Map(results.measures.map((m) => [m.id, m.title]));
  const findings = results.findings
    .map(
      (f, i) =>
        `<li>${t(lang, (f.rate ?? 0) >= (f.comparisonRate ?? 0) ? 'finding' : 'findingLower', {
          group: Object.values(f.values).join(', '),
          rate: '\u0000r',
          comparisonRate: '\u0000c',
          comparison: f.comparison,
          measure: titles.get(f.measure) ?? f.measure,
        })
          .replace('\u0000r', fmt(f.rate, `findings.${i}.rate`))
          .replace('\u0000c', fmt(f.comparisonRate, `findings.${i}.comparisonRate`))}${
          f.excessEvents !== null && f.excessEvents > 0
            ? ' ' +
              t(lang, 'excess', { excess: '\u0000e' }).replace(
                '\u0000e',
                `<span data-field="findings.${i}.excessEvents" data-value="${f.excessEvents}">${new Intl.NumberFormat(lang).format(Math.round(f.excessEvents))}</span>`,
              )
            : ''
        }${
          f.gapDirection && f.gapDirection !== 'not_assessed' && f.periods
            ? ' ' + t(lang, `trend_${f.gapDirection}`, { periods: f.periods })
            : ''
        }</li>`,
    )
    .join('');
  const threshold = results.settings.suppressionThreshold;
  const charts = await Promise.all(
    results.measures.map((m) =>
      Promise.all(
        m.strata.map((s) => rateChartSvg(s, `${m.title}: ${s.stratifier}`, `${s.reference ?? ''} ★`)),
      ),
    ),
  );
  const measures = results.measures
    .map((m, mi) => {
      const tables = m.strata
        .map((s, si) => {
          const rows = s.groups
            .map((g, gi) => {
              const base = `measures.${mi}.strata.${si}.groups.${gi}`;
              const cell = g.suppressed
                ? `<em class="suppressed">${t(lang, 'suppressed', { threshold })}</em>`
                : `${fmt(g.rate, `${base}.rate`)} (${fmt(g.lower, `${base}.lower`)}–${fmt(g.upper, `${base}.upper`)})`;
              return `<tr><th scope="row">${esc(g.group)}</th><td>${cell}</td></tr>`;
            })
            .join('');
          return `<figure>${charts[mi]?.[si] ?? ''}</figure><details><summary>${t(lang, 'showData')}</summary><table><caption>${esc(m.title)} — ${esc(s.stratifier)}</caption><thead><tr><th scope="col">${t(lang, 'group')}</th><th scope="col">${t(lang, 'rate')}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
        })
        .join('');
      return `<section class="measure"><h2>${esc(m.title)}</h2>${tables}</section>`;
    })
    .join('');
  const quality = (results.quality ?? [])
    .map((q) =>
      q.total > 0
        ? `<li>${t(lang, 'qualityLine', { field: q.field, pct: pct.format(q.known / q.total), declined: q.declined, missing: q.missing })}</li>`
        : '',
    )
    .join('');
  const qualitySection = quality
    ? `<section><h2>${t(lang, 'quality')}</h2><ul>${quality}</ul></section>`
    : '';
  const s = results.stamp;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t(lang, 'title')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;color:#222}table{border-collapse:collapse}th,td{padding:.25rem .5rem;border-bottom:1px solid #ccc;text-align:left}.suppressed{color:#555}.measure{break-before:page}@media print{details{display:block}details>summary{display:none}a{color:inherit}}</style></head>
<body><main><h1>${t(lang, 'title')}</h1><section><h2>${t(lang, 'findings')}</h2>${findings ? `<ol>${findings}</ol>` : `<p>${t(lang, 'noFindings')}</p>`}</section>
${qualitySection}${measures}<section><h2>${t(lang, 'methods')}</h2><p>${t(lang, 'methodsText', { confidence: results.settings.confidence, dataset: s.dataset.version, configHash: s.configHash, version: s.softwareVersion })}</p></section></main></body></html>`;
}

/** Write report.html. Accepts results or a path to results.json (the demo passes `{results: path, out}`). */
export async function writeReport(opts: {
  results: ResultsFile | string;
  out: string;
  audience?: 'internal' | 'public';
  lang?: Lang;
  now?: Date;
}): Promise<string> {
  const results =
    typeof opts.results === 'string'
      ? (JSON.parse(readFileSync(opts.results, 'utf8')) as ResultsFile)
      : opts.results;
  const html = await buildReport(results, {
    audience: opts.audience ?? 'internal',
    lang: opts.lang ?? 'en',
    ...(opts.now ? { now: opts.now } : {}),
  });
  mkdirSync(opts.out, { recursive: true });
  const file = join(opts.out, 'report.html');
  writeFileSync(file, html);
  return file;
}
