import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../engine/analysis/__fixtures__/canonical.js';
import { rateConfig, rateDataset } from '../engine/analysis/__fixtures__/rate-dataset.js';
import { analyzeDataset } from '../engine/analysis/analyze.js';
import type { Workspace } from '../engine/workspace.js';
import type { ResultsFile } from '../model/results.js';
import { at, marks, strings, tokens, unmarkedText } from './__fixtures__/marks.js';
import { buildReport } from './build-report.js';
import { createLocale, type Lang, type NumberKind } from './i18n.js';
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };
import { withResultDefinitions } from './methods-section.js';

// A run with a proportion (readmit) and a count-based rate (ed-visits, 1,500 per 1,000 overall; Male 2,000
// vs Female 1,200 per 1,000): see src/engine/analysis/rate-measure.test.ts for the statistics.
let ws: Workspace;
let results: ResultsFile;

beforeAll(async () => {
  ({ ws } = await tempWorkspace('equilens-report-rate-'));
  const ds = await rateDataset(ws);
  results = await analyzeDataset(ws.engine, ds, rateConfig(), 'h', () => new Date('2026-01-01T00:00:00Z'));
  // Mark Male worse (as a larger sample would) so its chart is drawn, and add its finding to the front page.
  const male = results.measures[1]!.strata.find((s) => s.stratifier === 'sex')!.groups[1]!;
  male.label = 'worse';
  results.findings.unshift({
    measure: 'ed-visits',
    values: { sex: 'Male' },
    kind: 'stratum',
    rate: male.rate,
    comparisonRate: 1200,
    comparison: 'Female',
    difference: male.difference,
    ratio: male.ratio,
    excessEvents: male.excessEvents,
    qValue: 0.01,
    denominator: male.denominator,
  });
});
afterAll(async () => ws.close());

const section = (html: string, id: string): string => {
  const start = html.indexOf(`<section class="measure" id="m-${id}"`);
  return html.slice(start, html.indexOf('</section>', html.indexOf('class="measure-head"', start)) + 2000);
};

/** Every marked number equals results.json and is formatted with its kind; no unmarked number. */
function checkNumbers(html: string, lang: Lang): void {
  const loc = createLocale(lang);
  for (const m of marks(html)) {
    if (!m.field || m.count || m.kind === 'date') continue;
    const want = at(results, m.field);
    if (m.value !== '') expect(Number(m.value), m.field).toBe(want);
    if (m.kind) expect(m.text, m.field).toBe(loc.format(want as number, m.kind as NumberKind));
  }
  const allowed = new Set([
    ...strings(results).flatMap(tokens),
    ...[...Object.values(en), ...Object.values(es)].flatMap((s) => tokens(s.replace(/\{\w+\}/g, ' '))),
  ]);
  expect(tokens(unmarkedText(html)).filter((t) => /\d/.test(t) && !allowed.has(t))).toEqual([]);
}

describe('report of a rate measure (per 1,000)', () => {
  it('shows the overall rate per 1,000 with events and people, not a percentage', async () => {
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const ed = section(html, 'ed-visits');
    expect(ed).toContain(
      '<data value="1500" data-f="measures.1.overall.rate" data-k="rate">1,500.0</data> per 1,000',
    );
    expect(ed).toMatch(/12<\/data> events among <data[^>]*>8<\/data> people/);
    expect(ed).not.toMatch(/data-f="(measures\.1|\+)[^"]*rate" data-k="pct"/);
    expect(ed).toContain('Rate <span class="unit">(per 1,000)</span>');
    expect(ed).toContain('Difference vs reference <span class="unit">(per 1,000)</span>');
    expect(ed).toContain('Rate (per 1,000)'); // the chart's axis title
    // the proportion measure is still in percent
    expect(section(html, 'readmit')).toContain(
      '<data value="0.4" data-f="measures.0.overall.rate" data-k="pct">40.0%',
    );
    checkNumbers(html, 'en');
  });

  it('says the finding in rates per 1,000 and counts excess visits as events', async () => {
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    expect(html).toMatch(/>2,000\.0<\/data> per 1,000 vs <data[^>]*>1,200\.0<\/data> per 1,000\./);
    expect(html).toMatch(/That is about <data[^>]*>2<\/data> more events than if the gap were closed\./);
  });

  it('writes Spanish units from the catalogue', async () => {
    const html = await buildReport(results, { audience: 'internal', lang: 'es' });
    expect(section(html, 'ed-visits')).toMatch(/1500,0<\/data> por 1000/);
    expect(html).toContain('Tasa (por 1000)');
    checkNumbers(html, 'es');
  });

  it('methods appendix: library definitions from results.json and the rate method', async () => {
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const methods = html.slice(html.indexOf('<section id="methods"'));
    expect(methods).toContain('Emergency department visits per 1,000 patients');
    expect(methods).toContain('Patients with a visit in the measurement period.');
    expect(methods).toContain(
      'The number of visits of class EMER in the measurement period, per 1,000 patients',
    );
    expect(methods).toContain('Byar’s approximation');
    // The config's own definition of a library measure (no numerator expression, denominator 'true')
    // gives way to the library's, in words not code; expression measures keep theirs.
    const defs = withResultDefinitions(
      [
        { id: 'readmit', title: 'Readmission', numerator: 'x', denominator: 'true' },
        { id: 'ed-visits', title: 'ED use', denominator: 'true' },
      ],
      results,
    );
    expect(defs[0]).toEqual({ id: 'readmit', title: 'Readmission', numerator: 'x', denominator: 'true' });
    expect(defs[1]).toMatchObject({
      id: 'ed-visits',
      title: 'ED use',
      denominator: 'Patients with a visit in the measurement period.',
      prose: true,
    });
    const withConfig = await buildReport(results, { audience: 'internal', lang: 'en', definitions: defs });
    expect(withConfig).toContain('<dd>Patients with a visit in the measurement period.</dd>');
    expect(withConfig).not.toContain('<code>true</code></dd></div><div><dt>Exclusions');
  });
});
