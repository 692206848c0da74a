/**
 * A fast planar point-in-polygon test for county shapes that gives the same answer as d3-geo's spherical
 * `geoContains`, or says it cannot be sure. County edges are great-circle arcs; in lon/lat space an arc
 * strays from the straight segment between its ends by at most (Δλ² + Δφ²)/16 radians (the east–west arc
 * bulges poleward by Δλ²·sinφ·cosφ/8), so each edge gets a margin of four times that bound. A point
 * farther than its margin from every edge is on the same side of the arc as of the segment: the planar
 * even-odd test is then exact. Otherwise (a point within metres of a boundary) the caller asks
 * `geoContains`. Shapes crossing the antimeridian or wound the wrong way (covering most of the globe) get
 * no fast shape at all.
 */
import { geoArea } from 'd3-geo';
import type { Feature, Geometry, Position } from 'geojson';

interface Ring {
  /** lon0, lat0, lon1, lat1, … of the closed ring. */
  xy: Float64Array;
  /** Per edge i (points i → i+1): how far (degrees) the great-circle arc may stray from the segment. */
  margin: Float64Array;
}

export interface FastShape {
  rings: Ring[];
}

const RAD = Math.PI / 180;

function ringOf(points: readonly Position[]): Ring | null {
  const n = points.length;
  const xy = new Float64Array(n * 2);
  const margin = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) {
    xy[2 * i] = points[i]![0]!;
    xy[2 * i + 1] = points[i]![1]!;
  }
  for (let i = 0; i + 1 < n; i++) {
    const dx = Math.abs(xy[2 * i + 2]! - xy[2 * i]!);
    const dy = Math.abs(xy[2 * i + 3]! - xy[2 * i + 1]!);
    if (dx > 90) return null; // an edge across the antimeridian
    const strayRad = ((dx * RAD) ** 2 + (dy * RAD) ** 2) / 4; // 4× the bound above
    margin[i] = strayRad / RAD + 1e-7;
  }
  return { xy, margin };
}

/** The fast shape of a county, or null when only `geoContains` can answer for it. */
export function fastShape(f: Feature<Geometry>): FastShape | null {
  const g = f.geometry;
  const polygons =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : undefined;
  if (!polygons) return null;
  if (geoArea(f) > 2 * Math.PI) return null; // wound the wrong way: the complement of the county
  const rings: Ring[] = [];
  for (const poly of polygons)
    for (const points of poly) {
      const r = ringOf(points);
      if (!r) return null;
      rings.push(r);
    }
  return { rings };
}

/**
 * true/false when the planar answer is certain to be `geoContains`'s (the point is farther than each
 * edge's margin from it); undefined when the point is too close to an edge to tell.
 */
export function fastContains(shape: FastShape, lon: number, lat: number): boolean | undefined {
  let inside = false;
  for (const { xy, margin } of shape.rings) {
    for (let i = 0, n = margin.length; i < n; i++) {
      const x1 = xy[2 * i]!;
      const y1 = xy[2 * i + 1]!;
      const x2 = xy[2 * i + 2]!;
      const y2 = xy[2 * i + 3]!;
      const m = margin[i]!;
      // Even-odd crossing of the ray going east from the point.
      if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
      // Near this edge (within its margin)? Then only the spherical test can tell.
      if (
        lon < Math.min(x1, x2) - m ||
        lon > Math.max(x1, x2) + m ||
        lat < Math.min(y1, y2) - m ||
        lat > Math.max(y1, y2) + m
      )
        continue;
      const ex = x2 - x1;
      const ey = y2 - y1;
      const len2 = ex * ex + ey * ey;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((lon - x1) * ex + (lat - y1) * ey) / len2)) : 0;
      const px = x1 + t * ex - lon;
      const py = y1 + t * ey - lat;
      if (px * px + py * py <= m * m) return undefined;
    }
  }
  return inside;
}
