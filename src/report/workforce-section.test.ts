import { describe, expect, it } from 'vitest';
import { fixtureEquity } from './__fixtures__/equity.js';
import { createLocale } from './i18n.js';
import { workforceSection } from './workforce-section.js';

const rows = (html: string): string[] => html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];

describe('workforce section', () => {
  it('leaves the q column empty for the reference and says "withheld" for a withheld rate, not "no data"', () => {
    const file = fixtureEquity('public').workforce;
    if (!file) throw new Error('the fixture has no workforce file');
    const html = workforceSection(createLocale('en'), file);
    const rateRows = rows(html).filter((r) => /<th scope="row">(Hired|Promoted|Left): /.test(r));
    expect(rateRows.length).toBeGreaterThan(0);
    for (const r of rateRows) expect(r, r).not.toContain('no data');
    expect(file.rates.some((r) => r.suppressed)).toBe(true);
    expect(rateRows.some((r) => r.includes('withheld'))).toBe(true);
  });
});
