import { describe, expect, it } from 'vitest';
import { binomInv, chisqQuantile, zFor } from './distributions.js';

// Reference values: R 4.x qnorm(0.975) = 1.959964, qnorm(0.999) = 3.090232, qchisq(0.025, 10) = 3.246973,
// qbinom(0.05, 19, 0.5) = 6 (the Anhøj crossings limit for n = 20 is 6: qicharts2 / Anhøj & Olesen 2014 table).
describe('distributions', () => {
  it('matches R reference quantiles', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
    expect(zFor(0.998)).toBeCloseTo(3.090232, 6);
    expect(chisqQuantile(0.025, 10)).toBeCloseTo(3.246973, 6);
    expect(binomInv(0.05, 19, 0.5)).toBe(6);
  });
});
