/**
 * A county map as SVG: each area's value on a five-step sequential scale (colour-blind safe, with the value
 * in each area's title and in the table beside it), suppressed areas hatched and labelled "suppressed to
 * protect privacy", areas that stand out (false-discovery controlled) outlined thick. Counties of the states
 * involved are drawn faintly for context. Drawn with d3-geo on the Census boundaries used for county look-up.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { countyShapes } from './county-shapes.js';
import { esc } from './i18n.js';

export interface MapArea {
  fips: string;
  value: number | null;
  suppressed: boolean;
  /** Stands out against the reference (q below the false-discovery rate). */
  flagged: boolean;
  label?: string;
}

/** Five steps from light to dark (ColorBrewer YlGnBu, colour-blind safe). */
const STEPS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

/** The words drawn in a map, in the page's language (English by default). */
export interface MapWords {
  /** An area's title when suppressed. */
  suppressed: string;
  noData: string;
  standsOut: string;
  /** The legend's key for hatched areas. */
  suppressedKey: string;
}

const ENGLISH: MapWords = {
  suppressed: 'suppressed to protect privacy',
  noData: 'no data',
  standsOut: 'stands out',
  suppressedKey: 'suppressed',
};

export interface MapOptions {
  title: string;
  /** Formats a value for titles and the legend (e.g. a percentage). */
  format: (v: number) => string;
  width?: number;
  height?: number;
  words?: Partial<MapWords>;
  /** Prefix of the SVG's element ids: give each map on a page its own (default: "map-title", "hatch"). */
  id?: string;
  /** Draw the legend's keys for suppressed areas and areas that stand out (default true). */
  keys?: boolean;
  /** County maps: draw the other counties of the states faintly behind (default true). */
  context?: boolean;
  /** Four fixed cuts between the steps (e.g. an index's own scale), instead of the values' quintiles. */
  breaks?: readonly [number, number, number, number];
}

/**
 * Four cuts between the five steps (a value above a cut takes the next step): quintiles of the values,
 * placed so that the smallest value takes the lightest step and the largest the darkest, even for a few
 * areas (five areas: one a step).
 */
const breaks = (values: number[]): number[] => {
  const v = [...values].sort((a, b) => a - b);
  return [1, 2, 3, 4].map((k) => v[Math.floor((k * (v.length - 1)) / 5)] ?? 0);
};

type Shape = Feature<Geometry, { name?: string } | null>;

/** A county map: the areas on the Census county outlines, the other counties of their states faint behind. */
export function countyMapSvg(areas: readonly MapArea[], opts: MapOptions): string {
  const { counties } = countyShapes();
  if (opts.context === false) return areaMapSvg(areas, counties, opts);
  const states = new Set(areas.filter((a) => counties.has(a.fips)).map((a) => a.fips.slice(0, 2)));
  const context = [...counties].filter(([f]) => states.has(f.slice(0, 2))).map(([, c]) => c);
  return areaMapSvg(areas, counties, opts, context);
}

/**
 * A map of any areas (counties, tracts, ZIP areas) whose outlines are given by id; areas without an outline
 * are listed in the table only, never drawn. `context`: outlines drawn faintly behind (none by default).
 */
export function areaMapSvg(
  areas: readonly MapArea[],
  shapes: ReadonlyMap<string, Shape>,
  opts: MapOptions,
  context: readonly Shape[] = [],
): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 420;
  const drawn = areas.filter((a) => shapes.has(a.fips));
  const focus: FeatureCollection = {
    type: 'FeatureCollection',
    features: drawn.flatMap((a) => shapes.get(a.fips) ?? []),
  };
  const projection = geoMercator().fitExtent(
    [
      [8, 40],
      [width - 8, height - 48],
    ],
    focus.features.length > 0 ? focus : { type: 'FeatureCollection', features: [...context] },
  );
  const path = geoPath(projection);
  const cuts =
    opts.breaks ?? breaks(drawn.flatMap((a) => (a.value === null || a.suppressed ? [] : [a.value])));
  const ids = { title: `${opts.id ?? 'map'}-title`, hatch: opts.id ? `${opts.id}-hatch` : 'hatch' };
  const w: MapWords = { ...ENGLISH, ...opts.words };
  const shape = (f: Shape) => path(f) ?? '';
  const faint = context.map((c) => `<path d="${shape(c)}" class="ctx"/>`).join('');
  const cells = drawn.map((a) => areaPath(a, shapes, shape, cuts, opts, w, ids.hatch)).join('');
  const legend = STEPS.map((c, i) => {
    const lo = i === 0 ? '' : opts.format(cuts[i - 1] ?? 0);
    return `<rect x="${8 + i * 64}" y="${height - 34}" width="64" height="12" fill="${c}"/><text x="${8 + i * 64}" y="${height - 10}">${esc(lo)}</text>`;
  }).join('');
  const keys =
    opts.keys === false
      ? ''
      : `
<rect x="340" y="${height - 34}" width="14" height="12" fill="url(#${ids.hatch})"/><text x="358" y="${height - 24}">${esc(w.suppressedKey)}</text>
<rect x="440" y="${height - 34}" width="14" height="12" fill="none" stroke="#000" stroke-width="2.5"/><text x="458" y="${height - 24}">${esc(w.standsOut)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${ids.title}">
<title id="${ids.title}">${esc(opts.title)}</title>
<defs><pattern id="${ids.hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>
<style>.ctx{fill:none;stroke:#d0d0d0;stroke-width:.5}path{stroke:#fff;stroke-width:.8}.flag{stroke:#000;stroke-width:2.5}text{font:12px system-ui,sans-serif;fill:#222}</style>
<text x="8" y="22" style="font-size:14px;font-weight:600">${esc(opts.title)}</text>
${faint}${cells}${legend}${keys}
</svg>`;
}

/** One area's outline, filled by its step (hatched when suppressed), its value in its title. */
function areaPath(
  a: MapArea,
  shapes: ReadonlyMap<string, Shape>,
  shape: (f: Shape) => string,
  cuts: readonly number[],
  opts: MapOptions,
  w: MapWords,
  hatch: string,
): string {
  const f = shapes.get(a.fips);
  if (!f) return '';
  const name = a.label ?? f.properties?.name ?? a.fips;
  const text = a.suppressed ? w.suppressed : a.value === null ? w.noData : opts.format(a.value);
  const step = (v: number) => STEPS[cuts.filter((c) => v > c).length] ?? STEPS[STEPS.length - 1];
  const fill = a.suppressed ? `url(#${hatch})` : a.value === null ? '#f0f0f0' : step(a.value);
  const stroke = a.flagged ? ' class="flag"' : '';
  return `<path d="${shape(f)}" fill="${fill}"${stroke}><title>${esc(`${name}: ${text}${a.flagged ? ` (${w.standsOut})` : ''}`)}</title></path>`;
}
