import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { svgSnapshot } from '../../test/support/svg-snapshot.js';
import { spc } from '../stats/index.js';
import { spcChartHtml, spcChartSvg } from './spc-chart.js';

const dir = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

// Montgomery Example 7.1 (n = 50 per sample): samples 15 and 23 are above the UCL 0.4102.
const juice = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];
const result = spc(
  juice.map((x, i) => ({ period: `s${i + 1}`, numerator: x, denominator: 50 })),
  { chart: 'p' },
);

describe('SPC chart', () => {
  it('p-chart: centre, limits, signals as triangles named in the description', async () => {
    const svg = await spcChartSvg(result, { title: 'Orange juice cans' });
    expect(svg).toMatch(/<desc id="spc-desc">p-chart, 30 periods.*s15: outside the control limits/);
    svgSnapshot(dir, 'spc-juice-p-en', svg);
  });

  it('the HTML page holds the chart and a row per period, in percent for a p-chart', async () => {
    const html = await spcChartHtml(result, { title: 'Orange juice cans' });
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(30);
    expect(html).toContain('<th scope="row">s15</th><td>44.0%</td><td>23.1%</td>');
  });
});
