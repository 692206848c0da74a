import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../model/index.js';
import { fcOptions } from './__fixtures__/fc-options.js';
import { intervalAttack } from './__fixtures__/interval-attacker.js';
import { printed, relations, resultsFrom, peopleFrom, type Person } from './__fixtures__/results.js';
import { primaryReason } from './primary.js';
import { suppressResults } from './results.js';
import { isHidden } from './table.js';

const people = peopleFrom;

/** Ids (as `printed` names them) of groups published with reason small_denominator. */
function smallDenominators(r: ResultsFile): Set<string> {
  const out = new Set<string>();
  for (const m of r.measures)
    for (const s of m.strata)
      for (const g of s.groups)
        if (!s.facet && g.suppressionReason === 'small_denominator')
          out.add(`${m.id}|${s.stratifier}=${g.group}`);
  return out;
}

/** Small cells (by the primary rule) that the interval attacker pins down. */
function pinnedSmall(ps: Person[], threshold: number): string[] {
  const input = resultsFrom(ps);
  const out = suppressResults(input, { threshold });
  const truth = printed(input);
  const pinned = intervalAttack(relations(ps), truth, printed(out), smallDenominators(out), threshold);
  return [...pinned].filter((id) => {
    const [n, d] = truth.get(id) ?? [null, null];
    return n !== null && d !== null && isHidden(primaryReason(n, d, { threshold }) ?? undefined);
  });
}

describe('interval attacker (integrality, n ≤ d, non-negativity, published reasons)', () => {
  it('recovers no small cell of a table where a zero total pins its part under plain subtraction rules', () => {
    // Unknown Female: 2 events of 3; Unknown Male: 0 of 0. Peeling and solving see two unknowns, bounds do not.
    const ps = people([
      ['A', 'Female', 'P1', 30, 200],
      ['A', 'Male', 'P1', 25, 180],
      ['B', 'Female', 'P1', 20, 150],
      ['B', 'Male', 'P1', 22, 160],
      ['U', 'Female', 'P1', 2, 3],
    ]);
    expect(pinnedSmall(ps, 11)).toEqual([]);
  });

  it('property: over random tables (groups × sex × periods, intersections), no hidden small cell is pinned', () => {
    const cell = fc.tuple(
      fc.constantFrom('Asian', 'Black', 'White', 'Unknown'),
      fc.constantFrom('Female', 'Male'),
      fc.constantFrom('P1', 'P2', 'P3'),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 1, max: 60 }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 3, max: 15 }),
        (spec, t) => {
          const ps = people(spec.map(([r, s, p, e, n]) => [r, s, p, Math.min(e, n), n]));
          expect(pinnedSmall(ps, t)).toEqual([]);
        },
      ),
      fcOptions(200),
    );
  });
});
