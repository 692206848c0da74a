import { describe, expect, it } from 'vitest';
import { at, marks } from './__fixtures__/marks.js';
import { fixtureEquity } from './__fixtures__/equity.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import { createLocale, type NumberKind } from './i18n.js';

const block = (html: string): string =>
  /<section id="equity-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

async function summary(audience: 'internal' | 'public', lang: 'en' | 'es' = 'en', equity = true) {
  return buildReport(fixtureResults(audience), {
    audience,
    lang,
    edition: 'summary',
    ...(equity ? { equity: fixtureEquity(audience) } : {}),
  });
}

describe('the summary edition: who we serve, payer mix and workforce', () => {
  it('gives the payer-mix figure, the largest difference and the adjusted pay gap, each equal to its file', async () => {
    const eq = fixtureEquity();
    const html = block(await summary('internal'));
    expect(html).toContain('<h2 id="equity-summary-h">Who we serve, payer mix and workforce</h2>');
    const loc = createLocale('en');
    const all = marks(html).filter((m) => m.field && /^(community|payerMix|workforce)\./.test(m.field));
    for (const m of all) {
      const want = at(eq, m.field ?? '') as number;
      expect(Number(m.value), m.field).toBe(want);
      expect(m.text, m.field).toBe(loc.format(want, m.kind as NumberKind));
    }
    const fields = all.map((m) => m.field);
    expect(fields).toContain('payerMix.system.patients_share');
    expect(fields).toContain('payerMix.system.difference');
    // The largest |difference| of the whole system's rows, found here by a plain scan of the file.
    const rows = eq.community?.comparison ?? [];
    let largest = -1;
    let size = -1;
    rows.forEach((r, i) => {
      if (r.facet || r.difference === null || Math.abs(r.difference) <= size) return;
      [largest, size] = [i, Math.abs(r.difference)];
    });
    expect(largest).toBeGreaterThanOrEqual(0);
    expect(fields).toContain(`community.comparison.${largest}.difference`);
    // The planted gap (−8% for Black employees) stands out.
    const gap = (eq.workforce?.pay_gap ?? []).findIndex((g) => g.group === 'Black or African American');
    expect(fields).toContain(`workforce.pay_gap.${gap}.adjusted`);
    expect(html).toMatch(/Black or African American are paid <data[^>]*>-\d+\.\d%<\/data>/);
  });

  it('has no such block without the files', async () => {
    expect(block(await summary('internal', 'en', false))).toBe('');
  });

  it('public: the public view of the files, in Spanish from the catalogue', async () => {
    const html = block(await summary('public', 'es'));
    expect(html).toContain('A quién atendemos, combinación de pagadores y plantilla');
    expect(html).toContain('La mayor diferencia con la comunidad');
    expect(html).not.toMatch(/\bthe community\b|are paid/);
    // No patient or employee count is printed in the block at all.
    expect(
      marks(html).filter((m) => /\.(patients|patients_total|count|employees)$/.test(m.field ?? '')),
    ).toEqual([]);
  });
});
