import { describe, expect, it } from 'vitest';
import type { InequalityInput } from '../types.js';
import { bestGroupComparisons } from './best-group-comparisons.js';
import { keppelPearcyIndexOfDisparity } from './keppel-pearcy-index.js';
import { summaryRateRatio } from './summary-rate-ratio.js';

const groups = (rates: number[], se: (number | null)[] = rates.map(() => null)) =>
  rates.map((estimate, i) => ({ name: ['White', 'Black', 'Hispanic', 'Asian'][i]!, estimate, se: se[i] }));

// Worked by hand with the definitions of Pearcy & Keppel (Public Health Rep 2002;117:273–80) and Talih & Huang
// (Healthy People Statistical Notes no. 27, 2016): adverse rates 10, 20, 15 per 100,000; best = 10;
// SRR = (20/10 + 15/10)/2 = 1.75; ID = 100·(|20 − 10| + |15 − 10|)/2/10 = 75 = 100·(SRR − 1).
const adverse: InequalityInput = {
  subgroups: groups([10, 20, 15]),
  favourable: false,
  ordered: false,
  scale: 100000,
};
// Favourable (percent vaccinated 90, 80, 70) → adverse (not vaccinated) 10, 20, 30; SRR = 2.5, ID = 150.
const favourable: InequalityInput = {
  subgroups: groups([90, 80, 70]),
  favourable: true,
  ordered: false,
  scale: 100,
};

describe('Healthy People disparity measures', () => {
  it('summary rate ratio and Keppel–Pearcy index (adverse indicator)', () => {
    expect(summaryRateRatio(adverse)).toMatchObject({ measure: 'SRR', estimate: 1.75, best: 'White' });
    expect(keppelPearcyIndexOfDisparity(adverse).estimate).toBeCloseTo(75, 12);
  });

  it('re-expresses a favourable indicator as adverse events', () => {
    expect(summaryRateRatio(favourable).estimate).toBeCloseTo(2.5, 12);
    expect(keppelPearcyIndexOfDisparity(favourable).estimate).toBeCloseTo(150, 12);
    expect(summaryRateRatio(favourable).best).toBe('White');
  });

  it('compares each group with the best group: RD ≥ 0, RR ≥ 1, percent difference', () => {
    const c = bestGroupComparisons({ ...adverse, subgroups: groups([10, 20, 15], [1, 2, 1.5]) });
    expect(c.best).toBe('White');
    const black = c.groups.find((g) => g.name === 'Black')!;
    expect(black.rateDifference.estimate).toBe(10);
    expect(black.rateDifference.se).toBeCloseTo(Math.sqrt(5), 12);
    expect(black.rateRatio.estimate).toBe(2);
    expect(black.percentDifference).toBe(100);
    // log-scale interval: exp(ln 2 ± z·√(2²/20² + 1²/10²))
    const seLog = Math.sqrt(0.01 + 0.01);
    expect(black.rateRatio.lower).toBeCloseTo(2 * Math.exp(-1.959963985 * seLog), 8);
    const white = c.groups.find((g) => g.isBest)!;
    expect(white.rateDifference).toMatchObject({ estimate: 0, se: null });
    expect(white.rateRatio.estimate).toBe(1);
  });

  it('SRR − 1 = ID/100 and the interval is deterministic', () => {
    const input = { ...adverse, subgroups: groups([10, 20, 15, 12], [1, 2, 1.5, 1]) };
    const srr = summaryRateRatio(input);
    const id = keppelPearcyIndexOfDisparity(input);
    expect(100 * (srr.estimate! - 1)).toBeCloseTo(id.estimate!, 10);
    expect(srr.lower!).toBeLessThan(srr.upper!);
    expect(summaryRateRatio(input)).toEqual(srr);
  });

  it('returns null with a reason when it does not apply', () => {
    expect(summaryRateRatio({ ...adverse, subgroups: groups([10]) }).warnings[0]!.code).toBe(
      'too_few_subgroups',
    );
    const zero = summaryRateRatio({ ...adverse, subgroups: groups([0, 20, 15]) });
    expect(zero.estimate).toBeNull();
    expect(zero.warnings.map((w) => w.code)).toContain('best_rate_zero');
    const out = keppelPearcyIndexOfDisparity({ ...favourable, subgroups: groups([90, 120, 70]) });
    expect(out.warnings[0]!.code).toBe('rates_out_of_range');
    expect(summaryRateRatio(adverse).warnings.map((w) => w.code)).toEqual(['no_standard_errors']);
  });
});
