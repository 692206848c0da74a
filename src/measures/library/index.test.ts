import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryIds, libraryMeasure } from './index.js';

describe('measure library', () => {
  it('holds the starter measures of issue #6, each with a steward and its differences', () => {
    expect(libraryIds()).toEqual([
      'cbp',
      'hba1c-poor-control',
      'hba1c-testing',
      'sdoh-screening',
      'sdoh-positive-food',
      'sdoh-positive-housing-instability',
      'sdoh-positive-transportation',
      'sdoh-positive-utilities',
      'sdoh-positive-interpersonal-safety',
      'depression-screening',
      'tobacco-screening',
      'bmi-screening',
      'ed-visits',
      'readmission-30d',
      'breast-cancer-screening',
      'colorectal-cancer-screening',
    ]);
    for (const m of LIBRARY) {
      expect(m.id).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(m.steward.reference.length).toBeGreaterThan(3);
      expect(m.differences.length).toBeGreaterThan(0);
      if (m.populationNumeratorOf) expect(libraryMeasure(m.populationNumeratorOf)).toBeDefined();
    }
  });
  it('keeps the issue’s thresholds and code lists for cbp and hba1c-poor-control', () => {
    const cbp = libraryMeasure('cbp');
    expect(cbp?.population).toMatchObject({ ageMin: 18, ageMax: 85 });
    expect(cbp?.numerator).toMatchObject({ kind: 'bp_controlled', systolicBelow: 140, diastolicBelow: 90 });
    const a1c = libraryMeasure('hba1c-poor-control');
    expect(a1c?.numerator).toMatchObject({
      kind: 'latest_value',
      comparator: '>',
      threshold: 9,
      missing: 'numerator',
    });
    expect(a1c?.direction).toBe('lower_is_better');
  });
});
