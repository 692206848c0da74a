import { describe, expect, it } from 'vitest';
import { parseAreaShapes } from './area-shapes.js';
import { areaMapSvg } from './map-chart.js';
import { square, TRACTS } from './__fixtures__/tracts.js';

describe('area outlines from a file', () => {
  it('reads a GeoJSON FeatureCollection by GEOID, and the map draws those areas only', () => {
    const shapes = parseAreaShapes(JSON.stringify(TRACTS), { file: 'tracts.geojson' });
    expect([...shapes.keys()]).toEqual(['17031010100', '17031010200']);
    const svg = areaMapSvg(
      [
        { fips: '17031010100', value: 0.2, suppressed: false, flagged: false },
        { fips: '17031010200', value: null, suppressed: true, flagged: false },
        { fips: '17031999999', value: 0.1, suppressed: false, flagged: false },
      ],
      shapes,
      { title: 'By tract', format: (v) => `${100 * v}%` },
    );
    expect(svg).toContain('<title>101: 20%</title>');
    expect(svg).toContain('<title>102: suppressed to protect privacy</title>');
    expect(svg).not.toContain('17031999999'); // no outline: in the table only
  });

  it('reads a TopoJSON topology and a chosen id property', () => {
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
      objects: {
        zcta: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { ZCTA5: '60614' } }],
        },
      },
    };
    const shapes = parseAreaShapes(JSON.stringify(topo), { file: 'z.json', idProperty: 'ZCTA5' });
    expect([...shapes.keys()]).toEqual(['60614']);
  });

  it('says what is wrong with a file that is not outlines', () => {
    expect(() => parseAreaShapes('{"a":1}', { file: 'x.json' })).toThrow(/x\.json is neither a GeoJSON/);
    expect(() => parseAreaShapes('nope', { file: 'x.json' })).toThrow(/x\.json is not JSON/);
    const noId = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: square(0, 0) }],
    };
    expect(() => parseAreaShapes(JSON.stringify(noId), { file: 't.geojson' })).toThrow(
      /feature 1 has no "GEOID" property/,
    );
  });
});
