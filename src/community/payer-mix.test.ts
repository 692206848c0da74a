import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binomCdf } from '../stats/distributions.js';
import { mulberry32 } from '../stats/inequality/simulation.js';
import { binomialTwoSided, longAreas, payerMixReport, payerMixUnits, type PatientCount } from './index.js';

const pc = (area: string, group: string, count: number, facet = '', unit = ''): PatientCount => ({
  facet,
  unit,
  area,
  attribute: 'payer',
  group,
  count,
});

/** Patients of one unit: x Medicaid, n − x commercial, all in area A. */
const unit = (facet: string, name: string, x: number, n: number): PatientCount[] => [
  pc('A', 'medicaid', x, facet, name),
  pc('A', 'commercial', n - x, facet, name),
];

describe('payer mix', () => {
  it('two-sided exact binomial p-value (worked: 2 of 10 at 0.5 → 2·56/1024)', () => {
    expect(binomialTwoSided(2, 10, 0.5)).toBeCloseTo((2 * 56) / 1024, 12);
    expect(binomialTwoSided(5, 10, 0.5)).toBe(1);
    expect(binomialTwoSided(0, 10, 0.5)).toBeCloseTo(2 / 1024, 12);
  });

  it('system share minus community share, with the community share from payer rows', () => {
    const community = longAreas({
      file: 'acs.csv',
      header: ['area', 'attribute', 'group', 'estimate', 'moe', 'denominator'],
      rows: [
        ['A', 'payer', 'medicaid', '150', '20', '1000'],
        ['A', 'payer', 'uninsured', '50', '10', '1000'],
      ].map((cells, i) => ({ line: i + 2, cells })),
    });
    const patients = [pc('A', 'medicaid', 30), pc('A', 'uninsured', 10), pc('A', 'commercial', 160)];
    const r = payerMixReport(patients, community, { areas: ['A'] });
    // Patients (30 + 10)/200 = 0.2; community (150 + 50)/1000 = 0.2; difference 0.
    expect(r.system.patients_share).toBeCloseTo(0.2, 12);
    expect(r.system.community_share).toBeCloseTo(0.2, 12);
    expect(r.system.difference).toBeCloseTo(0, 12);
    expect(r.system.lower!).toBeLessThan(0);
    expect(r.system.upper!).toBeGreaterThan(0);
    expect(r.system.community_groups).toEqual(['medicaid', 'uninsured']);
  });

  it('flags the unit with a low share and not the one on target (worked funnel)', () => {
    const counts = [
      ...unit('department', 'Cardiology', 10, 100),
      ...unit('department', 'Emergency', 50, 100),
      ...unit('department', 'Medicine', 30, 100),
    ];
    const units = payerMixUnits(counts);
    const by = (u: string) => units.find((r) => r.unit === u)!;
    // Pooled p₀ = 90/300 = 0.3. Binomial(100, 0.3) 0.1% quantile is 17 (P(X ≤ 16) < 0.001 ≤ P(X ≤ 17)).
    expect(by('Medicine').expected).toBeCloseTo(0.3, 12);
    const k = by('Medicine').lower_limit * 100;
    expect(binomCdf(k - 1, 100, 0.3)).toBeLessThan(0.001);
    expect(binomCdf(k, 100, 0.3)).toBeGreaterThanOrEqual(0.001);
    expect(by('Cardiology').flag).toBe('low');
    expect(by('Emergency').flag).toBe('high');
    expect(by('Medicine').flag).toBeNull();
  });

  it('the limits always contain the target and widen as units shrink (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, p) => {
          const counts = [
            ...unit('site', 'a', Math.round(p * n), n),
            ...unit('site', 'b', Math.round(p * 4 * n), 4 * n),
          ];
          const [a, b] = payerMixUnits(counts);
          expect(a!.lower_limit).toBeLessThanOrEqual(a!.expected + 1e-12);
          expect(a!.upper_limit).toBeGreaterThanOrEqual(a!.expected - 1e-12);
          expect(a!.upper_limit - a!.lower_limit).toBeGreaterThanOrEqual(
            b!.upper_limit - b!.lower_limit - 1 / n,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

const rng = mulberry32;
const draw = (r: () => number, n: number, p: number) => {
  let x = 0;
  for (let i = 0; i < n; i++) if (r() < p) x++;
  return x;
};

describe('payer mix by simulation', () => {
  const simulate = (seed: number, planted: boolean) => {
    const r = rng(seed);
    const counts: PatientCount[] = [];
    for (let i = 0; i < 10; i++) {
      const n = 200 + Math.floor(r() * 800);
      const p = planted && i === 0 ? 0.15 : 0.3;
      counts.push(...unit('department', `D${i}`, draw(r, n, p), n));
    }
    return payerMixUnits(counts);
  };
  it('with nothing planted, flags no more often than the false-discovery rate', () => {
    const runs = 200;
    let flagged = 0;
    for (let s = 0; s < runs; s++) if (simulate(s + 1, false).some((u) => u.flag !== null)) flagged++;
    // Under the global null BH at 0.05 errs in at most 5% of runs; the 99.8% limits make it rarer still.
    expect(flagged / runs).toBeLessThanOrEqual(0.05);
  });
  it('finds the planted department with half the share (power ≥ 90%)', () => {
    const runs = 100;
    let found = 0;
    for (let s = 0; s < runs; s++) {
      const d0 = simulate(1000 + s, true).find((u) => u.unit === 'D0')!;
      if (d0.flag === 'low') found++;
    }
    expect(found / runs).toBeGreaterThanOrEqual(0.9);
  });
});
