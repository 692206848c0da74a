import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, holm } from './multiple-testing.js';

// Benjamini & Hochberg (1995) JRSS B 57:289, §4 example: 15 p-values, 4 rejected at FDR 0.05.
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1,
];

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(p, "BH") on the BH (1995) example', () => {
    // R 4.x: p.adjust(BH_1995, "BH")[1:5] = 0.0015 0.0030 0.0095 0.035625 0.0603
    const q = benjaminiHochberg(BH_1995) as number[];
    expect(q.slice(0, 5).map((v) => +v.toFixed(6))).toEqual([0.0015, 0.003, 0.0095, 0.035625, 0.0603]);
    expect(q.filter((v) => v <= 0.05)).toHaveLength(4);
    expect(q[14]).toBe(1);
  });

  it('matches R p.adjust(c(.01,.02,.03,.04,.05), "BH") and keeps input order and nulls', () => {
    expect(benjaminiHochberg([0.05, null, 0.01, 0.03, 0.02, 0.04]).map((v) => v && +v.toFixed(10))).toEqual([
      0.05,
      null,
      0.05,
      0.05,
      0.05,
      0.05,
    ]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('property: q ≥ p, q ≤ 1 and q is monotone in p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const q = benjaminiHochberg(p) as number[];
        p.forEach((pi, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(pi);
          expect(q[i]).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi < pj) expect(q[i]).toBeLessThanOrEqual(q[j]!);
          });
        });
      }),
    );
  });
});

describe('holm', () => {
  it('matches R p.adjust(c(.01,.02,.03,.04,.05), "holm")', () => {
    // R 4.x: 0.05 0.08 0.09 0.09 0.09
    expect(holm([0.01, 0.02, 0.03, 0.04, 0.05]).map((v) => v && +v.toFixed(10))).toEqual([
      0.05, 0.08, 0.09, 0.09, 0.09,
    ]);
    expect(holm([null, 0.5, 0.5])).toEqual([null, 1, 1]);
  });

  it('property: Holm ≥ BH ≥ p and monotone', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (p) => {
        const h = holm(p) as number[];
        const q = benjaminiHochberg(p) as number[];
        p.forEach((pi, i) => {
          expect(h[i]).toBeGreaterThanOrEqual(q[i]! - 1e-15);
          expect(h[i]).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi < pj) expect(h[i]).toBeLessThanOrEqual(h[j]!);
          });
        });
      }),
    );
  });
});
