import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tickValues } from './chart-ticks.js';

describe('tickValues', () => {
  it('gives nice steps inside the domain', () => {
    expect(tickValues(0.42, 0.63, 4, 0.01)).toEqual([0.45, 0.5, 0.55, 0.6]);
    expect(tickValues(0.08, 0.27, 4, 0.01)).toEqual([0.1, 0.15, 0.2, 0.25]);
    expect(tickValues(-2.3, 10.4, 4)).toEqual([0, 5, 10]);
    expect(tickValues(0.121, 0.139, 4, 0.01)).toEqual([0.13]);
    expect(tickValues(180, 260, 4, 1)).toEqual([200, 250]);
  });
  it('never more than max ticks, all inside [lo, hi], evenly spaced', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.integer({ min: 2, max: 6 }),
        (lo, span, max) => {
          const t = tickValues(lo, lo + span, max);
          expect(t.length).toBeGreaterThan(0);
          expect(t.length).toBeLessThanOrEqual(max);
          for (const v of t) expect(v).toBeGreaterThanOrEqual(lo - span * 1e-6);
          for (const v of t) expect(v).toBeLessThanOrEqual(lo + span + span * 1e-6);
        },
      ),
    );
  });
});
