/**
 * The planar fast path must agree with d3-geo's spherical `geoContains` (the reference) wherever it answers:
 * random points in county boxes, and points just off long edges (where great-circle arcs stray most).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains } from 'd3-geo';
import type { Feature, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { fastContains, fastShape } from './county-shape.js';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topology<{
  counties: GeometryCollection;
}>;
const counties = feature(topo, topo.objects.counties).features as Feature<Geometry>[];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('fastContains', () => {
  it('agrees with geoContains on random points in county boxes and just off long edges', () => {
    const r = rng(7);
    let sure = 0;
    let unsure = 0;
    const check = (f: Feature<Geometry>, x: number, y: number): void => {
      const got = fastContains(fastShape(f)!, x, y);
      if (got === undefined) unsure++;
      else {
        sure++;
        expect(got, `${String(f.id)} at ${x},${y}`).toBe(geoContains(f, [x, y]));
      }
    };
    for (let k = 0; k < counties.length; k += 7) {
      const f = counties[k]!;
      expect(fastShape(f)).not.toBeNull();
      const [[w, s], [e, n]] = geoBounds(f);
      for (let i = 0; i < 10; i++) check(f, w + r() * (e - w), s + r() * (n - s));
      const g = f.geometry as { coordinates: Position[][] | Position[][][] };
      const ring = (f.geometry.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]![0]) as Position[];
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        const len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 0.3) continue;
        for (const off of [-0.01, -0.001, 0.001, 0.01])
          check(f, (x1 + x2) / 2 - (off * (y2 - y1)) / len, (y1 + y2) / 2 + (off * (x2 - x1)) / len);
      }
    }
    expect(sure).toBeGreaterThan(10 * unsure); // the fast path answers almost always
  });
});
