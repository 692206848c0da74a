/**
 * Area outlines given by the user for maps below the county (census tracts, ZIP code tabulation areas): a
 * GeoJSON FeatureCollection or a TopoJSON topology (its first object, or the one named), each feature
 * identified by a property (`GEOID` in the Census cartographic boundary files) or by its `id`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { invalidInput } from '../errors.js';

export type AreaShape = Feature<Geometry, { name?: string } | null>;

interface ShapeOptions {
  /** The file's name, for messages. */
  file: string;
  /** The property holding each area's id (default `GEOID`; the feature's `id` when absent). */
  idProperty?: string;
  /** The property holding each area's name (default `NAME`). */
  nameProperty?: string;
  /** TopoJSON: the object to read (default: the first). */
  object?: string;
}

const fix =
  'Give a GeoJSON FeatureCollection or a TopoJSON file of the areas (the Census cartographic boundary files, converted with e.g. mapshaper), each with the id of the area in one property (GEOID by default).';

function collection(value: unknown, o: ShapeOptions): FeatureCollection {
  const v = value as { type?: string; objects?: Record<string, unknown>; features?: unknown };
  if (v?.type === 'FeatureCollection' && Array.isArray(v.features)) return v as FeatureCollection;
  if (v?.type === 'Topology' && v.objects) {
    const name = o.object ?? Object.keys(v.objects)[0];
    const obj = name === undefined ? undefined : v.objects[name];
    if (!obj)
      throw invalidInput(`${o.file}: the topology has no object "${o.object ?? ''}".`, {
        file: o.file,
        fix: `Name one of: ${Object.keys(v.objects).join(', ')}.`,
      });
    return feature(value as Topology, obj as GeometryCollection) as FeatureCollection;
  }
  throw invalidInput(`${o.file} is neither a GeoJSON FeatureCollection nor a TopoJSON topology.`, {
    file: o.file,
    fix,
  });
}

/** Parse outlines: id → feature (its `name` property set for titles). */
export function parseAreaShapes(text: string, o: ShapeOptions): Map<string, AreaShape> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidInput(`${o.file} is not JSON.`, { file: o.file, fix });
  }
  const idKey = o.idProperty ?? 'GEOID';
  const nameKey = o.nameProperty ?? 'NAME';
  const out = new Map<string, AreaShape>();
  collection(value, o).features.forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const id = props[idKey] ?? f.id;
    if (id === undefined || id === null || !f.geometry)
      throw invalidInput(
        `${o.file}: feature ${i + 1} has no "${idKey}" property (and no id) or no geometry.`,
        {
          file: o.file,
          path: `features[${i}].properties.${idKey}`,
          fix,
        },
      );
    const name = props[nameKey];
    out.set(String(id), { ...f, properties: typeof name === 'string' ? { name } : null } as AreaShape);
  });
  if (out.size === 0) throw invalidInput(`${o.file} holds no areas.`, { file: o.file, fix });
  return out;
}
