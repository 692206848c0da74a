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

export interface MapOptions {
  title: string;
  /** Formats a value for titles and the legend (e.g. a percentage). */
  format: (v: number) => string;
  width?: number;
  height?: number;
}

const breaks = (values: number[]): number[] => {
  const v = [...values].sort((a, b) => a - b);
  return [1, 2, 3, 4].map((k) => v[Math.min(v.length - 1, Math.floor((k * v.length) / 5))]!);
};

type Shape = Feature<Geometry, { name?: string } | null>;

/** A county map: the areas on the Census county outlines, the other counties of their states faint behind. */
export function countyMapSvg(areas: readonly MapArea[], opts: MapOptions): string {
  const { counties } = countyShapes();
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
    features: drawn.map((a) => shapes.get(a.fips)!),
  };
  const projection = geoMercator().fitExtent(
    [
      [8, 40],
      [width - 8, height - 48],
    ],
    focus.features.length > 0 ? focus : { type: 'FeatureCollection', features: [...context] },
  );
  const path = geoPath(projection);
  const cuts = breaks(drawn.flatMap((a) => (a.value === null || a.suppressed ? [] : [a.value])));
  const colour = (v: number) => STEPS[cuts.filter((c) => v > c).length]!;
  const shape = (f: Shape) => path(f) ?? '';
  const faint = context.map((c) => `<path d="${shape(c)}" class="ctx"/>`).join('');
  const cells = drawn
    .map((a) => {
      const f = shapes.get(a.fips)!;
      const name = a.label ?? f.properties?.name ?? a.fips;
      const text = a.suppressed
        ? 'suppressed to protect privacy'
        : a.value === null
          ? 'no data'
          : opts.format(a.value);
      const fill = a.suppressed ? 'url(#hatch)' : a.value === null ? '#f0f0f0' : colour(a.value);
      const stroke = a.flagged ? ' class="flag"' : '';
      return `<path d="${shape(f)}" fill="${fill}"${stroke}><title>${esc(`${name}: ${text}${a.flagged ? ' (stands out)' : ''}`)}</title></path>`;
    })
    .join('');
  const legend = STEPS.map((c, i) => {
    const lo = i === 0 ? '' : opts.format(cuts[i - 1]!);
    return `<rect x="${8 + i * 64}" y="${height - 34}" width="64" height="12" fill="${c}"/><text x="${8 + i * 64}" y="${height - 10}">${esc(lo)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title">
<title id="map-title">${esc(opts.title)}</title>
<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>
<style>.ctx{fill:none;stroke:#d0d0d0;stroke-width:.5}path{stroke:#fff;stroke-width:.8}.flag{stroke:#000;stroke-width:2.5}text{font:12px system-ui,sans-serif;fill:#222}</style>
<text x="8" y="22" style="font-size:14px;font-weight:600">${esc(opts.title)}</text>
${faint}${cells}${legend}
<rect x="340" y="${height - 34}" width="14" height="12" fill="url(#hatch)"/><text x="358" y="${height - 24}">suppressed</text>
<rect x="440" y="${height - 34}" width="14" height="12" fill="none" stroke="#000" stroke-width="2.5"/><text x="458" y="${height - 24}">stands out</text>
</svg>`;
}
