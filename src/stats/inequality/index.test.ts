import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INEQUALITY_MEASURES, inequalityMeasures, isInequalityMeasureCode } from './index.js';
import { nonOrderedInput, orderedInput } from './__fixtures__/healthequal.js';
import type { InequalityInput, InequalityResult } from './types.js';

const numbersOf = (r: InequalityResult) => [r.estimate, r.se, r.lower, r.upper];
const allFiniteOrNull = (rs: InequalityResult[]) =>
  rs.every((r) => numbersOf(r).every((x) => x === null || Number.isFinite(x)));
const byCode = (rs: InequalityResult[]) => Object.fromEntries(rs.map((r) => [r.measure, r]));

/** Subgroups without SEs (no simulation: keeps properties fast). */
const subgroupsArb = (min: number, max: number) =>
  fc.array(
    fc.record({
      estimate: fc.double({ min: 0.5, max: 99, noNaN: true }),
      population: fc.integer({ min: 1, max: 5000 }),
    }),
    { minLength: min, maxLength: max },
  );

const inputOf = (
  gs: { estimate: number; population: number; se?: number }[],
  ordered: boolean,
  favourable = true,
): InequalityInput => ({
  subgroups: gs.map((g, i) => ({ name: `G${i + 1}`, ...g, order: ordered ? i + 1 : null })),
  favourable,
  ordered,
  scale: 100,
});

describe('inequalityMeasures', () => {
  it('returns one result per requested measure, in order; all 21 by default', () => {
    expect(inequalityMeasures(orderedInput()).map((r) => r.measure)).toEqual(INEQUALITY_MEASURES);
    expect(INEQUALITY_MEASURES).toHaveLength(21);
    expect(inequalityMeasures(orderedInput(), ['RII', 'D']).map((r) => r.measure)).toEqual(['RII', 'D']);
    expect(isInequalityMeasureCode('MDRW')).toBe(true);
    expect(isInequalityMeasureCode('XYZ')).toBe(false);
  });

  it('a measure that does not apply is null with a reason, not an error', () => {
    const r = byCode(inequalityMeasures(orderedInput()));
    expect(r.BGV).toMatchObject({ estimate: null, se: null, lower: null, upper: null });
    expect(r.BGV!.warnings[0]!.code).toBe('needs_non_ordered_dimension');
    const n = byCode(inequalityMeasures(nonOrderedInput()));
    expect(n.SII!.warnings[0]!.code).toBe('needs_ordered_dimension');
    expect(n.MDRU!.warnings[0]!.code).toBe('needs_reference_subgroup');
  });

  it('a single subgroup gives null + warning for every measure', () => {
    const rs = inequalityMeasures({
      subgroups: [{ name: 'only', estimate: 40, se: 2, population: 100, order: 1 }],
      favourable: true,
      ordered: true,
      scale: 100,
    });
    for (const r of rs) {
      expect(r.estimate, r.measure).toBeNull();
      expect(r.warnings.length, r.measure).toBeGreaterThan(0);
    }
  });

  it('two subgroups: D, R, PAR, PAF apply; the complex measures say they need more', () => {
    const rs = byCode(
      inequalityMeasures(
        inputOf(
          [
            { estimate: 30, population: 100, se: 2 },
            { estimate: 60, population: 300, se: 3 },
          ],
          false,
        ),
      ),
    );
    expect(rs.D!.estimate).toBe(30);
    expect(rs.R!.estimate).toBe(2);
    expect(rs.PAR!.estimate).toBeCloseTo(60 - 52.5, 12);
    expect(rs.BGV!.warnings[0]!.code).toBe('too_few_subgroups');
  });

  it('missing SEs: null interval + warning where the interval needs them, never NaN', () => {
    const input = nonOrderedInput();
    const noSe = { ...input, subgroups: input.subgroups.map((s) => ({ ...s, se: null })) };
    const rs = byCode(inequalityMeasures(noSe));
    for (const code of ['D', 'R', 'BGV', 'BGSD', 'IDISW', 'MDMU', 'MLD', 'TI'] as const) {
      expect(rs[code]!.estimate, code).not.toBeNull();
      expect(rs[code]!.lower, code).toBeNull();
      expect(
        rs[code]!.warnings.map((w) => w.code),
        code,
      ).toContain('no_standard_errors');
    }
    // PAR/PAF (Walter) and the regression measures do not need subgroup SEs.
    expect(rs.PAR!.lower).not.toBeNull();
    const ord = orderedInput();
    const ordNoSe = byCode(
      inequalityMeasures({ ...ord, subgroups: ord.subgroups.map((s) => ({ ...s, se: null })) }),
    );
    expect(ordNoSe.SII!.lower).not.toBeNull();
    expect(ordNoSe.ACI!.lower).not.toBeNull();
  });

  it('all estimates zero: finite numbers or reasoned nulls', () => {
    for (const ordered of [false, true]) {
      const gs = [0, 0, 0, 0].map((estimate, i) => ({ estimate, population: 100 * (i + 1), se: 1 }));
      const rs = inequalityMeasures(inputOf(gs, ordered));
      expect(allFiniteOrNull(rs)).toBe(true);
      const r = byCode(rs);
      expect(r.D!.estimate).toBe(0);
      expect(r.R!.estimate).toBeNull();
      expect(r.PAF!.warnings.map((w) => w.code)).toContain('mean_zero');
      for (const x of rs) if (x.estimate === null) expect(x.warnings.length, x.measure).toBeGreaterThan(0);
    }
  });

  it('a subgroup with zero population: finite numbers or reasoned nulls', () => {
    for (const ordered of [false, true]) {
      const gs = [
        { estimate: 20, population: 0, se: 2 },
        { estimate: 35, population: 400, se: 3 },
        { estimate: 50, population: 600, se: 4 },
      ];
      const rs = inequalityMeasures(inputOf(gs, ordered));
      expect(allFiniteOrNull(rs)).toBe(true);
      const r = byCode(rs);
      if (ordered) expect(r.SII!.estimate).not.toBeNull();
      else expect(r.BGV!.estimate).not.toBeNull();
    }
  });

  it('every population zero: weighted measures say they need populations', () => {
    const gs = [20, 35, 50].map((estimate) => ({ estimate, population: 0, se: 1 }));
    const r = byCode(inequalityMeasures(inputOf(gs, false)));
    expect(r.BGV!.warnings[0]!.code).toBe('needs_population');
    expect(r.MDBU!.estimate).not.toBeNull(); // unweighted, needs no population
  });
});

describe('properties', () => {
  it('D = 0 and R = 1 (and the dispersion measures 0) for equal subgroups', () => {
    fc.assert(
      fc.property(
        // Whole-percent estimates and populations in hundreds, so HEAT's rounding of events
        // (round(y/scale·pop), see slope-model.ts) is exact.
        fc.integer({ min: 1, max: 99 }),
        fc.array(
          fc.integer({ min: 1, max: 50 }).map((k) => 100 * k),
          { minLength: 3, maxLength: 8 },
        ),
        fc.boolean(),
        fc.boolean(),
        (y, pops, ordered, favourable) => {
          const r = byCode(
            inequalityMeasures(
              inputOf(
                pops.map((population) => ({ estimate: y, population })),
                ordered,
                favourable,
              ),
            ),
          );
          expect(r.D!.estimate).toBe(0);
          expect(r.R!.estimate).toBe(1);
          expect(r.PAR!.estimate).toBeCloseTo(0, 9);
          if (ordered) {
            expect(r.ACI!.estimate).toBeCloseTo(0, 9);
            expect(r.SII!.estimate).toBeCloseTo(0, 6);
            expect(r.RII!.estimate).toBeCloseTo(1, 6);
          } else {
            expect(r.BGV!.estimate).toBeCloseTo(0, 9);
            expect(r.MLD!.estimate).toBeCloseTo(0, 9);
            expect(r.TI!.estimate).toBeCloseTo(0, 9);
            expect(r.MDBU!.estimate).toBeCloseTo(0, 9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('R (and RCI, COV, MLD, TI) are unchanged by rescaling all estimates', () => {
    fc.assert(
      fc.property(
        subgroupsArb(3, 7),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.boolean(),
        (gs, c, ordered) => {
          const a = byCode(inequalityMeasures(inputOf(gs, ordered), ['R', 'RCI', 'COV', 'MLD', 'TI']));
          const scaled = gs.map((g) => ({ ...g, estimate: g.estimate * c }));
          const b = byCode(inequalityMeasures(inputOf(scaled, ordered), ['R', 'RCI', 'COV', 'MLD', 'TI']));
          for (const code of ['R', 'RCI', 'COV', 'MLD', 'TI']) {
            const x = a[code]!.estimate;
            const y = b[code]!.estimate;
            if (x === null) expect(y).toBeNull();
            else expect(y!).toBeCloseTo(x, 6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('BGV ≥ 0, MLD ≥ 0, TI ≥ 0 and every number is finite or null', () => {
    fc.assert(
      fc.property(subgroupsArb(1, 8), fc.boolean(), fc.boolean(), (gs, ordered, favourable) => {
        const rs = inequalityMeasures(inputOf(gs, ordered, favourable));
        expect(allFiniteOrNull(rs)).toBe(true);
        const r = byCode(rs);
        for (const code of ['BGV', 'MLD', 'TI']) {
          if (r[code]!.estimate !== null) expect(r[code]!.estimate!).toBeGreaterThanOrEqual(0);
        }
        for (const x of rs) if (x.estimate === null) expect(x.warnings.length).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('intervals contain the estimate for the analytic measures', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            estimate: fc.double({ min: 1, max: 99, noNaN: true }),
            population: fc.integer({ min: 1, max: 5000 }),
            se: fc.double({ min: 0, max: 5, noNaN: true }),
          }),
          { minLength: 3, maxLength: 6 },
        ),
        fc.boolean(),
        (gs, ordered) => {
          const codes = ['D', 'R', 'PAR', 'PAF', 'BGV', 'MLD', 'TI', 'ACI', 'RCI', 'SII', 'RII'] as const;
          for (const r of inequalityMeasures(inputOf(gs, ordered), codes)) {
            if (r.lower === null || r.estimate === null) continue;
            expect(r.lower).toBeLessThanOrEqual(r.estimate + 1e-9);
            expect(r.upper!).toBeGreaterThanOrEqual(r.estimate - 1e-9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
