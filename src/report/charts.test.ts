import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { svgSnapshot } from '../../test/support/svg-snapshot.js';
import { fixtureResults } from './__fixtures__/results.js';
import { gapChartSvg } from './gap-chart.js';
import { gapGlyph } from './gap-glyph.js';
import { createLocale, type Lang } from './i18n.js';
import { rateChartSvg } from './rate-chart.js';
import { trendChartSvg } from './trend-chart.js';

// Golden files beside this test (test/support/svg-snapshot.ts: a missing or changed one fails).
const dir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const snapshot = (name: string, svg: string): void => svgSnapshot(dir, name, svg);

const rate = (audience: 'internal' | 'public', lang: Lang, mi: number, si: number): Promise<string> => {
  const r = fixtureResults(audience);
  const m = r.measures[mi]!;
  return rateChartSvg(
    {
      id: 'c',
      stratum: m.strata[si]!,
      direction: m.direction,
      overall: m.overall.rate,
      title: 'Title',
      desc: 'Description',
    },
    createLocale(lang),
  );
};

describe('chart SVGs', () => {
  it('rate chart: groups, intervals, reference and overall lines (en)', async () => {
    snapshot('rate-readmit30-race-en', await rate('internal', 'en', 0, 0));
  });
  it('rate chart: Spanish labels and number format', async () => {
    snapshot('rate-readmit30-race-es', await rate('internal', 'es', 0, 0));
  });
  it('rate chart: public edition keeps suppressed and no-data rows, in words', async () => {
    const svg = await rate('public', 'en', 0, 0);
    expect(svg).toContain('>suppressed to protect privacy<');
    expect(svg).toContain('>no data<');
    snapshot('rate-readmit30-race-public-en', svg);
  });
  it('gap chart: the gap over time with named signals', async () => {
    const gap = fixtureResults().measures[1]!.strata[0]!.trend!.gap!;
    const svg = await gapChartSvg({ id: 'g', gap, title: 'Title', desc: 'Description' }, createLocale('en'));
    // The latest signal is named in words under the title (wrapped to the chart's width).
    const texts = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)]
      .map((m) =>
        m[1]!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join(' ');
    expect(texts).toContain('▲ 2025-Q4: trend (7 points rising or falling)');
    snapshot('gap-bp-race-en', svg);
  });
  it('trend chart: each group over time, the reference and the followed group named at their ends', async () => {
    const s = fixtureResults().measures[1]!.strata[0]!;
    const svg = await trendChartSvg(
      { id: 't', trend: s.trend!, reference: s.reference, title: 'Title', desc: 'Description' },
      createLocale('en'),
    );
    expect(svg).toContain('>White</text>');
    expect(svg).toContain('>Black or African American</text>');
    snapshot('trend-bp-race-en', svg);
  });
  it('finding glyph: comparison and group rates on a scale from 0', () => {
    const f = fixtureResults().findings[0]!;
    const svg = gapGlyph(createLocale('en'), f.rate, f.comparisonRate);
    expect(svg).toContain('aria-hidden="true"');
    snapshot('glyph-finding-en', svg);
  });
  it('labels every dot with its rate from results.json, and shows no other one-decimal rate', async () => {
    const r = fixtureResults();
    const m = r.measures[0]!;
    const loc = createLocale('en');
    const svg = await rate('internal', 'en', 0, 0);
    const labels = [...svg.matchAll(/>([^<>]*\d\.\d%)</g)].map((x) => x[1]!);
    const expected = m.strata[0]!.groups.filter((g) => g.rate !== null).map((g) =>
      loc.format(g.rate!, 'pct'),
    );
    expect(new Set(labels)).toEqual(new Set([...expected, `Overall ${loc.format(m.overall.rate!, 'pct')}`]));
  });
  it('has a text alternative and no colour-only encoding', async () => {
    const svg = await rate('internal', 'en', 0, 0);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="c-title c-desc"/);
    expect(svg).toContain('<title id="c-title">Title</title><desc id="c-desc">Description</desc>');
    // Worse and reference groups differ in shape (triangle vs diamond), not only in colour, and carry values.
    expect(svg).toMatch(/12\.1%/);
    expect(new Set([...svg.matchAll(/<path[^>]+d="M[^"]+"/g)].map((x) => x[0].length)).size).toBeGreaterThan(
      1,
    );
  });
});
