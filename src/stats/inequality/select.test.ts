import { describe, expect, it } from 'vitest';
import { prepare } from './prepare.js';
import { bestGroup, pairForDifference, parReference } from './select.js';
import type { InequalityInput } from './types.js';

// WHO HEAT selection rules: `WHOequity/HEAT-Measures` R/utils.R `get_est_se_min_max`; healthequal R/parisk.R.
const nonOrdered = (favourable: boolean, ref?: string): InequalityInput => ({
  subgroups: [
    { name: 'A', estimate: 30 },
    { name: 'B', estimate: 10 },
    { name: 'C', estimate: 50 },
    { name: 'D', estimate: 20 },
  ].map((s) => ({ ...s, reference: s.name === ref })),
  favourable,
  ordered: false,
  scale: 100,
});
const ordered = (favourable: boolean): InequalityInput => ({
  // given out of order on purpose: order 1 = most disadvantaged
  subgroups: [
    { name: 'Q3', estimate: 25, order: 3 },
    { name: 'Q1', estimate: 40, order: 1 },
    { name: 'Q2', estimate: 10, order: 2 },
  ],
  favourable,
  ordered: true,
  scale: 100,
});
const names = (pair: ReturnType<typeof pairForDifference>) => [pair!.high.name, pair!.low.name];

describe('subgroup selection', () => {
  it('non-ordered without a reference: highest vs lowest, whatever the direction', () => {
    expect(names(pairForDifference(prepare(nonOrdered(true))))).toEqual(['C', 'B']);
    expect(names(pairForDifference(prepare(nonOrdered(false))))).toEqual(['C', 'B']);
  });

  it('non-ordered with a reference: favourable → ref vs lowest other; adverse → highest other vs ref', () => {
    expect(names(pairForDifference(prepare(nonOrdered(true, 'A'))))).toEqual(['A', 'B']);
    expect(names(pairForDifference(prepare(nonOrdered(false, 'A'))))).toEqual(['C', 'A']);
    // the reference is itself the lowest: compare with the lowest *other* group (HEAT's Inf hack)
    expect(names(pairForDifference(prepare(nonOrdered(true, 'B'))))).toEqual(['B', 'D']);
  });

  it('ordered: the extremes of the order, direction by indicator type (not by estimate)', () => {
    expect(names(pairForDifference(prepare(ordered(true))))).toEqual(['Q3', 'Q1']);
    expect(names(pairForDifference(prepare(ordered(false))))).toEqual(['Q1', 'Q3']);
  });

  it('PAR reference: the reference subgroup, else most advantaged (ordered) or best (non-ordered)', () => {
    expect(parReference(prepare(nonOrdered(true, 'D'))).name).toBe('D');
    expect(parReference(prepare(ordered(true))).name).toBe('Q3');
    expect(parReference(prepare(ordered(false))).name).toBe('Q3');
    expect(parReference(prepare(nonOrdered(true))).name).toBe('C');
    expect(parReference(prepare(nonOrdered(false))).name).toBe('B');
    expect(bestGroup(prepare(nonOrdered(false, 'A'))).name).toBe('B');
  });

  it('fewer than two subgroups: no pair', () => {
    expect(
      pairForDifference(prepare({ ...nonOrdered(true), subgroups: [{ name: 'A', estimate: 1 }] })),
    ).toBeNull();
  });
});
