import { describe, expect, it } from 'vitest';
import { indirectStandardise } from './indirect-standardise.js';
import { byarLimits, exactPoissonLimits } from './rate.js';

const reference = [
  { ageBand: '0-39', events: 100, population: 100_000 },
  { ageBand: '40+', events: 400, population: 50_000 },
];

describe('indirectStandardise', () => {
  it('observed/expected with Byar limits on O (PHEindicatormethods calculate_ISRatio 2.1.0 method)', () => {
    // By hand: E = 0.001·2000 + 0.008·1000 = 10; O = 12; ratio 1.2; limits Byar(12)/10;
    // rate = 1.2 × (500/150000) × 100,000 = 400 (calculate_ISRate).
    const r = indirectStandardise(
      [
        { ageBand: '0 - 39', events: 5, population: 2000 },
        { ageBand: '40 and over', events: 7, population: 1000 },
      ],
      reference,
      { levels: [0.95, 0.998] },
    );
    expect(r.expected).toBeCloseTo(10, 12);
    expect(r.value).toBeCloseTo(1.2, 12);
    expect(r.method).toBe('byar');
    expect(r.ci[0]!.lower).toBeCloseTo(byarLimits(12).lower / 10, 12);
    expect(r.ci[1]!.upper).toBeCloseTo(byarLimits(12, 0.998).upper / 10, 12);
    expect(r.rate).toBeCloseTo(400, 9);
  });

  it('uses exact limits below 10 events, an observed total, and a multiplier', () => {
    const r = indirectStandardise([{ ageBand: '40+', events: 0, population: 1000 }], reference, {
      observed: 3,
      multiplier: 100,
    });
    expect(r.observed).toBe(3);
    expect(r.method).toBe('exact-poisson');
    expect(r.value).toBeCloseTo(37.5, 9);
    expect(r.ci[0]!.upper).toBeCloseTo((exactPoissonLimits(3).upper / 8) * 100, 9);
  });

  it('gives a reasoned null when nothing is expected and an error for an unknown band', () => {
    const r = indirectStandardise([{ ageBand: '0-39', events: 0, population: 0 }], reference);
    expect(r.value).toBeNull();
    expect(r.warnings[0]!.code).toBe('no_expected');
    expect(() => indirectStandardise([{ ageBand: '90+', events: 1, population: 5 }], reference)).toThrow(
      /no reference rate/,
    );
  });
});
