/** Two made-up census tracts as small squares in Cook County, IL (GeoJSON), for map tests. */
/** A unit square at (x, y) as a GeoJSON polygon (counter-clockwise, as RFC 7946 asks). */
export const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
export const TRACTS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { GEOID: '17031010100', NAME: '101' }, geometry: square(-87.7, 41.9) },
    { type: 'Feature', properties: { GEOID: '17031010200', NAME: '102' }, geometry: square(-87.69, 41.9) },
  ],
};

