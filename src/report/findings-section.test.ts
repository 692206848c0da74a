import { describe, expect, it } from 'vitest';
import type { Finding, ResultsFile } from '../model/results.js';
import { fixtureResults } from './__fixtures__/results.js';
import {
  findingSentence,
  findingsSection,
  glanceSection,
  rankingLead,
  unitNoun,
} from './findings-section.js';
import { createLocale } from './i18n.js';

const en = createLocale('en');
const es = createLocale('es');
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');

/** The fixture with results of this version: units, a ranking, rules, and a reference doing worse. */
function results(): ResultsFile {
  const r = fixtureResults();
  r.measures[0]!.unit = 'discharge';
  r.ranking = {
    method: 'weighted_strength',
    priorities: ['race_ethnicity', 'race', 'ethnicity', 'language'],
    priorityWeight: 2,
    processWeight: 0.5,
    pins: 1,
  };
  for (const f of r.findings) f.referenceRule = f.kind === 'stratum' ? 'largest' : 'combination';
  return r;
}

describe('the findings front page', () => {
  it('states how findings are ranked, naming the priority stratifiers once', () => {
    const lead = text(rankingLead(en, results()));
    expect(lead).toMatch(/^Ranked by the strength of each gap/);
    expect(lead).toContain('count 2×');
    expect(lead).toContain('count 0.5×');
    expect(lead).toContain('Findings pinned by the council come first.');
    // the 1997-basis race and ethnicity are not repeated beside the 2024 combined field
    expect(lead).toContain('Gaps by race and ethnicity, preferred language count');
    expect(text(rankingLead(es, results()))).toMatch(/^Ordenados por la fuerza/);
    // results written before the ranking existed keep the older lead
    const old = fixtureResults();
    expect(rankingLead(en, old)).toBe(en.t('findings.lead'));
  });

  it('names the rule beside every comparison', () => {
    const r = results();
    const html = findingsSection(en, r);
    expect(html.match(/Reference: the largest group/g)?.length).toBe(
      r.findings.filter((f) => f.kind === 'stratum').length,
    );
  });

  it('leads with the reference group when it is the worse-off one, and says so', () => {
    const r = results();
    const i = r.findings.findIndex((f) => f.kind === 'stratum');
    const f = r.findings[i]!;
    // the same gap, seen from the other side: the compared group does better than the reference
    const flipped: Finding = {
      ...f,
      values: { [Object.keys(f.values)[0]!]: f.comparison },
      comparison: Object.values(f.values)[0]!,
      rate: f.comparisonRate,
      comparisonRate: f.rate,
      referenceWorse: true,
    };
    const a = text(findingSentence(en, r, f, i));
    r.findings[i] = flipped;
    const b = text(findingSentence(en, r, flipped, i));
    expect(b.startsWith(a.split(':')[0]!)).toBe(true);
    expect(b).toContain('Here the reference group is the worse-off group.');
    expect(a).not.toContain('worse-off');
  });

  it('counts in the measure unit: discharges, not people', () => {
    const r = results();
    const i = r.findings.findIndex((f) => f.measure === r.measures[0]!.id && (f.excessEvents ?? 0) >= 1);
    r.findings[i]!.denominator = 2400;
    const html = text(findingsSection(en, r));
    expect(html).toContain('2,400 discharges');
    expect(text(findingSentence(en, r, r.findings[i]!, i))).toMatch(/more discharges with this outcome/);
    const glance = text(glanceSection(en, r));
    expect(glance).toContain('Counted');
    expect(glance).toMatch(/\d discharges/);
    expect(glance).not.toContain('People counted');
    expect(unitNoun(en, { ...r.measures[0]!, unit: 'person' }, 1)).toBe('person');
    expect(unitNoun(es, { ...r.measures[0]!, unit: 'encounter' }, 2)).toBe('encuentros');
    expect(unitNoun(en, { ...r.measures[0]!, unit: 'bed-day' }, 2)).toBe('bed-day');
  });
});
