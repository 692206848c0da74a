import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../model/results.js';
import { at, marks, strings, tokens, unmarkedText } from './__fixtures__/marks.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import { MAX_ROWS } from './rate-chart.js';
import { withheldCount } from './withheld.js';
import { CARDS } from './findings-table.js';
import { createLocale, type Lang, type NumberKind } from './i18n.js';
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };

const COUNTS = /\.(numerator|denominator|known|unknown|declined|missing|total|excessEvents)$/;

function expected(results: ResultsFile, m: ReturnType<typeof marks>[number]): unknown {
  if (m.count === 'worse')
    return results.measures[Number(m.measure)]!.strata.reduce(
      (a, s) => a + s.groups.filter((g) => g.label === 'worse').length,
      0,
    );
  if (m.count === 'more') return Math.min(results.findings.length, CARDS) - 5;
  if (m.count === 'rank') return Number(m.text);
  if (m.count === 'shown') return Math.min(MAX_ROWS, (at(results, m.field!) as unknown[]).length);
  if (m.count === 'length') return (at(results, m.field!) as unknown[]).length;
  if (m.count === 'worseTop')
    return results.measures[Number(m.measure)]!.strata.filter((s) => !s.facet).reduce(
      (a, s) => a + s.groups.filter((g) => g.label === 'worse').length,
      0,
    );
  if (m.count === 'withheld') return withheldCount(results);
  if (m.count === 'moreDiffer')
    return (
      (at(results, m.field!) as ResultsFile['intersections'][number]['groups']).filter(
        (g) => !g.suppressed && (g.label === 'worse' || g.label === 'better'),
      ).length - 4
    );
  return at(results, m.field!);
}

/** Every marked number equals results.json and is shown formatted for the locale; nothing else is a number. */
function checkNumbers(results: ResultsFile, html: string, lang: Lang): number {
  const loc = createLocale(lang);
  const all = marks(html);
  for (const m of all) {
    const want = expected(results, m);
    const where = m.field ?? m.count;
    // A compact table cell carries no value (only counts, read from their text): its text is checked.
    if (m.kind === 'date') expect(m.value, where).toBe(want);
    else if (m.value !== '') expect(Number(m.value), where).toBe(want);
    if (m.kind) expect(m.text, where).toBe(loc.format(want as number, m.kind as NumberKind));
  }
  // Outside the marks, a token with a digit must come from results' own strings (titles, periods, ids)
  // or from the catalogue's fixed text ("7 points"): no unmarked number from results.json slips through.
  const allowed = new Set([
    ...strings(results).flatMap(tokens),
    ...[...Object.values(en), ...Object.values(es)].flatMap((s) => tokens(s.replace(/\{\w+\}/g, ' '))),
  ]);
  const stray = tokens(unmarkedText(html)).filter((t) => /\d/.test(t) && !allowed.has(t));
  expect(stray).toEqual([]);
  return all.length;
}

describe('numbers in the report', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`every number equals the number in results.json (internal, ${lang})`, async () => {
      const results = fixtureResults();
      const html = await buildReport(results, { audience: 'internal', lang });
      expect(checkNumbers(results, html, lang)).toBeGreaterThan(400);
    });
  }

  it('every number equals the number in results.json (public)', async () => {
    const results = fixtureResults('public');
    const html = await buildReport(results, { audience: 'public', lang: 'en' });
    expect(checkNumbers(results, html, 'en')).toBeGreaterThan(200);
  });

  it('catches a number that does not match results.json', async () => {
    const results = fixtureResults();
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const tampered = html.replace(/(<data value=")0\.(\d+" data-f="findings\.0\.rate")/, '$10.9$2');
    expect(tampered).not.toBe(html);
    expect(() => checkNumbers(results, tampered, 'en')).toThrow();
    // A compact table cell (its text is the number) is checked too.
    const cell = html.replace(
      /(<tr data-i="\d+"><th scope="row">[^<]*<\/th><td>)(\d[\d,]*)(<\/td>)/,
      (_, a: string, n: string, b: string) => `${a}${n}1${b}`,
    );
    expect(cell).not.toBe(html);
    expect(() => checkNumbers(results, cell, 'en')).toThrow();
    expect(() => checkNumbers(results, html.replace('</main>', '<p>12.3%</p></main>'), 'en')).toThrow();
  });

  it('the public report shows no count below the suppression threshold', async () => {
    const results = fixtureResults('public');
    const min = results.settings.suppressionThreshold;
    const html = await buildReport(results, { audience: 'public', lang: 'en' });
    const counts = marks(html).filter((m) => m.field && !m.field.includes(' / ') && COUNTS.test(m.field));
    expect(counts.length).toBeGreaterThan(50);
    for (const m of counts) {
      const v = Number(m.value);
      expect(v === 0 || v >= min, `${m.field} = ${v}`).toBe(true);
    }
    // Suppressed groups say so in words and show no rate; the internal report shows their small counts.
    const hidden = results.measures
      .flatMap((m) => m.strata.flatMap((s) => s.groups))
      .filter((g) => g.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const g of hidden) {
      const row = new RegExp(`<th scope="row">${g.group}</th><td></td><td></td><td><em class="suppressed"`);
      expect(html).toMatch(row);
    }
    const internal = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    expect(
      marks(internal).some(
        (m) => m.field && COUNTS.test(m.field) && Number(m.value) < min && Number(m.value) > 0,
      ),
    ).toBe(true);
  });
});
