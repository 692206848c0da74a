import { describe, expect, it } from 'vitest';
import { EquilensError } from '../errors.js';
import type { ResultsFile } from '../model/results.js';
import { suppressResults } from '../suppression/index.js';
import { peopleFrom, resultsFrom } from '../suppression/__fixtures__/results.js';
import { assertPublic } from './public-guard.js';

const people = peopleFrom;
const base = people([
  ['Asian', 'Female', '2024Q1', 12, 40],
  ['Asian', 'Male', '2024Q1', 13, 35],
  ['Black', 'Female', '2024Q1', 30, 120],
  ['Black', 'Male', '2024Q1', 25, 110],
  ['White', 'Female', '2024Q1', 40, 300],
  ['White', 'Male', '2024Q1', 35, 280],
  ['Unknown', 'Female', '2024Q1', 1, 4],
]);
const code = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof EquilensError ? `${e.code}: ${e.message}` : String(e);
  }
  return undefined;
};
/** A weakly suppressed file that claims to be public (edited by hand or by another tool). */
const relabelled = (r: ResultsFile, threshold: number): ResultsFile => ({
  ...r,
  stamp: { ...r.stamp, audience: 'public' },
  settings: { ...r.settings, suppressionThreshold: threshold },
});

describe('assertPublic re-runs the audit instead of trusting the file', () => {
  it('accepts a public edition made with the defaults', () => {
    expect(code(() => assertPublic(suppressResults(resultsFrom(base))))).toBeUndefined();
  });

  it('refuses threshold 1 even when the file says its threshold is 1', () => {
    const weak = relabelled(suppressResults(resultsFrom(base), { threshold: 1 }), 1);
    expect(code(() => assertPublic(weak))).toMatch(
      /^small_cell: A count below the suppression threshold \(11\)/,
    );
  });

  it('refuses complementary suppression switched off: the audit run again finds a recomputable cell', () => {
    const weak = relabelled(suppressResults(resultsFrom(base), { complementary: false }), 11);
    expect(code(() => assertPublic(weak))).toMatch(/^small_cell: The suppression audit, run again/);
  });

  it('refuses a restricted edition (an override below the public minimum)', () => {
    const r = suppressResults(resultsFrom(base), { threshold: 5, below_public_minimum: 'agreement' });
    expect(r.stamp.audience).toBe('restricted');
    expect(code(() => assertPublic(r))).toMatch(/restricted/);
  });
});
