import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroup, excessEvents } from './compare.js';
import { chooseReference } from './reference.js';
import { gapDirection } from './trend.js';
import { labelGroup } from './labels.js';
import { combinations, buildPlan } from './plan.js';

const groups = [
  { group: 'White', numerator: 50, denominator: 1000 },
  { group: 'Asian', numerator: 5, denominator: 200 },
  { group: 'Black or African American', numerator: 40, denominator: 400 },
  { group: 'Unknown', numerator: 1, denominator: 5000 },
];

describe('reference group', () => {
  it('largest known group; statuses are never the reference', () => {
    expect(chooseReference(groups, 'largest', 'lower_is_better', 'race').group).toBe('White');
  });
  it('best group by the measure direction', () => {
    expect(chooseReference(groups, 'best', 'lower_is_better', 'race').group).toBe('Asian');
    expect(chooseReference(groups, 'best', 'higher_is_better', 'race').group).toBe(
      'Black or African American',
    );
  });
  it('a named group, or the largest with a warning when it has no data', () => {
    expect(chooseReference(groups, { group: 'Asian' }, 'lower_is_better', 'race')).toMatchObject({
      group: 'Asian',
      rule: 'named',
    });
    const r = chooseReference(groups, { group: 'Unknown' }, 'lower_is_better', 'race');
    expect(r).toMatchObject({ group: 'White', rule: 'largest' });
    expect(r.warnings[0]?.code).toBe('reference_not_found');
  });
});

describe('events to close the gap', () => {
  it('is positive when the group does worse, by direction', () => {
    // lower is better: (0.10 − 0.05) × 400 = 20 more events than at the reference rate
    expect(
      excessEvents(
        { numerator: 40, denominator: 400 },
        { numerator: 50, denominator: 1000 },
        'lower_is_better',
      ),
    ).toBeCloseTo(20, 10);
    // higher is better: (0.05 − 0.10) × −1 × 1000 = 50 fewer good outcomes
    expect(
      excessEvents(
        { numerator: 50, denominator: 1000 },
        { numerator: 40, denominator: 400 },
        'higher_is_better',
      ),
    ).toBeCloseTo(50, 10);
  });

  it('property: label worse ⇔ q ≤ fdr and excess events > 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom('lower_is_better' as const, 'higher_is_better' as const),
        (n1, x1r, n2, x2r, direction) => {
          const x1 = x1r % (n1 + 1);
          const x2 = x2r % (n2 + 1);
          const g = compareGroup(
            'g',
            { numerator: x1, denominator: n1 },
            { numerator: x2, denominator: n2 },
            { level: 0.95, direction },
          );
          g.qValue = g.pValue;
          const label = labelGroup(g, direction, 0.05);
          if (label === 'worse') expect(g.excessEvents!).toBeGreaterThan(0);
          if (label === 'better') expect(g.excessEvents!).toBeLessThan(0);
          if (g.pValue !== null && g.pValue > 0.05) expect(label).toBe('no_detectable_difference');
          for (const v of [g.rate, g.lower, g.upper, g.difference, g.excessEvents])
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('gap direction', () => {
  const series = (gaps: number[], n = 2000) =>
    gaps.map((gap, t) => ({
      g: { period: `2024-${t}`, numerator: Math.round((0.1 + gap) * n), denominator: n },
      r: { period: `2024-${t}`, numerator: Math.round(0.1 * n), denominator: n },
    }));
  it('narrowing, widening, no clear change, not assessed', () => {
    expect(
      gapDirection(series([0.08, 0.07, 0.06, 0.05, 0.03, 0.02, 0.01, 0.0]), 'lower_is_better', 0.95),
    ).toBe('narrowing');
    expect(
      gapDirection(series([0.0, 0.01, 0.02, 0.04, 0.05, 0.06, 0.07, 0.08]), 'lower_is_better', 0.95),
    ).toBe('widening');
    expect(
      gapDirection(series([0.05, 0.051, 0.049, 0.05, 0.05, 0.049, 0.051, 0.05]), 'lower_is_better', 0.95),
    ).toBe('no_clear_change');
    expect(gapDirection(series([0.05, 0.02]), 'lower_is_better', 0.95)).toBe('not_assessed');
    // higher is better: a group rate rising towards the reference is a narrowing gap
    expect(
      gapDirection(series([-0.08, -0.07, -0.06, -0.05, -0.03, -0.02, -0.01, 0.0]), 'higher_is_better', 0.95),
    ).toBe('narrowing');
  });
});

describe('plan', () => {
  it('lists each grouping set once', () => {
    const plan = buildPlan({
      schema: 'ds_1',
      measures: ['m'],
      period: 'quarter',
      hasPeriodColumn: false,
      stratifiers: ['race_ethnicity', 'sex', 'payer'],
      intersections: [['sex', 'race_ethnicity']],
      discovery: combinations(['race_ethnicity', 'sex', 'payer'], 2, 3),
      facets: ['site'],
      standardize: false,
    });
    const keys = plan.sets.map((s) => s.join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    // [] + [@period] + 3 × (s, s×period, site×s) + [site] + 3 pairs + 1 triple
    expect(plan.sets).toHaveLength(2 + 9 + 1 + 3 + 1);
    expect(combinations(['a', 'b', 'c'], 2, 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });
});
