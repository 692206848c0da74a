import { describe, expect, it } from 'vitest';
import { binomCdf } from '../stats/distributions.js';
import { funnelChartSvg, funnelLimits, type FunnelText } from './funnel-chart.js';

const text: FunnelText = {
  title: 'Medicaid or uninsured by department',
  desc: 'Each department against its size',
  x: 'Patients',
  y: 'Share',
  within: 'within limits',
  low: 'lower than expected',
  high: 'higher than expected',
};

describe('funnel chart', () => {
  it('limits are the exact binomial 0.1% and 99.9% quantiles over n (worked at n = 100, p₀ = 0.3)', () => {
    const at100 = funnelLimits(0.3, [100, 400]).find((l) => l.n === 100)!;
    // The lower limit k/100: P(X ≤ k − 1) < 0.001 ≤ P(X ≤ k) for X ~ Binomial(100, 0.3).
    const k = Math.round(at100.lower * 100);
    expect(binomCdf(k - 1, 100, 0.3)).toBeLessThan(0.001);
    expect(binomCdf(k, 100, 0.3)).toBeGreaterThanOrEqual(0.001);
    const u = Math.round(at100.upper * 100);
    expect(binomCdf(u - 1, 100, 0.3)).toBeLessThan(0.999);
    expect(binomCdf(u, 100, 0.3)).toBeGreaterThanOrEqual(0.999);
    // The funnel narrows as n grows, and spans the units' sizes.
    const all = funnelLimits(0.3, [100, 400]);
    expect(all[0]!.n).toBe(100);
    expect(all.at(-1)!.n).toBe(400);
    expect(all.at(-1)!.upper - all.at(-1)!.lower).toBeLessThan(at100.upper - at100.lower);
  });

  it('draws flagged units as triangles, the others as circles, and leaves withheld units out', async () => {
    const svg = await funnelChartSvg(
      [
        { unit: 'Cardiology', patients: 100, share: 0.1, flag: 'low' },
        { unit: 'Medicine', patients: 100, share: 0.3, flag: null },
        { unit: 'Small', patients: null, share: null, flag: null },
      ],
      0.3,
      text,
      { id: 'f1', lang: 'en' },
    );
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="f1-title f1-desc"/);
    expect(svg).toContain('<title id="f1-title">Medicaid or uninsured by department</title>');
    expect(svg).toContain('lower than expected');
    // One downward triangle (the flagged unit); the legend draws one more of each symbol.
    const tri = svg.match(/<path[^>]*d="M[^"]*"[^>]*fill="#D55E00"/g) ?? [];
    expect(tri.length).toBeGreaterThanOrEqual(1);
    expect(
      await funnelChartSvg([{ unit: 'x', patients: null, share: null, flag: null }], 0.3, text, {
        id: 'f2',
        lang: 'en',
      }),
    ).toBe('');
  });
});
