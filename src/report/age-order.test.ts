/**
 * Age bands keep their age order in the rate chart and in every table of the report, although the chart
 * sorts nominal groups (race) by rate: "65+" must not come before "18-44" because its rate is higher.
 */
import { describe, expect, it } from 'vitest';
import type { GroupResult, ResultsFile, StratumResult } from '../model/results.js';
import { wilson } from '../stats/index.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import { createLocale } from './i18n.js';
import { ordered, rateChartSvg } from './rate-chart.js';

/** [band, events, people]: rates rise with age except the youngest, so rate order is not age order. */
const BANDS: [string, number, number][] = [
  ['65+', 900, 4000],
  ['Missing', 20, 200],
  ['18-44', 700, 9000],
  ['45-64', 1000, 8000],
  ['<18', 400, 3000],
];
const escRe = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const decode = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
const AGE_ORDER = ['<18', '18-44', '45-64', '65+', 'Missing'];

function group([name, x, n]: [string, number, number], ref: number): GroupResult {
  const ci = wilson(x, n)!;
  const rate = x / n;
  const isRef = name === '18-44';
  return {
    group: name,
    numerator: x,
    denominator: n,
    rate,
    lower: ci.lower,
    upper: ci.upper,
    difference: isRef ? null : rate - ref,
    differenceLower: null,
    differenceUpper: null,
    ratio: isRef ? null : rate / ref,
    ratioLower: null,
    ratioUpper: null,
    pValue: null,
    qValue: isRef ? null : 0.001,
    label: isRef ? 'reference' : rate > ref ? 'worse' : 'better',
    excessEvents: isRef ? null : (rate - ref) * n,
    suppressed: false,
  };
}

const ageStratum = (): StratumResult => ({
  stratifier: 'age_band',
  reference: '18-44',
  referenceRule: 'largest',
  groups: BANDS.map((b) => group(b, 700 / 9000)),
  summary: [],
  warnings: [],
});

/** The fixture with an age-band stratum (its groups in no particular order) added to the first measure. */
function withAge(): ResultsFile {
  const r = fixtureResults();
  r.measures[0]!.strata.push(ageStratum());
  return r;
}

describe('age bands in age order', () => {
  it('the rate chart draws them youngest first, top to bottom', async () => {
    const s = ageStratum();
    expect(ordered(s, 'lower_is_better').map((g) => g.group)).toEqual(AGE_ORDER);
    const svg = await rateChartSvg(
      { id: 'a', stratum: s, direction: 'lower_is_better', overall: 0.1, title: 'T', desc: 'D' },
      createLocale('en'),
    );
    // Each band's name is a text mark; its y position is the row it is drawn on.
    const y = (name: string): number => {
      const m = new RegExp(`translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${escRe(name)}</text>`).exec(decode(svg));
      expect(m, name).not.toBeNull();
      return Number(m![1]);
    };
    const ys = AGE_ORDER.map(y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('nominal groups are still sorted worst first (race in the same chart code)', () => {
    const s = fixtureResults().measures[0]!.strata[0]!;
    const rates = ordered(s, 'lower_is_better')
      .filter((g) => g.label !== 'reference' && g.rate !== null && !/Declined|Unknown|Missing/.test(g.group))
      .map((g) => g.rate!);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
  });

  it("the stratum's table lists them in age order, each number still marked with its own group", async () => {
    const results = withAge();
    const si = results.measures[0]!.strata.length - 1;
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const section = html.slice(html.indexOf(`id="s-0-${si}"`));
    const table = section.slice(section.indexOf('<table'), section.indexOf('</table>'));
    const rows = [...table.matchAll(/<tr data-i="(\d+)"><th scope="row">([^<]*)<\/th>/g)].map((m) => ({
      i: Number(m[1]),
      name: decode(m[2]!),
    }));
    expect(rows.map((r) => r.name)).toEqual(AGE_ORDER);
    // data-i points back to the group's index in results.json, so the numbers test reads the right group.
    for (const r of rows) expect(results.measures[0]!.strata[si]!.groups[r.i]!.group).toBe(r.name);
  });
});
