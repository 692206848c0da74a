/**
 * `buildReport(results, opts)` → one self-contained HTML page: inline CSS and SVG, no fonts, scripts or
 * images from elsewhere (a Content-Security-Policy forbids any network access), print rules for PDF.
 */
import type { ResultsFile } from '../model/results.js';
import { findingsSection, glanceSection } from './findings-section.js';
import { num } from './html.js';
import { createLocale, esc, type Lang } from './i18n.js';
import { measureSection } from './measure-section.js';
import { methodsSection, type MeasureDefinition } from './methods-section.js';
import { assertPublic } from './public-guard.js';
import { qualitySection } from './quality-section.js';
import { CSS } from './styles.js';

export interface ReportOptions {
  audience: 'internal' | 'public';
  lang: Lang;
  /** Measure definitions (from equilens.yaml) for the methods appendix. */
  definitions?: readonly MeasureDefinition[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
// Open every data table before printing, so the PDF carries the tables too.
const PRINT_SCRIPT =
  "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})})";

export async function buildReport(results: ResultsFile, opts: ReportOptions): Promise<string> {
  if (opts.audience === 'public') assertPublic(results);
  const loc = createLocale(opts.lang);
  const t = (k: string): string => esc(loc.t(k));
  const st = results.stamp;
  const measures: string[] = [];
  for (let mi = 0; mi < results.measures.length; mi++) measures.push(await measureSection(loc, results, mi));
  const toc = [
    ['findings', t('findings')],
    ['quality', t('quality')],
    ...results.measures.map((m) => [`m-${m.id}`, esc(m.title)]),
    ['methods', t('methods')],
  ]
    .map(([id, text]) => `<li><a href="#${esc(id!)}">${text}</a></li>`)
    .join('');
  const meta = [
    loc.t('meta.dataset', { version: num(loc, st.dataset.version, 'stamp.dataset.version', 'int') }),
    loc.tn('meta.rows', st.dataset.rows, { rows: num(loc, st.dataset.rows, 'stamp.dataset.rows', 'int') }),
    loc.t('meta.generated', { date: num(loc, st.generatedAt, 'stamp.generatedAt', 'date') }),
  ]
    .map((s) => `<span>${s}</span>`)
    .join('');
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Equilens ${esc(st.softwareVersion)}">
<title>${t('title')}</title>
<style>${CSS}</style>
<script>${PRINT_SCRIPT}</script>
</head>
<body>
<header class="masthead"><div class="wrap"><p class="edition ${opts.audience}">${t(`edition.${opts.audience}`)}</p><h1>${t('title')}</h1><p class="meta">${meta}</p></div></header>
<nav class="toc" aria-label="${t('toc')}"><div class="wrap"><ul>${toc}</ul></div></nav>
<main class="wrap">
${findingsSection(loc, results)}
${glanceSection(loc, results)}
${qualitySection(loc, results)}
${measures.join('\n')}
${methodsSection(loc, results, opts.definitions)}
</main>
<footer><div class="wrap">${t('footer')}</div></footer>
</body>
</html>
`;
}
