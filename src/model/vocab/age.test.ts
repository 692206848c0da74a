import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAt, ageBand, ageBandLabels, parseAgeBand } from './age.js';

describe('age bands', () => {
  it('bands ages on each scheme', () => {
    expect(ageBand(0)).toBe('0-9');
    expect(ageBand(9.99)).toBe('0-9');
    expect(ageBand(47)).toBe('40-49');
    expect(ageBand(90)).toBe('90+');
    expect(ageBand(104)).toBe('90+');
    expect(ageBand(17, 'standard')).toBe('0-17');
    expect(ageBand(18, 'standard')).toBe('18-44');
    expect(ageBand(64, 'standard')).toBe('45-64');
    expect(ageBand(74.5, 'standard')).toBe('65-74');
    expect(ageBand(75, 'standard')).toBe('75+');
    expect(ageBand(85, '5y')).toBe('85+');
    expect(ageBand(null)).toBe('Missing');
    expect(ageBand(-1)).toBe('Unknown');
    expect(ageBand(Number.NaN)).toBe('Unknown');
  });

  it('computes completed years on a date', () => {
    expect(ageAt('1980-06-15', '2024-06-14')).toBe(43);
    expect(ageAt('1980-06-15', '2024-06-15')).toBe(44);
    expect(ageAt('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageAt(new Date('1990-01-01T00:00:00Z'), '2020-12-31')).toBe(30);
    expect(ageAt(null, '2020-01-01')).toBeNull();
    expect(ageAt('not a date', '2020-01-01')).toBeNull();
  });

  it('parses UCI-style ranges', () => {
    expect(parseAgeBand('[40-50)')).toBe('40-49');
    expect(parseAgeBand('[0-10)')).toBe('0-9');
    expect(parseAgeBand('[90-100)')).toBe('90+');
    expect(parseAgeBand('40-49')).toBe('40-49');
    expect(parseAgeBand('90+')).toBe('90+');
    expect(parseAgeBand('63')).toBe('60-69');
    expect(parseAgeBand('[80-90)', 'standard')).toBe('75+');
    expect(parseAgeBand('[40-50)', 'standard')).toBe('Unknown'); // straddles 18-44 / 45-64
    expect(parseAgeBand('')).toBe('Missing');
    expect(parseAgeBand('?')).toBe('Unknown');
  });

  it('every age lands in exactly one band of its scheme', () => {
    for (const scheme of ['10y', 'standard', '5y'] as const) {
      const labels = ageBandLabels(scheme);
      fc.assert(
        fc.property(fc.double({ min: 0, max: 130, noNaN: true }), (age) => {
          expect(labels).toContain(ageBand(age, scheme));
        }),
      );
    }
  });
});
