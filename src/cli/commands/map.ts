/**
 * `equilens map`: a map of a measure's rate by county (Census outlines built in), or by tract or ZIP area
 * (outlines given with --boundaries), from a results file (public or internal), with suppressed areas hatched
 * and areas that stand out outlined, and the CDC/ATSDR SVI beside it when given; written as a self-contained
 * HTML page (maps and their tables) or one SVG.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { sviAreas } from '../../community/index.js';
import { notFound, usageError } from '../../errors.js';
import { parseResults } from '../../model/parse-results.js';
import { parseAreaShapes } from '../../report/area-shapes.js';
import {
  areaMapSvg,
  countyMapSvg,
  type MapArea,
  type MapOptions as ChartOptions,
} from '../../report/map-chart.js';
import { MAP_LEVELS, mapAreas, type MapLevel } from '../../report/map-areas.js';
import { esc } from '../../report/i18n.js';
import { SVI_BREAKS } from '../../report/equity-map-section.js';
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
  level: MapLevel;
  boundaries?: string;
  idProperty?: string;
}

const LEVEL_NAME: Record<MapLevel, string> = { county: 'county', tract: 'census tract', zip: 'ZIP area' };

/** The drawing function for the level: counties on the built-in outlines, others on --boundaries. */
function drawer(ctx: CliContext, opts: MapOptions): (areas: readonly MapArea[], o: ChartOptions) => string {
  if (!opts.boundaries) {
    if (opts.level !== 'county')
      throw usageError(`A ${LEVEL_NAME[opts.level]} map needs the areas' outlines.`, {
        fix: `Add --boundaries FILE: a GeoJSON or TopoJSON file of the ${LEVEL_NAME[opts.level]}s (e.g. the Census cartographic boundary file converted with mapshaper), ids in --id-property (default GEOID).`,
      });
    return countyMapSvg;
  }
  const file = resolve(ctx.io.cwd, opts.boundaries);
  const shapes = parseAreaShapes(readFileSync(file, 'utf8'), {
    file: opts.boundaries,
    ...(opts.idProperty ? { idProperty: opts.idProperty } : {}),
  });
  return (areas, o) => areaMapSvg(areas, shapes, o);
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function tableHtml(areas: readonly MapArea[], what: string, level: MapLevel): string {
  const head = level === 'county' ? 'County (FIPS)' : level === 'tract' ? 'Census tract (GEOID)' : 'ZIP area';
  const rows = areas
    .map((a) => {
      const v = a.suppressed ? 'suppressed to protect privacy' : a.value === null ? 'no data' : pct(a.value);
      return `<tr><th scope="row">${esc(a.fips)}</th><td>${esc(v)}</td><td>${a.flagged ? 'stands out' : ''}</td></tr>`;
    })
    .join('');
  return `<table><caption>${esc(what)}</caption><thead><tr><th scope="col">${esc(head)}</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function mapCommand(ctx: CliContext): Command {
  const cmd = new Command('map')
    .description(
      "map of a measure's rate by county, tract or ZIP area (suppressed areas hatched), with the SVI beside it",
    )
    .requiredOption('--results <file>', 'results.json or results.public.json from equilens analyze')
    .requiredOption('--measure <id>', 'measure id')
    .option('--svi <file>', 'CDC/ATSDR SVI county or tract file, drawn beside the measure')
    .addOption(new Option('--level <level>', 'areas to map').choices([...MAP_LEVELS]).default('county'))
    .option('--boundaries <file>', 'outlines of the areas (GeoJSON or TopoJSON); needed for tract and zip')
    .option('--id-property <name>', "the boundaries' property holding each area's id", 'GEOID')
    .option('-o, --out <file>', 'output file', 'map.html')
    .addOption(
      new Option('-f, --format <format>', 'html (maps and tables) or svg (the measure map only)')
        .choices(['html', 'svg'])
        .default('html'),
    )
    .action((opts: MapOptions) => {
      const file = resolve(ctx.io.cwd, opts.results);
      const results = parseResults(readFileSync(file, 'utf8'), opts.results);
      const areas = mapAreas(results, opts.measure, 0.05, opts.level);
      const level = LEVEL_NAME[opts.level];
      if (!areas)
        throw notFound(`The results have no ${level} breakdown for measure "${opts.measure}".`, {
          file: opts.results,
          fix: `Add ${opts.level} to analysis.stratifiers (and map ${opts.level} in the mapping), then analyse again.`,
        });
      const draw = drawer(ctx, opts);
      const title = `${results.measures.find((m) => m.id === opts.measure)?.title ?? opts.measure} by ${level}`;
      const svg = draw(areas, { title, format: pct });
      const out = resolve(ctx.io.cwd, opts.out);
      if (opts.format === 'svg') {
        writeFileSync(out, svg);
      } else {
        const parts = [
          `<figure>${svg}<figcaption>${tableHtml(areas, title, opts.level)}</figcaption></figure>`,
        ];
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
            `<figure>${draw(sviList, { title: sviTitle, format: (v) => v.toFixed(2), breaks: SVI_BREAKS, id: 'svi-map' })}<figcaption>${tableHtml(sviList, sviTitle, opts.level)}</figcaption></figure>`,
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
    'equilens map --results out/results.public.json --measure readmit30 --level tract --boundaries tracts.geojson',
  );
}
