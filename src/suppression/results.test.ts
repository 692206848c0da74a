import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../model/index.js';
import { linearAttack, subtractionAttack } from './__fixtures__/attacker.js';
import { fcOptions } from './__fixtures__/fc-options.js';
import { primaryReason } from './primary.js';
import { isHidden } from './table.js';
import {
  addSiteFacet,
  printed,
  printedFacets,
  relations,
  resultsFrom,
  type Person,
} from './__fixtures__/results.js';
import { suppressResults } from './results.js';

const people = (
  spec: [race: string, sex: string, period: string, events: number, total: number][],
): Person[] =>
  spec.flatMap(([race, sex, period, events, total]) =>
    Array.from({ length: total }, (_, i) => ({ race, sex, period, event: i < events })),
  );

/**
 * Run both attackers (subtraction, then the whole linear system) on a suppressed file; return the small
 * cells (failing the primary rule at `threshold`) whose numerator or denominator they recovered.
 */
function attack(
  ps: Person[],
  out: ReturnType<typeof suppressResults>,
  truth: ReturnType<typeof printed>,
  threshold = 11,
): string[] {
  const shown = printed(out);
  const rel = relations(ps);
  const recovered: string[] = [];
  for (const solver of [subtractionAttack, linearAttack]) {
    for (const k of [0, 1] as const) {
      const values = new Map([...truth].map(([id, v]) => [id, v[k] as number]));
      const visible = new Map(
        [...shown].filter(([, v]) => v[k] !== null).map(([id, v]) => [id, v[k] as number]),
      );
      for (const [id] of solver(rel, values, visible)) {
        const [n, d] = truth.get(id)!;
        if (isHidden(primaryReason(n, d, { threshold }) ?? undefined))
          recovered.push(`${id}#${k ? 'd' : 'n'}`);
      }
    }
  }
  return recovered;
}

const base = people([
  ['Asian', 'Female', '2024Q1', 5, 20],
  ['Asian', 'Male', '2024Q1', 3, 25],
  ['Asian', 'Female', '2024Q2', 4, 22],
  ['Asian', 'Male', '2024Q2', 1, 18],
  ['Black', 'Female', '2024Q1', 30, 120],
  ['Black', 'Male', '2024Q1', 25, 110],
  ['Black', 'Female', '2024Q2', 28, 130],
  ['Black', 'Male', '2024Q2', 22, 100],
  ['White', 'Female', '2024Q1', 40, 300],
  ['White', 'Male', '2024Q1', 35, 280],
  ['White', 'Female', '2024Q2', 45, 310],
  ['White', 'Male', '2024Q2', 38, 290],
  ['Unknown', 'Female', '2024Q1', 0, 4],
  ['Unknown', 'Male', '2024Q2', 1, 3],
]);

describe('suppressResults', () => {
  const input = resultsFrom(base);
  const out = suppressResults(input, { threshold: 11 });
  const groups = (i: number) => out.measures[0]!.strata[i]!.groups;

  it('stamps the audience, keeps the input untouched and reports what it hid', () => {
    expect(out.stamp.audience).toBe('public');
    expect(input.stamp.audience).toBe('internal');
    expect(input.measures[0]!.strata[0]!.groups.every((g) => g.numerator !== null)).toBe(true);
    expect(out.warnings.map((w) => w.code)).toContain('small_cells_suppressed');
  });

  it('hides the small Unknown group and a complement, blanking every derived number', () => {
    const unknown = groups(0).find((g) => g.group === 'Unknown')!;
    expect(unknown).toMatchObject({
      suppressed: true,
      // The public edition prints only "suppressed": "small_denominator" would say 1 ≤ d ≤ 10.
      suppressionReason: 'suppressed',
      numerator: null,
      denominator: null,
      rate: null,
      lower: null,
      difference: null,
      ratio: null,
      excessEvents: null,
      label: 'not_assessed',
    });
    const hidden = groups(0).filter((g) => g.suppressed);
    // The complement (Black, 468 people, many times the 7 Unknown) is published coarsened, not hidden.
    const coarse = groups(0).filter((g) => g.roundedTo !== undefined);
    expect(hidden.length + coarse.length).toBeGreaterThanOrEqual(2);
    expect(hidden.every((g) => g.suppressionReason === 'suppressed')).toBe(true);
    expect(coarse.every((g) => g.numerator === null && g.denominator === null && g.lower === null)).toBe(
      true,
    );
    expect(out.measures[0]!.strata[0]!.summary[0]!.estimate).toBeNull();
  });

  it('drops findings about hidden groups and about groups compared with a hidden reference', () => {
    const hidden = new Set(
      groups(0)
        .filter((g) => g.suppressed)
        .map((g) => g.group),
    );
    expect(out.findings.some((f) => hidden.has(f.values.race_ethnicity!))).toBe(false);
    const compared = groups(0).filter((g) => !g.suppressed && g.label !== 'not_assessed');
    expect(out.findings.length).toBe(compared.length);
  });

  it("blanks a hidden parent's rate in a finding that holds its own copy of the parents (a parsed results.json)", () => {
    const r = resultsFrom(base);
    r.findings.push({
      ...r.findings[0]!,
      // White × Female stays shown (the whole-number audit hides Black × sex since issue #10's ILP step).
      values: { race_ethnicity: 'White', sex: 'Female' },
      kind: 'intersection',
      parents: [
        { stratifier: 'race_ethnicity', group: 'Unknown', rate: 0.2 },
        { stratifier: 'sex', group: 'Female', rate: 0.1 },
      ],
    });
    const f = suppressResults(structuredClone(r), { threshold: 11 }).findings.find(
      (x) => x.kind === 'intersection',
    )!;
    expect(f.parents).toEqual([
      { stratifier: 'race_ethnicity', group: 'Unknown', rate: null },
      { stratifier: 'sex', group: 'Female', rate: 0.1 },
    ]);
  });

  it('adversarial: no small count is recovered by subtraction (or solving) across totals, strata, intersections, periods', () => {
    expect(attack(base, out, printed(input))).toEqual([]);
  });

  it('flags unstable rates (RSE > max_rse) and leaves stable ones alone', () => {
    const white = groups(0).find((g) => g.group === 'White')!;
    expect(white.unstable).toBe(false);
    const strict = suppressResults(input, { threshold: 11, max_rse: 0.05 });
    expect(strict.measures[0]!.strata[0]!.groups.find((g) => g.group === 'White')!.unstable).toBe(true);
  });

  it('marks no data apart from suppressed', () => {
    const r = resultsFrom(base);
    r.measures[0]!.strata[1]!.groups.push({
      ...r.measures[0]!.strata[1]!.groups[0]!,
      group: 'Intersex',
      numerator: 0,
      denominator: 0,
    });
    const o = suppressResults(r);
    const g = o.measures[0]!.strata[1]!.groups.find((x) => x.group === 'Intersex')!;
    expect(g).toMatchObject({ suppressed: false, suppressionReason: 'no_data' });
  });

  it('is idempotent on an already public file', () => {
    const again = suppressResults(out, { threshold: 11 });
    expect(printed(again)).toEqual(printed(out));
  });

  it('regression (property counterexample): a small cell pinned only through the period margins gets a complement', () => {
    // fast-check counterexample (seed 12): race C (2 people) is C|P2 + C|P3 (C|P1 is a shown 0 of 0), and
    // C|P2 = all|P2, C|P3 = all|P3, whose sum is all − all|P1: both shown. The linear audit pinned C and
    // C×F; the first pinned cell (C×F) had no shown neighbour and suppression gave up, leaving C recoverable.
    const ps = people([
      ['C', 'F', 'P3', 0, 1],
      ['B', 'F', 'P1', 1, 2],
      ['A', 'F', 'P1', 4, 8],
      ['C', 'F', 'P2', 0, 1],
    ]);
    const input = resultsFrom(ps);
    expect(attack(ps, suppressResults(input, { threshold: 5 }), printed(input), 5)).toEqual([]);
  });

  it('property: on random populations no small cell is recovered, and nothing small is shown', () => {
    const cell = fc.tuple(
      fc.constantFrom('A', 'B', 'C', 'Unknown'),
      fc.constantFrom('F', 'M'),
      fc.constantFrom('P1', 'P2', 'P3'),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 1, max: 60 }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 2, max: 15 }),
        (spec, t) => {
          const ps = people(spec.map(([r, s, p, e, n]) => [r, s, p, Math.min(e, n), n]));
          const input = resultsFrom(ps);
          const o = suppressResults(input, { threshold: t });
          expect(attack(ps, o, printed(input), t)).toEqual([]);
          for (const [, [n, d]] of printed(o)) {
            if (d === null || n === null) continue;
            expect(d === 0 || d >= t).toBe(true);
            expect(n === 0 || n >= t).toBe(true);
            expect(d - n === 0 || d - n >= t).toBe(true);
          }
        },
      ),
      fcOptions(400),
    );
  });
});

describe('suppressResults across measures and facets', () => {
  it('measures with the same denominators share a pattern (a denominator shown in one cannot reopen another)', () => {
    // m2 counts a different event in the same people: same denominators everywhere.
    const m2People = base.map((p, i) => ({ ...p, event: i % 3 === 0 }));
    const a = resultsFrom(base, 'm1');
    const b = resultsFrom(m2People, 'm2');
    const both = {
      ...a,
      measures: [...a.measures, ...b.measures],
      intersections: [...a.intersections, ...b.intersections],
    };
    const out = suppressResults(both, { threshold: 11 });
    const hiddenGroups = (i: number) =>
      out.measures[i]!.strata.flatMap((s) =>
        s.groups.filter((g) => g.suppressed).map((g) => `${s.stratifier}=${g.group}`),
      );
    expect(hiddenGroups(0).sort()).toEqual(hiddenGroups(1).sort());
    // Denominators: the attacker reads each cell's denominator from whichever measure shows it.
    const shown = printed(out);
    const truth = printed(both);
    const visible = new Map<string, number>();
    for (const [id, [, d]] of shown) if (d !== null) visible.set(id.replace(/^m2\|/, 'm1|'), d);
    const values = new Map(
      [...truth].filter(([id]) => id.startsWith('m1|')).map(([id, v]) => [id, v[1] as number]),
    );
    for (const solver of [subtractionAttack, linearAttack]) {
      const rec = solver(relations(base, 'm1'), values, visible);
      const small = [...rec.keys()].filter((id) => {
        const [n, d] = truth.get(id)!;
        return isHidden(primaryReason(n, d, { threshold: 11 }) ?? undefined);
      });
      expect(small).toEqual([]);
    }
  });

  it('links groups within a facet through the facet total nobody printed', () => {
    const r = resultsFrom(base);
    // Race within facet site=North (the same counts as overall race, so the facet total is the overall).
    const s = structuredClone(r.measures[0]!.strata[0]!);
    s.facet = { name: 'site', value: 'North' };
    delete s.trend;
    const sx = structuredClone(r.measures[0]!.strata[1]!);
    sx.facet = { name: 'site', value: 'North' };
    delete sx.trend;
    // Make race "Unknown" big enough within the facet that only one race group is small there.
    r.measures[0]!.strata.push(s, sx);
    const out = suppressResults(r, { threshold: 11 });
    const faceted = out.measures[0]!.strata.filter((x) => x.facet);
    for (const st of faceted) {
      const hidden = st.groups.filter((g) => g.suppressed);
      // In every faceted stratum, a hidden group never stands alone.
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
  });
});

describe('suppressResults with a facet (site)', () => {
  it('property: no small cell (printed, or a site total nobody printed) is recovered', () => {
    const cell = fc.tuple(
      fc.constantFrom('A', 'B', 'Unknown'),
      fc.constantFrom('F', 'M'),
      fc.constantFrom('P1', 'P2'),
      fc.constantFrom('North', 'South', 'East'),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 1, max: 40 }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 16 }),
        fc.integer({ min: 2, max: 15 }),
        (spec, t) => {
          const ps = spec.flatMap(([race, sex, period, site, e, n]) =>
            Array.from({ length: n }, (_, i) => ({ race, sex, period, site, event: i < Math.min(e, n) })),
          );
          const input = resultsFrom(ps);
          const { relations: facetRel, siteTotals } = addSiteFacet(input, ps);
          const o = suppressResults(input, { threshold: t });
          const truth = new Map([...printed(input), ...printedFacets(input), ...siteTotals]);
          const shown = new Map([...printed(o), ...printedFacets(o)]);
          const rel = [...relations(ps), ...facetRel];
          for (const solver of [subtractionAttack, linearAttack]) {
            for (const k of [0, 1] as const) {
              const values = new Map([...truth].map(([id, v]) => [id, v[k] as number]));
              const visible = new Map(
                [...shown].filter(([, v]) => v[k] !== null).map(([id, v]) => [id, v[k] as number]),
              );
              const small = [...solver(rel, values, visible).keys()].filter((id) => {
                const [n, d] = truth.get(id)!;
                return isHidden(primaryReason(n, d, { threshold: t }) ?? undefined);
              });
              expect(small).toEqual([]);
            }
          }
        },
      ),
      fcOptions(300),
    );
  });
});

describe('a difference or ratio between two shown groups stays (issue #12 item 2)', () => {
  /** Age bands in order; the middle or an end band is small. */
  const ageResults = (bands: [string, number, number][]): ResultsFile => {
    const r = resultsFrom(people(bands.map(([b, e, n]) => [b, 'Female', 'P1', e, n])));
    const s = r.measures[0]!.strata[0]!;
    s.stratifier = 'age_band';
    s.summary = ['D', 'R', 'BGV'].map((measure) => ({
      measure,
      estimate: 0.1,
      se: 0.01,
      lower: 0.08,
      upper: 0.12,
      warnings: [],
    }));
    r.intersections = [];
    r.findings = [];
    return r;
  };
  const summary = (r: ResultsFile) =>
    Object.fromEntries(r.measures[0]!.strata[0]!.summary.map((sm) => [sm.measure, sm.estimate]));

  it('keeps D and R of age bands when both end bands are shown, blanks the rest', () => {
    const out = suppressResults(
      ageResults([
        ['18-39', 30, 200],
        ['40-64', 2, 6],
        ['65+', 40, 220],
        ['Unknown', 20, 150],
      ]),
    );
    const groups = out.measures[0]!.strata[0]!.groups;
    expect(groups.find((g) => g.group === '40-64')!.suppressed).toBe(true);
    expect(groups.find((g) => g.group === '18-39')!.suppressed).toBe(false);
    expect(groups.find((g) => g.group === '65+')!.suppressed).toBe(false);
    expect(summary(out)).toEqual({ D: 0.1, R: 0.1, BGV: null });
  });

  it('blanks D and R when an end band is hidden (it would give the hidden rate back)', () => {
    const out = suppressResults(
      ageResults([
        ['18-39', 2, 6],
        ['40-64', 30, 200],
        ['65+', 40, 220],
        ['Unknown', 20, 150],
      ]),
    );
    expect(summary(out)).toEqual({ D: null, R: null, BGV: null });
  });
});
