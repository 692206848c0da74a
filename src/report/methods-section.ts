/** The methods appendix: formulas, reference groups, thresholds and provenance (dataset, config, software). */
import type { ResultsFile } from '../model/results.js';
import { num } from './html.js';
import { esc, type Locale } from './i18n.js';
import { stratifierName } from './cells.js';
import { DEFAULT_PROTECTION_WIDTH } from '../suppression/index.js';

/**
 * Measure definitions from the project config, when the caller has them (the CLI reads equilens.yaml).
 * Library measures have no numerator expression in the config: their plain-language definition travels in
 * results.json (`measures[].definition`, generated from the library) and is used instead.
 */
export interface MeasureDefinition {
  id: string;
  title?: string;
  description?: string;
  numerator?: string;
  denominator?: string;
  exclusions?: string;
  /** Numerator/denominator/exclusions are sentences, not expressions (shown as text, not code). */
  prose?: boolean;
}

/**
 * The config's definitions completed from results.json: a measure without a numerator expression (a
 * library measure) takes the definition the analysis carried, a measure without a description the one
 * results.json carries; measures defined only in the results (no config given) are added in results order.
 */
export function withResultDefinitions(
  definitions: readonly MeasureDefinition[],
  results: ResultsFile,
): MeasureDefinition[] {
  const fromResults = new Map<string, MeasureDefinition>();
  for (const m of results.measures) {
    // A custom measure's description travels in results.json too: the report describes it without a config.
    const description = (m as { description?: string }).description;
    const about = description ? { description } : {};
    if (m.definition)
      fromResults.set(m.id, { id: m.id, title: m.title, ...m.definition, ...about, prose: true });
    else if (description) fromResults.set(m.id, { id: m.id, title: m.title, description });
  }
  const out = definitions.map((d) => {
    const r = fromResults.get(d.id);
    // A library measure (no numerator expression) takes the library's words; the config's title wins.
    const base = r?.prose && !d.numerator ? { ...r, title: d.title ?? r.title } : d;
    const description = d.description ?? r?.description;
    return description ? { ...base, description } : base;
  });
  const seen = new Set(definitions.map((d) => d.id));
  for (const r of fromResults.values()) if (!seen.has(r.id)) out.push(r);
  return out;
}

const dl = (items: [string, string][]): string =>
  `<dl class="facts">${items.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;

/**
 * One measure's definition. A library measure's numerator and denominator are sentences: shown as they
 * are. A custom measure is described by its `description`; its expressions (`readmit30 = 'Y'`) are for
 * whoever checks the configuration, one click away. Without a description, the expressions are all there is.
 */
function definitionItem(loc: Locale, d: MeasureDefinition): string {
  const parts = (
    [
      ['methods.numerator', d.numerator],
      // An expression denominator of `true` (every row) says nothing a reader needs.
      ['methods.denominator', !d.prose && d.denominator?.trim() === 'true' ? undefined : d.denominator],
      ['methods.exclusions', d.exclusions],
    ] as [string, string | undefined][]
  )
    .filter((x): x is [string, string] => !!x[1])
    .map(([k, v]): [string, string] => [esc(loc.t(k)), d.prose ? esc(v) : `<code>${esc(v)}</code>`]);
  const head = `<strong>${esc(d.title ?? d.id)}</strong>${d.description ? ` — ${esc(d.description)}` : ''}`;
  if (parts.length === 0) return `<li>${head}</li>`;
  if (d.prose || !d.description) return `<li>${head}${dl(parts)}</li>`;
  return `<li>${head}<details class="data"><summary>${esc(loc.t('methods.expressions'))}</summary>${dl(parts)}</details></li>`;
}

/** Warnings recorded by the analysis (run-level and per measure), de-duplicated by message. */
function warningsBlock(loc: Locale, results: ResultsFile): string {
  const all = [
    ...results.warnings,
    ...results.measures.flatMap((m) => [
      ...m.warnings,
      ...m.strata.filter((s) => !s.facet).flatMap((s) => s.warnings),
    ]),
  ];
  const messages = [...new Set(all.map((w) => w.message))].slice(0, 20);
  if (messages.length === 0) return '';
  return `<h3>${esc(loc.t('warnings'))}</h3><p>${esc(loc.t('warnings.lead'))}</p><ul class="warnings">${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`;
}

export function methodsSection(
  loc: Locale,
  results: ResultsFile,
  definitions: readonly MeasureDefinition[] = [],
): string {
  const s = results.settings;
  const level = num(loc, s.confidence, 'settings.confidence', 'pct0');
  const para = (h: string, text: string): string => `<h3>${esc(loc.t(h))}</h3><p>${text}</p>`;
  const refs = results.measures.flatMap((m) =>
    m.strata.map((st) =>
      st.reference && !st.facet
        ? `<li>${esc(m.title)} — ${stratifierName(loc, st.stratifier)}: ${loc.label(st.reference)} (${esc(loc.t(`rule.${st.referenceRule}`))})</li>`
        : '',
    ),
  );
  const defs = withResultDefinitions(definitions, results)
    .filter((d) => d.numerator || d.denominator || d.description)
    .map((d) => definitionItem(loc, d));
  const st = results.stamp;
  return `<section id="methods" class="methods" aria-labelledby="methods-h"><h2 id="methods-h">${esc(loc.t('methods'))}</h2><p class="lead">${esc(loc.t('methods.lead'))}</p>${[
    para('methods.rate', loc.t('methods.rate.text', { level })),
    results.measures.some((m) => m.kind === 'rate')
      ? para('methods.count', loc.t('methods.count.text', { level }))
      : '',
    para(
      'methods.difference',
      loc.t('methods.difference.text', { fdr: num(loc, s.fdr, 'settings.fdr', 'sig') }),
    ),
    para('methods.excess', esc(loc.t('methods.excess.text'))),
    `<h3>${esc(loc.t('methods.reference'))}</h3><details class="data"><summary>${esc(loc.t('methods.reference.show'))}</summary><ul class="refs">${refs.join('')}</ul></details>`,
    para('methods.trend', esc(loc.t('methods.trend.text'))),
    para('methods.summary', esc(loc.t('methods.summary.text'))),
    para(
      'methods.suppression',
      loc.t('methods.suppression.text', {
        threshold: num(loc, s.suppressionThreshold, 'settings.suppressionThreshold', 'int'),
      }),
    ),
    `<p>${esc(loc.t('methods.suppression.protection', { width: String(DEFAULT_PROTECTION_WIDTH) }))}</p>`,
    `<p>${esc(loc.t('methods.suppression.coarsened'))}</p>`,
    defs.length ? `<h3>${esc(loc.t('methods.definitions'))}</h3><ul class="defs">${defs.join('')}</ul>` : '',
    warningsBlock(loc, results),
    `<h3>${esc(loc.t('methods.provenance'))}</h3>`,
    dl([
      [
        esc(loc.t('methods.dataset')),
        `${num(loc, st.dataset.version, 'stamp.dataset.version', 'int')} <code>${esc(st.dataset.id)}</code>`,
      ],
      [esc(loc.t('methods.datasetRows')), num(loc, st.dataset.rows, 'stamp.dataset.rows', 'int')],
      [esc(loc.t('methods.configHash')), `<code>${esc(st.configHash)}</code>`],
      [esc(loc.t('methods.software')), `<code>${esc(st.softwareVersion)}</code>`],
      [esc(loc.t('methods.generated')), num(loc, st.generatedAt, 'stamp.generatedAt', 'date')],
      [esc(loc.t('methods.settings.confidence')), level],
      [esc(loc.t('methods.settings.fdr')), num(loc, s.fdr, 'settings.fdr', 'sig')],
      [
        esc(loc.t('methods.settings.threshold')),
        num(loc, s.suppressionThreshold, 'settings.suppressionThreshold', 'int'),
      ],
      [esc(loc.t('methods.settings.period')), esc(loc.t(`period.${s.period}`))],
    ]),
  ].join('')}</section>`;
}
