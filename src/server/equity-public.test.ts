/**
 * Public editions of the equity results, by the report's one rule (src/report/community-public.ts, which
 * these functions call): worked cases, and no small count shown nor recoverable (property).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityFixture, payerMixFixture } from './__fixtures__/equity.js';
import { publicCommunity, publicPayerMix } from './equity-public.js';
import type { CommunityFile, PayerMixFile } from './equity-schemas.js';

const row = (unit: string, group: string, patients: number, total: number) => ({
  ...(unit ? { facet: 'department', unit } : {}),
  attribute: 'race',
  group,
  patients,
  patients_total: total,
  patients_share: patients / total,
  community_share: 0.3,
  difference: patients / total - 0.3,
  lower: 0,
  upper: 0,
});

describe('public community comparison', () => {
  it('withholds a small group, its unit’s next smallest, and the same group in another unit', () => {
    // A: 6 of 60 Black (small) → withheld; A's next smallest (Hispanic 14) too, so 60 − shown ≠ the cell.
    // The system row adds up A and B per group, so A's Black 6 = system 46 − B's 40: B's Black goes too.
    const file: CommunityFile = {
      catchment: { areas: ['x'], share: 1 },
      comparison: [
        row('', 'Black', 46, 260),
        row('', 'Hispanic', 64, 260),
        row('', 'White', 150, 260),
        row('A', 'Black', 6, 60),
        row('A', 'Hispanic', 14, 60),
        row('A', 'White', 40, 60),
        row('B', 'Black', 40, 200),
        row('B', 'Hispanic', 50, 200),
        row('B', 'White', 110, 200),
      ],
      inclusivity: [
        { facet: 'department', unit: 'A', attribute: 'race', index: 0.9, lower: 0.8, upper: 0.95 },
        { attribute: 'race', index: 0.97, lower: 0.95, upper: 0.99 },
      ],
    };
    const p = publicCommunity(file, 11);
    const hidden = p.comparison.filter((r) => r.suppressed).map((r) => `${r.unit ?? ''}:${r.group}`);
    // B loses Black (40) and then, to protect it within B, Hispanic (50).
    expect(hidden).toEqual(['A:Black', 'A:Hispanic', 'B:Black', 'B:Hispanic']);
    expect(p.comparison[3]).toMatchObject({ patients: null, patients_share: null, difference: null });
    expect(p.inclusivity.map((x) => x.index)).toEqual([null, 0.97]);
    // The system row is shown: every group of it is ≥ 11.
    expect(p.comparison.slice(0, 3).every((r) => !r.suppressed)).toBe(true);
  });

  it('never raises the threshold below the public minimum of 11', () => {
    const p = publicCommunity(communityFixture() as CommunityFile, 3);
    const clinicBlack = p.comparison.find((r) => r.unit === 'Clinic' && r.group === 'Black');
    expect(clinicBlack?.suppressed).toBe(true);
  });
});

describe('public payer mix', () => {
  it('withholds a small unit and the next smallest of its facet (the pooled share gives their sum)', () => {
    const p = publicPayerMix(payerMixFixture() as PayerMixFile, 11);
    const by = (u: string) => p.units.find((x) => x.unit === u)!;
    // Clinic: 4 Medicaid or uninsured of 60 → withheld; Cardiology (100) is the next smallest count.
    expect(by('Clinic')).toMatchObject({
      count: null,
      share: null,
      q_value: null,
      flag: null,
      suppressed: true,
    });
    expect(by('Clinic').patients).toBe(60);
    expect(by('Cardiology').suppressed).toBe(true);
    expect(by('Emergency')).toMatchObject({ count: 560, flag: 'high', suppressed: false });
    expect(p.system.suppressed).toBe(false);
  });
});

describe('property: no public cell shows a count of 1–10, and a lone withheld unit hides its margins', () => {
  it('holds for random units', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 80 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (cells) => {
          const units = cells.map(([x, extra], i) => {
            const n = x + extra;
            return {
              facet: 'department',
              unit: `U${i}`,
              patients: n,
              count: x,
              share: x / n,
              expected: 0.3,
              lower_limit: 0.1,
              upper_limit: 0.5,
              p_value: 0.5,
              q_value: 0.5,
              flag: null,
            };
          });
          const file: PayerMixFile = {
            catchment: { areas: [], share: 1 },
            system: {
              patients: 500,
              patients_total: 1000,
              patients_share: 0.5,
              community_share: 0.4,
              difference: 0.1,
              lower: 0,
              upper: 0.2,
              community_groups: [],
            },
            units,
            method: '',
          };
          const p = publicPayerMix(file, 11);
          for (const u of p.units) {
            if (u.count !== null && u.patients !== null) {
              expect(u.count === 0 || u.count >= 11).toBe(true);
              const rest = u.patients - u.count;
              expect(rest === 0 || rest >= 11).toBe(true);
            }
          }
          // A lone withheld unit: the pooled share and the system figure that would give it away are withheld.
          if (p.units.filter((u) => u.suppressed).length === 1) {
            expect(p.units.every((u) => u.expected === null)).toBe(true);
            expect(p.system.patients).toBeNull();
          }
        },
      ),
    );
  });
});

describe('property: the community comparison shows no count of 1–10 and no sum with one withheld', () => {
  const GROUPS = ['Black', 'Hispanic', 'White'];
  it('holds for random units (the system row their sum)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (units) => {
          const sys = GROUPS.map((_, g) => units.reduce((s, u) => s + (u[g] ?? 0), 0));
          const sysTotal = sys.reduce((a, b) => a + b, 0);
          const comparison = [
            ...(sysTotal > 0 ? GROUPS.map((g, i) => row('', g, sys[i] ?? 0, sysTotal)) : []),
            ...units.flatMap((u, ui) => {
              const total = u.reduce((a, b) => a + b, 0);
              return total > 0 ? GROUPS.map((g, i) => row(`U${ui}`, g, u[i] ?? 0, total)) : [];
            }),
          ];
          const p = publicCommunity({ catchment: { areas: [], share: 1 }, comparison, inclusivity: [] }, 11);
          for (const r of p.comparison) {
            for (const n of [r.patients, r.patients_total])
              if (n !== null && n !== undefined) expect(n === 0 || n >= 11).toBe(true);
            if (
              r.patients !== null &&
              r.patients !== undefined &&
              r.patients_total !== null &&
              r.patients_total !== undefined
            ) {
              const rest = r.patients_total - r.patients;
              expect(rest === 0 || rest >= 11).toBe(true);
            }
          }
          // An attribute's groups in a unit, with the unit's total; a group's units, with the system's row.
          const sums = new Map<string, (number | null | undefined)[]>();
          const add = (k: string, v: number | null | undefined) => sums.set(k, [...(sums.get(k) ?? []), v]);
          for (const r of p.comparison) {
            add(`unit ${r.unit ?? ''}`, r.patients);
            add(`group ${r.group}`, r.patients);
          }
          for (const u of new Set(p.comparison.map((r) => r.unit ?? '')))
            add(`unit ${u}`, p.comparison.find((r) => (r.unit ?? '') === u)?.patients_total);
          for (const [name, terms] of sums)
            expect(terms.filter((x) => x === null).length, `${name}: ${JSON.stringify(terms)}`).not.toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
