import { describe, expect, it } from 'vitest';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('numbers in the report', () => {
  it('every marked number equals the number in results.json', async () => {
    const results = fixtureResults();
    const html = await buildReport(results, { audience: 'internal', lang: 'en' });
    const marks = [...html.matchAll(/data-field="([^"]+)" data-value="([^"]+)"/g)];
    expect(marks.length).toBeGreaterThan(5);
    for (const [, field, value] of marks) expect(Number(value), field).toBe(at(results, field!));
  });
  it('the public report carries no count below the suppression threshold', async () => {
    const results = fixtureResults('public');
    const html = await buildReport(results, { audience: 'public', lang: 'en' });
    for (const [, field, value] of html.matchAll(/data-field="([^"]+)" data-value="([^"]+)"/g)) {
      if (/numerator|denominator|excessEvents/.test(field!)) expect(Number(value)).toBeGreaterThanOrEqual(11);
    }
    expect(html).not.toContain('Pacific Islander</th><td><span');
  });
});
