/**
 * County lookup. Expected FIPS: Census county of each city hall (Wichita KS = Sedgwick 20173, Fresno CA =
 * Fresno 06019, Manhattan = New York County 36061, Honolulu = 15003).
 */
import { describe, expect, it } from 'vitest';
import { countyAt, countyByName, stateFips } from './county.js';

describe('county lookup', () => {
  it('finds the county of a point (point-in-polygon on us-atlas counties-10m)', () => {
    expect(countyAt(37.6872, -97.3301)).toBe('20173');
    expect(countyAt(36.7378, -119.7871)).toBe('06019');
    expect(countyAt(40.7128, -74.006)).toBe('36061');
    expect(countyAt(21.3069, -157.8583)).toBe('15003');
  });

  it('snaps a point just off a simplified coastline to the nearest county, and gives null at sea', () => {
    expect(countyAt(40.5, -73.95)).not.toBeNull(); // Lower Bay, a few km off Brooklyn / Staten Island
    expect(countyAt(30, -40)).toBeNull(); // mid-Atlantic
    expect(countyAt(Number.NaN, 0)).toBeNull();
  });

  it('prefers a county of the address state for a point just across the state line', () => {
    // Leawood, KS address geocoded ~1 km east of State Line Road: Jackson County MO (29095) by the point,
    // Johnson County KS (20091) within the stated state.
    expect(countyAt(38.952, -94.602)).toBe('29095');
    expect(countyAt(38.952, -94.602, 'KS')).toBe('20091');
    expect(countyAt(38.952, -94.602, 'MO')).toBe('29095');
  });

  it('finds a county by name within a state, or a 5-digit FIPS', () => {
    expect(countyByName('KS', 'Sedgwick County')).toBe('20173');
    expect(countyByName('California', 'fresno')).toBe('06019');
    expect(countyByName(null, '06037')).toBe('06037');
    expect(countyByName(null, 'Washington')).toBeNull(); // ambiguous without a state
    expect(stateFips('ny')).toBe('36');
  });
});
