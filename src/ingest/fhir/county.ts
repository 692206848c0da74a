/**
 * County (5-digit FIPS) from an address: by name (Address.district "Fresno County" + state), or from the
 * geolocation lat/lon by point-in-polygon on the Census county boundaries of the `us-atlas` package
 * (counties-10m.json, 1:10m cartographic boundaries) with topojson-client + d3-geo `geoContains`.
 * The boundaries are loaded once; each county's bounding box is checked before the exact test, and
 * answers are cached per point. A point just outside every (simplified) boundary — a coastal address —
 * takes the county found within ~8 km.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { fastContains, fastShape, type FastShape } from './county-shape.js';
import type { GeometryCollection, Topology } from 'topojson-specification';

interface County {
  fips: string;
  name: string;
  shape: Feature<Geometry>;
  box: [[number, number], [number, number]];
  /** Planar test that agrees with geoContains away from the boundary (county-shape.ts). */
  fast: FastShape | null;
}

const STATE_FIPS: Readonly<Record<string, string>> = {
  AL: '01',
  AK: '02',
  AZ: '04',
  AR: '05',
  CA: '06',
  CO: '08',
  CT: '09',
  DE: '10',
  DC: '11',
  FL: '12',
  GA: '13',
  HI: '15',
  ID: '16',
  IL: '17',
  IN: '18',
  IA: '19',
  KS: '20',
  KY: '21',
  LA: '22',
  ME: '23',
  MD: '24',
  MA: '25',
  MI: '26',
  MN: '27',
  MS: '28',
  MO: '29',
  MT: '30',
  NE: '31',
  NV: '32',
  NH: '33',
  NJ: '34',
  NM: '35',
  NY: '36',
  NC: '37',
  ND: '38',
  OH: '39',
  OK: '40',
  OR: '41',
  PA: '42',
  RI: '44',
  SC: '45',
  SD: '46',
  TN: '47',
  TX: '48',
  UT: '49',
  VT: '50',
  VA: '51',
  WA: '53',
  WV: '54',
  WI: '55',
  WY: '56',
  AS: '60',
  GU: '66',
  MP: '69',
  PR: '72',
  VI: '78',
};

let counties: County[] | undefined;
/** Counties by 1° grid cell of their bounding box, so a point is tested against a handful only. */
const grid = new Map<string, County[]>();
const cellKey = (lat: number, lon: number): string => `${Math.floor(lat)},${Math.floor(lon)}`;
let stateNames: Map<string, string> | undefined;

function load(): County[] {
  if (counties) return counties;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topology<{
    counties: GeometryCollection<{ name: string }>;
    states: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.counties);
  counties = fc.features.map((f) => ({
    fips: String(f.id).padStart(5, '0'),
    name: f.properties?.name ?? '',
    shape: f as Feature<Geometry>,
    box: geoBounds(f),
    fast: fastShape(f as Feature<Geometry>),
  }));
  for (const c of counties) {
    const [[w, s], [e, n]] = c.box;
    const east = w <= e ? e : e + 360; // boxes crossing the antimeridian
    for (let la = Math.floor(s); la <= Math.floor(n); la++)
      for (let lo = Math.floor(w); lo <= Math.floor(east); lo++) {
        const key = cellKey(la, lo > 180 ? lo - 360 : lo);
        const list = grid.get(key) ?? [];
        list.push(c);
        grid.set(key, list);
      }
  }
  stateNames = new Map(
    feature(topo, topo.objects.states).features.map((f) => [
      normName(f.properties?.name ?? ''),
      String(f.id),
    ]),
  );
  return counties;
}

const normName = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(county|parish|borough|census area|municipality|city and borough)\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** State FIPS from a USPS abbreviation, a state name or a 2-digit FIPS. */
export function stateFips(state: string | null | undefined): string | null {
  if (!state) return null;
  const s = state.trim();
  if (/^\d{2}$/.test(s)) return s;
  const abbr = STATE_FIPS[s.toUpperCase()];
  if (abbr) return abbr;
  load();
  return stateNames?.get(normName(s)) ?? null;
}

const cache = new Map<string, string | null>();

function containing(lat: number, lon: number, state: string | null): string | null {
  load();
  for (const c of grid.get(cellKey(lat, lon)) ?? []) {
    if (state && !c.fips.startsWith(state)) continue;
    const [[w, s], [e, n]] = c.box;
    const inLon = w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
    if (!inLon || lat < s || lat > n) continue;
    const sure = c.fast ? fastContains(c.fast, lon, lat) : undefined;
    if (sure ?? geoContains(c.shape, [lon, lat])) return c.fips;
  }
  return null;
}

/** Offsets (degrees) tried around a point that falls outside every simplified boundary (coastlines). */
const RINGS = [0.01, 0.02, 0.04, 0.08].flatMap((r) =>
  Array.from(
    { length: 8 },
    (_, k) => [r * Math.cos((k * Math.PI) / 4), r * Math.sin((k * Math.PI) / 4)] as const,
  ),
);

/**
 * The county holding a point. With the address's state, the point is placed in that state's counties
 * first: a geocode a little across a state line (Kansas City, Kansas addresses placed in Missouri) stays in
 * the stated state when one of its counties is within ~8 km; otherwise the county the point is in.
 * @example countyAt(37.69, -97.34) // '20173' (Sedgwick County, Kansas)
 */
export function countyAt(lat: number, lon: number, state?: string | null): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const st = stateFips(state);
  const key = `${lat.toFixed(5)},${lon.toFixed(5)},${st ?? ''}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const search = (within: string | null): string | null => {
    let found = containing(lat, lon, within);
    // The 1:10m boundaries are simplified: a coastal address can fall just outside its county. Take the
    // county found nearest (rings of ~1, 2, 4 and 8 km) before giving up.
    for (let i = 0; !found && i < RINGS.length; i++)
      found = containing(lat + RINGS[i]![0], lon + RINGS[i]![1], within);
    return found;
  };
  const found = (st ? search(st) : null) ?? search(null);
  if (cache.size > 100_000) cache.clear();
  cache.set(key, found);
  return found;
}

/** County FIPS from a 5-digit FIPS or a county name within a state; null when not found. */
export function countyByName(state: string | null, name: string): string | null {
  const t = name.trim();
  if (/^\d{5}$/.test(t)) return t;
  const st = stateFips(state);
  const want = normName(t);
  if (!want) return null;
  const matches = load().filter((c) => normName(c.name) === want && (!st || c.fips.startsWith(st)));
  return matches.length === 1 ? matches[0]!.fips : null;
}
