/** County and state outlines (Census cartographic boundaries, 1:10m, from the `us-atlas` package). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface Shapes {
  counties: Map<string, Feature<Geometry, { name: string }>>;
  states: Map<string, Feature<Geometry, { name: string }>>;
}

let cached: Shapes | undefined;

export function countyShapes(): Shapes {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topology<{
    counties: GeometryCollection<{ name: string }>;
    states: GeometryCollection<{ name: string }>;
  }>;
  const byId = (fc: { features: Feature<Geometry, { name: string }>[] }, width: number) =>
    new Map(fc.features.map((f) => [String(f.id).padStart(width, '0'), f]));
  cached = {
    counties: byId(feature(topo, topo.objects.counties), 5),
    states: byId(feature(topo, topo.objects.states), 2),
  };
  return cached;
}
