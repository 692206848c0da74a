import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import { assertPublic } from './public-guard.js';
import { suppressResults } from '../suppression/index.js';

describe('buildReport', () => {
  it('opens with the key findings as plain sentences, ranked by excess events', async () => {
    const results = fixtureResults();
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const excess = results.findings.map((f) => f.excessEvents ?? 0);
    expect(excess).toEqual([...excess].sort((a, b) => b - a));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain(
      'Black or African American patients had a higher rate of 30-day readmission than White patients: 12.1% vs 10.6%. That is about 140 more people with this outcome than if the gap were closed. The gap has not narrowed in 8 quarters.',
    );
    expect(text).toContain('lower rate of blood pressure control than White patients: 61.0% vs 68.0%');
    expect(text).toContain('The gap has narrowed over 8 quarters.');
    expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('class="measure"'));
  });

  it('writes Spanish from the catalogue with Spanish number formats', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'es' });
    const text = html.replace(/<[^>]+>/g, '');
    expect(html).toContain('<html lang="es">');
    expect(text).toMatch(
      /En «30-day readmission», las personas del grupo «Negra o afroamericana» tuvieron una tasa más alta que las personas del grupo «Blanca»: 12,1\s%\sfrente a 10,6\s%/,
    );
    expect(text).toContain('Hallazgos principales');
    expect(text).toMatch(/32\.195/); // thousands separator
  });

  it('is self-contained: no network, inline CSS and SVG, print rules', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    expect(html).not.toMatch(/<link|<img|@import|url\(|src="http|href="http/);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).toContain('@media print');
    expect((html.match(/<svg role="img"/g) ?? []).length).toBeGreaterThanOrEqual(8);
  });

  it('gives every chart a title, a description and a data table one click away', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    const charts = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
    // Rate charts for the 5 stratifiers with a gap, each group's rate over time and the gap for each.
    expect(charts.length).toBe(15);
    expect(charts.length).toBe((html.match(/<svg role="img"/g) ?? []).length);
    // Every stratum's charts are followed by its data tables.
    const strata = html.match(/<section class="stratum" id="s-[\s\S]*?<\/section>/g) ?? [];
    expect(strata.length).toBe(5);
    for (const s of strata)
      expect(s).toMatch(/<\/figure><\/div>(?:<\/div>)?<div class="tables"><details class="data/);
    for (const c of charts)
      expect(c).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    expect(html).toContain('<summary>Show the data table</summary>');
  });

  it('shows intersections beside their parents, summary measures with meanings, quality caveats, methods', async () => {
    const text = (await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' })).replace(
      /<[^>]+>/g,
      ' ',
    );
    expect(text).toMatch(/Black or African American · Female\s+25\.6%/);
    expect(text).toMatch(/Black or African American:\s+19\.4%\s+Female:\s+17\.7%/);
    expect(text).toContain('How many times higher one group');
    expect(text).toContain('Below 80% known');
    expect(text).toMatch(/Configuration hash\s+sha256:9f2c41d07ab3/);
    expect(text).toContain('Wilson score interval');
  });

  it('tells "suppressed" from "no data"', async () => {
    const html = await buildReport(fixtureResults('public'), { audience: 'public', lang: 'en' });
    expect(html).toContain(
      '<th scope="row">Native Hawaiian or Pacific Islander</th><td></td><td></td><td><em class="suppressed"',
    );
    expect(html).toContain('suppressed to protect privacy</em>');
    // The key says what each word means, and the two differ.
    expect(html).toMatch(
      /<em class="suppressed">suppressed to protect privacy<\/em><span>the group exists, but its numbers are hidden to protect privacy<\/span><\/li><li><em class="nodata">no data<\/em><span>nobody in the data belongs to the group/,
    );
    expect(html).toMatch(
      /<th scope="row">Middle Eastern or North African<\/th>(<td><\/td>){0,2}<td><span class="nodata">no data|<th scope="row">Middle Eastern or North African<\/th><td>[^]*?<em class="nodata">no data/,
    );
    expect(html).toContain('Public edition');
  });

  it('says a gap blanked by suppression is suppressed, not "no data"', async () => {
    // One quarter of the followed group made small (3 of 40) before the real suppression runs.
    const results = fixtureResults('internal');
    const s = results.measures.flatMap((m) => m.strata).find((x) => x.trend?.gap?.points.length);
    const gap = s?.trend?.gap;
    const series = s?.trend?.groups.find((g) => g.group === gap?.group);
    const point = series?.points[0];
    if (!gap || !point) throw new Error('the fixture has no trend gap');
    Object.assign(point, { numerator: 3, denominator: 40, rate: 3 / 40 });
    const html = await buildReport(suppressResults(results, { threshold: 11 }), {
      audience: 'public',
      lang: 'en',
    });
    const row = html.match(
      new RegExp(
        `<tr><th scope="row">${point.period}</th><td>(<em class="suppressed">|<span class="nodata">)`,
      ),
    );
    expect(row?.[1]).toBe('<em class="suppressed">');
  });

  it('refuses a public report from unsuppressed results, naming the fix', async () => {
    const err = await buildReport(fixtureResults('internal'), { audience: 'public', lang: 'en' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EquilensError);
    expect((err as EquilensError).code).toBe('small_cell');
    expect((err as EquilensError).details.fix).toMatch(/results\.public\.json/);
    const leaky = fixtureResults('public');
    leaky.measures[0]!.strata[0]!.groups[5] = {
      ...leaky.measures[0]!.strata[0]!.groups[0]!,
      numerator: 6,
      suppressed: false,
    };
    expect(() => assertPublic(leaky)).toThrow(/below the suppression threshold \(11\)/);
  });
});

describe('who a finding is about', () => {
  it('never says "Yes patients": yes/no and screening labels get a phrase', async () => {
    const { who } = await import('./who.js');
    const { createLocale } = await import('./i18n.js');
    const en = createLocale('en');
    const es = createLocale('es');
    expect(who(en, { limited_english: 'Yes' })).toBe('patients with limited English proficiency');
    expect(who(en, { hrsn_food: 'Positive' })).toBe('patients who screened positive for food insecurity');
    expect(who(en, { language: 'Spanish' })).toBe('patients whose preferred language is Spanish');
    expect(who(en, { race_ethnicity: 'White', sex: 'Male' })).toBe('White, Male patients');
    expect(who(en, { limited_english: 'Yes', sex: 'Male' })).toBe(
      'patients in the group “limited English proficiency: Yes; sex: Male”',
    );
    expect(who(es, { disability: 'Yes' })).toBe('las personas con discapacidad');
    expect(who(es, { race_ethnicity: 'Black or African American' })).toBe(
      'las personas del grupo «Negra o afroamericana»',
    );
  });
});
