/**
 * `buildReport(results, opts)` → one self-contained HTML page: inline CSS, SVG and one small script, no
 * fonts, scripts or images from elsewhere (a Content-Security-Policy forbids any network access), print
 * rules for PDF. Two editions: the full report and the council & community summary (summary-edition.ts).
 */
import type { ResultsFile } from '../model/results.js';
import { stratifierName } from './cells.js';
import { resetTableIds } from './html.js';
import { findingsSection, glanceSection } from './findings-section.js';
import { CARDS, findingsTable } from './findings-table.js';
import { glossarySection } from './glossary.js';
import { createLocale, esc, type Lang, type Locale } from './i18n.js';
import { localise, type LocalisedDefinition } from './localise.js';
import { measureSection } from './measure-section.js';
import { methodsSection } from './methods-section.js';
import { PAGE_SCRIPT } from './page-script.js';
import { footer, provenanceItems, syntheticBanner, type Provenance } from './provenance.js';
import { assertPublic } from './public-guard.js';
import { qualitySection } from './quality-section.js';
import { CSS } from './styles.js';
import { summaryAppendix } from './summary-block.js';
import { summaryEdition } from './summary-edition.js';
import { withheldNotice } from './withheld.js';
import { auditSection, type AuditFileLike } from './audit-section.js';
import { equityNav, equitySections } from './community-sections.js';
import type { EquityFiles } from './community-files.js';

export type Edition = 'full' | 'summary';

export interface ReportOptions {
  audience: 'internal' | 'public';
  lang: Lang;
  /** `full` (default): everything; `summary`: the council & community edition, at most 4 printed pages. */
  edition?: Edition;
  /** Measure definitions (from equilens.yaml) for the methods appendix; titles may be translated. */
  definitions?: readonly LocalisedDefinition[];
  /** Organisation, period, synthetic data, source file (shown on every page). */
  provenance?: Provenance;
  /** A model audit (audit.json from `equilens audit-model --out`) to add as a section. */
  audit?: AuditFileLike;
  /** Who we serve, payer mix, workforce (community.json, payer-mix.json, workforce[.public].json). */
  equity?: EquityFiles;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The page around the content: head, masthead with provenance, footer. */
export function page(
  loc: Locale,
  results: ResultsFile,
  opts: ReportOptions,
  body: { nav: string; main: string; edition: Edition },
): string {
  const t = (k: string): string => esc(loc.t(k));
  const prov = opts.provenance ?? {};
  const meta = provenanceItems(loc, results, prov)
    .map((s) => `<span>${s}</span>`)
    .join('');
  const title = body.edition === 'summary' ? t('title.summary') : t('title');
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Equilens ${esc(results.stamp.softwareVersion)}">
<title>${prov.organisation ? `${esc(prov.organisation)} — ` : ''}${title}</title>
<style>${CSS}</style>
<script>${PAGE_SCRIPT}</script>
</head>
<body class="edition-${body.edition}">
<header class="masthead"><div class="wrap"><p class="edition ${opts.audience}">${t(`edition.${opts.audience}`)}</p>${syntheticBanner(loc, prov)}<h1>${title}</h1><p class="meta">${meta}</p></div></header>
${body.nav}
<main class="wrap">
${body.main}
</main>
${footer(loc, results, prov, opts.audience)}
</body>
</html>
`;
}

function nav(loc: Locale, results: ResultsFile, extra: string[][] = []): string {
  const t = (k: string): string => esc(loc.t(k));
  const toc = [
    ['findings', t('findings')],
    ['quality', t('quality')],
    ...results.measures.map((m) => [`m-${m.id}`, esc(m.title)]),
    ...extra,
    ['appendix', t('appendix')],
    ['glossary', t('glossary')],
    ['methods', t('methods')],
  ]
    .map(([id, text]) => `<li><a href="#${esc(id!)}">${text}</a></li>`)
    .join('');
  const stratifiers = [...new Set(results.measures.flatMap((m) => m.strata.map((s) => s.stratifier)))];
  const option = (v: string, text: string): string => `<option value="${esc(v)}">${text}</option>`;
  const filter = `<form class="filter" role="search" aria-label="${t('filter')}"><label>${t('filter.measure')} <select id="f-measure">${option('', t('filter.all'))}${results.measures.map((m) => option(m.id, esc(m.title))).join('')}</select></label><label>${t('filter.stratifier')} <select id="f-stratifier">${option('', t('filter.all'))}${stratifiers
    .map((s) =>
      option(
        s,
        stratifierName(loc, s).replace(/^./, (c) => c.toUpperCase()),
      ),
    )
    .join('')}</select></label></form>`;
  return `<nav class="toc" aria-label="${t('toc')}"><div class="wrap"><ul>${toc}</ul>${filter}</div></nav>`;
}

export async function buildReport(raw: ResultsFile, opts: ReportOptions): Promise<string> {
  if (opts.audience === 'public') assertPublic(raw);
  const loc = createLocale(opts.lang);
  resetTableIds();
  const results = localise(raw, opts.lang, opts.definitions);
  const edition = opts.edition ?? 'full';
  if (edition === 'summary')
    return page(loc, results, opts, {
      edition,
      nav: '',
      main: await summaryEdition(loc, results, opts.definitions, {
        files: opts.equity,
        audience: opts.audience,
      }),
    });
  const measures: string[] = [];
  for (let mi = 0; mi < results.measures.length; mi++) measures.push(await measureSection(loc, results, mi));
  const equity = await equitySections(loc, results, opts);
  const main = [
    // The first CARDS findings as cards; all of them in one table (findings-table.ts).
    withheldNotice(
      loc,
      results,
      findingsSection(loc, { ...results, findings: results.findings.slice(0, CARDS) }),
    ).replace(/<\/section>$/, `${findingsTable(loc, results)}</section>`),
    glanceSection(loc, results),
    qualitySection(loc, results),
    measures.join('\n'),
    equity.html,
    summaryAppendix(loc, results, (mi) => results.measures[mi]!.title),
    opts.audit ? await auditSection(opts.audit) : '',
    glossarySection(loc),
    // The methods name each measure as the rest of the report does (in its language).
    equity.methods(
      methodsSection(
        loc,
        results,
        opts.definitions?.map((d) => {
          const m = results.measures.find((x) => x.id === d.id) as
            { title: string; description?: string } | undefined;
          return m ? { ...d, title: m.title, ...(m.description ? { description: m.description } : {}) } : d;
        }),
      ),
    ),
  ].join('\n');
  return page(loc, results, opts, { edition, nav: nav(loc, results, equityNav(loc, opts.equity)), main });
}
