import { describe, expect, it } from 'vitest';
import { chooseProportionChart, LARGE_DENOMINATOR, PRIME_RATIO_THRESHOLD } from './auto-chart.js';

const phase = (numerators: number[], denominators: number[]) => ({
  phase: { label: null, start: 0, length: numerators.length },
  series: { numerators, denominators },
  base: numerators.length,
});

describe('chooseProportionChart', () => {
  it('documents its thresholds', () => {
    expect(PRIME_RATIO_THRESHOLD).toBe(1.5);
    expect(LARGE_DENOMINATOR).toBe(1000);
  });
  it('keeps the p-chart when the binomial model fits (σ_z ≈ 1 or less)', () => {
    expect(chooseProportionChart([phase([10, 11, 9, 10], [100, 100, 100, 100])])).toEqual({
      chart: 'p',
      warnings: [],
    });
  });
  it('switches to p′ for overdispersion with large denominators', () => {
    const r = chooseProportionChart([
      phase([1000, 1300, 900, 1250, 950], [10_000, 10_000, 10_000, 10_000, 10_000]),
    ]);
    expect(r.chart).toBe('pprime');
    expect(r.warnings[0]).toMatchObject({ code: 'overdispersion' });
  });
  it('keeps p (with a warning) for overdispersion with small denominators', () => {
    const r = chooseProportionChart([phase([0, 50, 0, 50], [100, 100, 100, 100])]);
    expect(r.chart).toBe('p');
    expect(r.warnings[0]!.message).toMatch(/pprime/);
  });
  it('switches when any phase qualifies', () => {
    const calm = phase([10, 11, 9, 10], [100, 100, 100, 100]);
    const wild = phase([1000, 1300, 900, 1250], [10_000, 10_000, 10_000, 10_000]);
    expect(chooseProportionChart([calm, wild]).chart).toBe('pprime');
  });
});
