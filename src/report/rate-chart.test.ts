import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureResults } from './__fixtures__/results.js';
import { rateChartSvg } from './rate-chart.js';

/** Observable Plot-style snapshot: numbers normalised to 3 decimals; `*-changed.svg` written on mismatch. */
const normalise = (svg: string): string => svg.replace(/\d+\.\d+/g, (n) => String(+Number(n).toFixed(3)));

describe('rate chart', () => {
  it('matches the golden SVG', async () => {
    const svg = normalise(
      await rateChartSvg(fixtureResults().measures[0]!.strata[0]!, '30-day readmission', 'White ★'),
    );
    const golden = fileURLToPath(new URL('./__snapshots__/rate-chart.svg', import.meta.url));
    if (!existsSync(golden)) writeFileSync(golden, svg);
    const expected = readFileSync(golden, 'utf8');
    if (expected !== svg) writeFileSync(golden.replace(/\.svg$/, '-changed.svg'), svg);
    expect(svg === expected, 'see rate-chart-changed.svg').toBe(true);
  });
});
