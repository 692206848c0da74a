import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aucDelong, aucDifferenceTest, delongKernel } from './delong.js';

const expand = (counts: number[], label: 0 | 1) =>
  counts.flatMap((c, i) => Array.from({ length: c }, () => ({ s: i + 1, y: label })));

describe('aucDelong', () => {
  it('reproduces a small example worked by hand', () => {
    // positives 0.9, 0.8, 0.4; negatives 0.7, 0.3.
    // V10 = [1, 1, 0.5], V01 = [2/3, 1]; AUC = 5/6.
    // S10 = ((1/6)² + (1/6)² + (1/3)²)/2 = 1/12; S01 = 2·(1/6)²/1 = 1/18; Var = (1/12)/3 + (1/18)/2 = 1/18.
    const r = aucDelong([0.9, 0.8, 0.4, 0.7, 0.3], [1, 1, 1, 0, 0])!;
    expect(r.auc).toBeCloseTo(5 / 6, 12);
    expect(r.variance).toBeCloseTo(1 / 18, 12);
    expect(r.upper).toBe(1);
    expect(r.lower).toBeCloseTo(5 / 6 - 1.959963985 * Math.sqrt(1 / 18), 6);
  });

  it('gives the area 0.893 of Hanley & McNeil (1982) Table 1 (CT ratings, 58 normal, 51 abnormal)', () => {
    // Hanley JA, McNeil BJ (1982) Radiology 143:29–36, Table 1: ratings 1–5 (definitely normal … abnormal).
    const rows = [...expand([33, 6, 6, 11, 2], 0), ...expand([3, 2, 2, 11, 33], 1)];
    const r = aucDelong(
      rows.map((r) => r.s),
      rows.map((r) => r.y),
    )!;
    expect(r.auc).toBeCloseTo(0.893, 3);
    // Their SE by the exponential approximation is 0.032; DeLong's nonparametric SE is close to it.
    expect(Math.sqrt(r.variance)).toBeCloseTo(0.032, 2);
  });

  it('is null without positives or negatives', () => {
    expect(aucDelong([0.1, 0.2], [0, 0])).toBeNull();
    expect(aucDelong([0.1], [1])).toBeNull();
  });

  it('equals the O(mn) definition on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (data) => {
          const s = data.map((d) => d[0]);
          const y = data.map((d) => (d[1] ? 1 : 0) as 0 | 1);
          const r = aucDelong(s, y);
          const pos = s.filter((_, i) => y[i] === 1);
          const neg = s.filter((_, i) => y[i] === 0);
          if (!pos.length || !neg.length) return r === null;
          let sum = 0;
          for (const a of pos) for (const b of neg) sum += delongKernel(a, b);
          return Math.abs(r!.auc - sum / (pos.length * neg.length)) < 1e-12 && r!.auc >= 0 && r!.auc <= 1;
        },
      ),
    );
  });

  it('tests the difference of two independent AUCs', () => {
    const a = { auc: 0.8, variance: 0.0009, lower: 0, upper: 1, method: 'delong' as const };
    const b = { auc: 0.7, variance: 0.0016, lower: 0, upper: 1, method: 'delong' as const };
    const t = aucDifferenceTest(a, b)!;
    expect(t.z).toBeCloseTo(0.1 / 0.05, 12);
    expect(t.pValue).toBeCloseTo(0.0455, 4);
  });
});
