/**
 * `equilens map`: a county map of a measure's rate by area from a results file (public or internal), with
 * suppressed areas hatched and areas that stand out outlined, and the CDC/ATSDR SVI beside it when given;
 * written as a self-contained HTML page (maps and their tables) or one SVG.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { sviAreas } from '../../community/index.js';
import { notFound } from '../../errors.js';
import { parseResults } from '../../model/parse-results.js';
import { countyMapSvg, type MapArea } from '../../report/map-chart.js';
import { mapAreas } from '../../report/map-areas.js';
import { esc } from '../../report/i18n.js';
import type { CliContext } from '../context.js';
import { readRecords } from '../community-input.js';
import { withExamples } from '../options.js';
import { readFileSync } from 'node:fs';

interface MapOptions {
  results: string;
  measure: string;
  svi?: string;
  out: string;
  format?: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function tableHtml(areas: readonly MapArea[], what: string): string {
  const rows = areas
    .map((a) => {
      const v = a.suppressed ? 'suppressed to protect privacy' : a.value === null ? 'no data' : pct(a.value);
      return `<tr><th scope="row">${esc(a.fips)}</th><td>${esc(v)}</td><td>${a.flagged ? 'stands out' : ''}</td></tr>`;
    })
    .join('');
  return `<table><caption>${esc(what)}</caption><thead><tr><th scope="col">County (FIPS)</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function mapCommand(ctx: CliContext): Command {
  const cmd = new Command('map')
    .description("county map of a measure's rate by area (suppressed areas hatched), with the SVI beside it")
    .requiredOption('--results <file>', 'results.json or results.public.json from equilens analyze')
    .requiredOption('--measure <id>', 'measure id')
    .option('--svi <file>', 'CDC/ATSDR SVI county file, drawn beside the measure')
    .option('-o, --out <file>', 'output file', 'map.html')
    .addOption(
      new Option('-f, --format <format>', 'html (maps and tables) or svg (the measure map only)')
        .choices(['html', 'svg'])
        .default('html'),
    )
    .action((opts: MapOptions) => {
      const file = resolve(ctx.io.cwd, opts.results);
      const results = parseResults(readFileSync(file, 'utf8'), opts.results);
      const areas = mapAreas(results, opts.measure);
      if (!areas)
        throw notFound(`The results have no county breakdown for measure "${opts.measure}".`, {
          file: opts.results,
          fix: 'Add county to analysis.stratifiers (and map county in the mapping), then analyse again.',
        });
      const title = `${results.measures.find((m) => m.id === opts.measure)?.title ?? opts.measure} by county`;
      const svg = countyMapSvg(areas, { title, format: pct });
      const out = resolve(ctx.io.cwd, opts.out);
      if (opts.format === 'svg') {
        writeFileSync(out, svg);
      } else {
        const parts = [`<figure>${svg}<figcaption>${tableHtml(areas, title)}</figcaption></figure>`];
        if (opts.svi) {
          const svi = sviAreas(readRecords(opts.svi, ctx.io.cwd)).svi;
          const sviList: MapArea[] = areas.map((a) => ({
            fips: a.fips,
            value: svi.get(a.fips) ?? null,
            suppressed: false,
            flagged: false,
          }));
          const sviTitle = 'Social Vulnerability Index (overall percentile)';
          parts.push(
            `<figure>${countyMapSvg(sviList, { title: sviTitle, format: (v) => v.toFixed(2) })}<figcaption>${tableHtml(sviList, sviTitle)}</figcaption></figure>`,
          );
        }
        writeFileSync(
          out,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>body{font:16px system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}svg{max-width:100%;height:auto}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head><body><main><h1>${esc(title)}</h1>${parts.join('')}</main></body></html>\n`,
        );
      }
      ctx.io.out(`${out}\n`);
    });
  return withExamples(
    cmd,
    'equilens map --results out/results.public.json --measure readmit30',
    'equilens map --results out/results.json --measure readmit30 --svi SVI2020_US_COUNTY.csv.gz --out map.html',
  );
}
