import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payerMixUnits, type PatientCount } from '../community/index.js';
import { fixtureEquity } from './__fixtures__/equity.js';
import { publicEquity } from './community-files.js';
import { publicPayerMix, withholdSmall } from './community-public.js';
import type { PayerMixFileLike } from './payer-mix-section.js';
import { assertPublicEquity } from './public-guard.js';

const refusal = (f: () => void): string => {
  try {
    f();
  } catch (e) {
    return `${(e as Error).message} @ ${String((e as { details?: { path?: string } }).details?.path)}`;
  }
  return 'accepted';
};

describe('withholding small counts', () => {
  it('withholds the small term and, in a sum with one withheld, the smallest other (worked)', () => {
    // a = 3 is small; the sum {a, b, c} then has one withheld, so b (12, smaller than c = 40) goes too;
    // the sum {c, d} has none withheld and keeps both.
    const counts = new Map<string, number | null>([
      ['a', 3],
      ['b', 12],
      ['c', 40],
      ['d', 0],
    ]);
    const hidden = withholdSmall(
      counts,
      [
        ['a', 'b', 'c'],
        ['c', 'd'],
      ],
      (_, n) => n !== null && n > 0 && n < 11,
    );
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });
});

describe('the public guard on equity sections', () => {
  const threshold = 11;

  it('accepts the public view of the files', () => {
    expect(
      refusal(() => assertPublicEquity(publicEquity(fixtureEquity('public'), threshold), threshold)),
    ).toBe('accepted');
  });

  it('refuses the internal files: a department of 4 Medicaid patients, an internal workforce', () => {
    const eq = fixtureEquity('public');
    const wound = eq.payerMix!.units.findIndex((u) => u.unit === 'Wound Clinic');
    expect(refusal(() => assertPublicEquity({ payerMix: eq.payerMix! }, threshold))).toBe(
      `A count below the suppression threshold (11) is not suppressed. @ payerMix.units.${wound}.count`,
    );
    expect(
      refusal(() => assertPublicEquity({ workforce: fixtureEquity('internal').workforce! }, threshold)),
    ).toMatch(/workforce file is internal\. @ workforce\.audience$/);
  });

  it('refuses a small patient count in the community comparison, and a share beside a withheld count', () => {
    const { community } = publicEquity(fixtureEquity('public'), threshold);
    const small = {
      ...community!,
      comparison: community!.comparison.map((r, i) => (i === 2 ? { ...r, patients: 3 } : r)),
    };
    expect(refusal(() => assertPublicEquity({ community: small }, threshold))).toMatch(
      /below the suppression threshold \(11\).* @ community\.comparison\.2\.patients$/,
    );
    const leak = {
      ...community!,
      comparison: community!.comparison.map((r, i) => (i === 0 ? { ...r, patients: null } : r)),
    };
    expect(refusal(() => assertPublicEquity({ community: leak }, threshold))).toMatch(
      /gives the count back\. @ community\.comparison\.0\.patients_share$/,
    );
  });

  it('refuses a workforce event count under the workforce threshold (its own, 20)', () => {
    const { workforce } = publicEquity(fixtureEquity('public'), threshold);
    const i = workforce!.rates.findIndex((r) => r.events !== null && r.events >= 20);
    const tampered = {
      ...workforce!,
      rates: workforce!.rates.map((r, j) => (j === i ? { ...r, events: 15 } : r)),
    };
    // 15 passes the patients' threshold (11) but not the workforce's.
    expect(refusal(() => assertPublicEquity({ workforce: tampered }, threshold))).toBe(
      `A count below the suppression threshold (20) is not suppressed. @ workforce.rates.${i}.events`,
    );
  });

  it('property: the public view of any payer mix passes the guard, and no facet has exactly one withheld', () => {
    const unit = fc.record({ x: fc.integer({ min: 0, max: 60 }), rest: fc.integer({ min: 0, max: 200 }) });
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 11, max: 30 }),
        (us, t) => {
          const counts: PatientCount[] = us.flatMap((u, i) => [
            {
              facet: 'department',
              unit: `U${i}`,
              area: 'A',
              attribute: 'payer',
              group: 'medicaid',
              count: u.x,
            },
            {
              facet: 'department',
              unit: `U${i}`,
              area: 'A',
              attribute: 'payer',
              group: 'commercial',
              count: u.rest,
            },
          ]);
          const units = payerMixUnits(counts);
          const file: PayerMixFileLike = {
            system: {
              patients: null,
              patients_total: null,
              patients_share: null,
              community_share: null,
              difference: null,
              lower: null,
              upper: null,
            },
            units,
          };
          const pub = publicPayerMix(file, t);
          assertPublicEquity({ payerMix: pub }, t);
          const withheld = pub.units.filter((u) => u.count === null).length;
          // One withheld unit alone in its facet (no other count to withhold) takes the pooled share with it.
          if (withheld === 1) expect(pub.units.every((u) => u.expected === null)).toBe(true);
          for (const u of pub.units) {
            for (const n of [u.patients, u.count])
              if (n !== null && n !== undefined) expect(n === 0 || n >= t).toBe(true);
            if (u.count === null) expect(u.share).toBeNull();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
