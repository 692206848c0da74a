import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import type { StratumResult } from '../model/results.js';

/** Dot-and-interval chart of group rates with a labelled reference line, rendered to SVG offline. */
export async function rateChartSvg(stratum: StratumResult, label: string, refLabel: string): Promise<string> {
  const values = stratum.groups
    .filter((g) => !g.suppressed && g.rate !== null)
    .map((g) => ({
      group: g.group,
      rate: g.rate,
      lower: g.lower,
      upper: g.upper,
      ref: g.group === stratum.reference,
    }))
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  const refRate = values.find((v) => v.ref)?.rate ?? null;
  const x = { field: 'rate', type: 'quantitative', axis: { format: '.0%', title: null } } as const;
  const y = { field: 'group', type: 'nominal', sort: null, axis: { title: null } } as const;
  const spec: TopLevelSpec = {
    width: 420,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'rule', color: '#555' },
        encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
      },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          x,
          shape: { field: 'ref', type: 'nominal', legend: null, scale: { range: ['circle', 'diamond'] } },
          color: { field: 'ref', type: 'nominal', legend: null, scale: { range: ['#0072B2', '#000000'] } },
        },
      },
      ...(refRate === null
        ? []
        : [
            {
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#000' },
              encoding: { x: { datum: refRate } },
            },
            {
              mark: { type: 'text' as const, align: 'left' as const, dx: 3, dy: -6, fontSize: 10 },
              encoding: { x: { datum: refRate }, y: { value: 0 }, text: { value: refLabel } },
            },
          ]),
    ],
    config: { font: 'system-ui, sans-serif', view: { stroke: null }, aria: false },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const safe = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return svg
    .replace(/ role="graphics-(?:document|symbol|object)"| aria-roledescription="[^"]*"/g, '')
    .replace(/^<svg ([^>]*)>/, `<svg role="img" aria-label="${safe}" $1><title>${safe}</title>`);
}
