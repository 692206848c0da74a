import { describe, expect, it } from 'vitest';
import { relativeStandardError } from './blank.js';

describe('relativeStandardError', () => {
  it('of a proportion is sqrt((1 − p) / n)', () => {
    // 10 of 100: sqrt(0.9 / 10) = 0.3 (the NCHS 30% boundary)
    expect(relativeStandardError(10, 100)).toBeCloseTo(0.3, 12);
  });

  it('of a count-based rate is 1 / sqrt(events), even above one event per unit', () => {
    // NCHS Data Presentation Standards (2017): a Poisson count below 12 has RSE > 30% (1/sqrt(11) = 0.3015)
    expect(relativeStandardError(11, 5, 'rate')).toBeCloseTo(0.30151, 5);
    expect(relativeStandardError(12, 5, 'rate')).toBeLessThan(0.3);
    expect(relativeStandardError(400, 100, 'rate')).toBeCloseTo(0.05, 12);
  });

  it('is infinite with no events and undefined with no denominator', () => {
    expect(relativeStandardError(0, 50)).toBe(Number.POSITIVE_INFINITY);
    expect(relativeStandardError(0, 50, 'rate')).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(relativeStandardError(3, 0))).toBe(true);
  });
});
