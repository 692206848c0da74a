import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };

describe('buildReport', () => {
  it('renders findings with numbers equal to results.json', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    expect(html).toContain('12.1%');
    expect(html).toContain('data-field="findings.0.rate" data-value="0.121"');
  });
  it('formats numbers for Spanish', async () => {
    expect(await buildReport(fixtureResults(), { audience: 'internal', lang: 'es' })).toMatch(/12,1\s%/);
  });
  it('refuses a public report from unsuppressed results', async () => {
    await expect(buildReport(fixtureResults('internal'), { audience: 'public', lang: 'en' })).rejects.toThrow(
      EquilensError,
    );
    const bad = fixtureResults('public');
    bad.measures[0]!.strata[0]!.groups[2] = { ...bad.measures[0]!.strata[0]!.groups[0]!, numerator: 4 };
    await expect(buildReport(bad, { audience: 'public', lang: 'en' })).rejects.toThrow(/below 11/);
  });
  it('shows suppressed cells distinctly in the public report', async () => {
    const html = await buildReport(fixtureResults('public'), { audience: 'public', lang: 'en' });
    expect(html).toContain('suppressed (fewer than 11)');
  });
  it('renders an accessible chart per stratum', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    expect(html).toMatch(/<svg role="img" aria-label="30-day readmission: race_ethnicity"/);
    expect(html).toContain('<summary>Show the data</summary>');
  });
  it('has the same keys in every catalogue', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });
});
