import { describe, expect, it } from 'vitest';
import { describeMeasure } from './describe.js';
import { LIBRARY, libraryMeasure } from './library/index.js';

describe('describeMeasure', () => {
  it('states cbp as the issue does', () => {
    const d = describeMeasure(libraryMeasure('cbp')!);
    expect(d.denominator).toBe(
      'Patients aged 18–85 at the end of the period with a diagnosis (SNOMED CT 38341003, 59621000; ICD-10-CM I10*) on or before the end of the period, and a visit in the measurement period.',
    );
    expect(d.numerator).toContain('the lowest systolic is < 140 and the lowest diastolic < 90 mmHg');
    expect(d.exclusions).toBeUndefined();
  });
  it('describes every library measure', () => {
    for (const m of LIBRARY) {
      const d = describeMeasure(m);
      expect(d.denominator.length).toBeGreaterThan(20);
      expect(d.numerator).not.toMatch(/undefined/);
    }
    expect(describeMeasure(libraryMeasure('readmission-30d')!).numerator).toBe(
      'Another inpatient admission 1–30 days after the discharge.',
    );
    // a count-based rate (scale 1,000) says it counts visits, not patients with a visit
    expect(describeMeasure(libraryMeasure('ed-visits')!).numerator).toBe(
      'The number of visits of class EMER in the measurement period, per 1,000 patients in the denominator (a rate: visits / patients × 1,000).',
    );
    expect(describeMeasure(libraryMeasure('breast-cancer-screening')!).denominator).toMatch(
      /^Female patients aged 52–74/,
    );
  });
});
