/**
 * Custom measures are described by their `description` (in the report's language), not by their
 * expressions: in the measure's header and in the methods appendix, where the expressions stay one click
 * away for whoever checks the configuration.
 */
import { describe, expect, it } from 'vitest';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import type { LocalisedDefinition } from './localise.js';

const EN = 'Of inpatient discharges, age 18+: the share readmitted within 30 days.';
const ES = 'De las altas hospitalarias, 18 años o más: la proporción reingresada en 30 días.';
const config: LocalisedDefinition[] = [
  {
    id: 'readmit30',
    title: '30-day readmission',
    description: EN,
    descriptions: { en: EN, es: ES },
    numerator: "readmit30 = 'Y'",
    denominator: 'true',
  },
  // No description: its expressions are all there is to say.
  { id: 'bp_control', title: 'Blood pressure control', numerator: "bp_ok = 'Y'", denominator: 'htn = 1' },
];

const methods = (html: string): string => html.slice(html.indexOf('<section id="methods"'));
const header = (html: string, id: string): string => {
  const start = html.indexOf(`<section class="measure" id="m-${id}"`);
  return html.slice(start, html.indexOf('</header>', start));
};
/** The definition list item of a measure in the methods appendix. */
const item = (html: string, title: string): string => {
  const m = methods(html);
  const start = m.indexOf(`<li><strong>${title}</strong>`);
  expect(start, title).toBeGreaterThan(-1);
  return m.slice(start, m.indexOf('</li>', start));
};

describe('custom measures described by their description', () => {
  it('leads with the description; the expressions are collapsed, `true` left out', async () => {
    const html = await buildReport(fixtureResults(), {
      audience: 'internal',
      lang: 'en',
      definitions: config,
    });
    expect(header(html, 'readmit30')).toContain(`<p class="description">${EN}</p>`);
    const readmit = item(html, '30-day readmission');
    expect(readmit.startsWith(`<li><strong>30-day readmission</strong> — ${EN}<details class="data">`)).toBe(
      true,
    );
    expect(readmit).toContain('<summary>The expressions in the configuration</summary>');
    expect(readmit).toContain('<code>readmit30 = &#39;Y&#39;</code>');
    expect(readmit).not.toContain('<code>true</code>');
    // Without a description the expressions are the definition, shown open.
    const bp = item(html, 'Blood pressure control');
    expect(bp).not.toContain('<details');
    expect(bp).toContain('<code>htn = 1</code>');
  });

  it('in the Spanish edition, in Spanish (header and appendix)', async () => {
    const html = await buildReport(fixtureResults(), {
      audience: 'internal',
      lang: 'es',
      definitions: config,
    });
    expect(header(html, 'readmit30')).toContain(ES);
    expect(item(html, '30-day readmission')).toContain(`— ${ES}<details`);
    expect(html).not.toContain(EN);
  });

  it('without a config, from the description results.json carries', async () => {
    const results = fixtureResults();
    Object.assign(results.measures[0]!, { description: EN });
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    expect(header(html, 'readmit30')).toContain(EN);
    expect(item(html, results.measures[0]!.title)).toBe(
      `<li><strong>${results.measures[0]!.title}</strong> — ${EN}`,
    );
  });
});
