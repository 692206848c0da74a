import { describe, expect, it } from 'vitest';
import { countyMapSvg } from './map-chart.js';

describe('county map', () => {
  const areas = [
    { fips: '17031', value: 0.12, suppressed: false, flagged: true },
    { fips: '17043', value: 0.08, suppressed: false, flagged: false },
    { fips: '17089', value: null, suppressed: true, flagged: false },
    { fips: '99999', value: 0.5, suppressed: false, flagged: false },
  ];
  const svg = countyMapSvg(areas, {
    title: 'Readmission <by> county',
    format: (v) => `${(100 * v).toFixed(1)}%`,
  });

  it('draws each known county with its value, hatches suppressed ones and outlines those that stand out', () => {
    expect(svg).toContain('<title>Cook: 12.0% (stands out)</title>');
    expect(svg).toContain('<title>DuPage: 8.0%</title>');
    expect(svg).toMatch(/fill="url\(#hatch\)"><title>Kane: suppressed to protect privacy<\/title>/);
    expect(svg.match(/class="flag"/g)).toHaveLength(1);
    expect(svg).not.toContain('99999'); // not a county: listed in the table only, never drawn
  });

  it('escapes the title and draws Illinois counties for context', () => {
    expect(svg).toContain('Readmission &#60;by&#62; county');
    expect((svg.match(/class="ctx"/g) ?? []).length).toBe(102); // Illinois has 102 counties
  });
});
