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

  it("draws its words in the page's language and its own ids when asked, the English default unchanged", () => {
    const es = countyMapSvg(areas, {
      title: 'Mapa',
      format: (v) => v.toFixed(2),
      words: {
        suppressed: 'suprimido para proteger la privacidad',
        standsOut: 'destaca',
        suppressedKey: 'suprimido',
        noData: 'sin datos',
      },
      id: 'svi-map',
    });
    expect(es).toContain('<title>Cook: 0.12 (destaca)</title>');
    expect(es).toContain(
      'fill="url(#svi-map-hatch)"><title>Kane: suprimido para proteger la privacidad</title>',
    );
    expect(es).toContain('>suprimido</text>');
    expect(es).toContain('aria-labelledby="svi-map-title"');
    expect(es).not.toMatch(/suppressed|stands out|id="hatch"|id="map-title"/);
    expect(svg).toContain('<pattern id="hatch"');
    expect(svg).toContain('>suppressed</text>');
    const bare = countyMapSvg(areas, { title: 'SVI', format: String, keys: false, context: false });
    expect(bare).not.toContain('class="ctx"');
    expect(bare).toContain('<title>Cook: 0.12 (stands out)</title>');
    expect(bare).not.toContain('>stands out</text>');
    expect(bare).not.toContain('>suppressed</text>');
  });

  it('colours a few areas from the lightest step to the darkest (quintiles), or by fixed cuts', () => {
    const five = ['17031', '17043', '17089', '17097', '17197'].map((fips, i) => ({
      fips,
      value: [0.3, 0.1, 0.5, 0.2, 0.4][i] ?? null,
      suppressed: false,
      flagged: false,
    }));
    const fills = (s: string) =>
      [...s.matchAll(/fill="(#[0-9a-f]{6})"><title>(\w+)/g)].map((m) => `${m[2]} ${m[1]}`);
    const quintiles = countyMapSvg(five, { title: 'T', format: String });
    // Sorted 0.1 DuPage, 0.2 Lake, 0.3 Cook, 0.4 Will, 0.5 Kane: one step each, light to dark.
    expect(fills(quintiles).sort()).toEqual(
      ['Cook #41b6c4', 'DuPage #ffffcc', 'Kane #253494', 'Lake #a1dab4', 'Will #2c7fb8'].sort(),
    );
    const fixed = countyMapSvg(five, { title: 'T', format: String, breaks: [0.45, 0.6, 0.7, 0.8] });
    expect(fills(fixed).filter((f) => f.endsWith('#ffffcc'))).toHaveLength(4); // 0.1–0.4 ≤ 0.45
    expect(fills(fixed)).toContain('Kane #a1dab4'); // 0.5: above 0.45 only
  });
});
