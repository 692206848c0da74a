import { describe, expect, it } from 'vitest';
import { fisherExact, twoProportionTest } from './two-proportion-test.js';

describe('twoProportionTest', () => {
  it('uses the score (Pearson χ², no correction) test for large counts', () => {
    // Aspirin data, Agresti (2002) Categorical Data Analysis 2nd ed. §3.2.1: X² = 25.01 on 1 df;
    // R 4.x: prop.test(c(189, 104), c(11034, 11037), correct = FALSE)$p.value = 5.692e-07.
    const r = twoProportionTest(189, 11034, 104, 11037)!;
    expect(r.method).toBe('score');
    expect(r.pValue).toBeCloseTo(5.692e-7, 9);
  });

  it("uses Fisher's exact test when an expected count is below 5", () => {
    // R 4.x: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857 (Fisher's tea-tasting example).
    const r = twoProportionTest(3, 4, 1, 4)!;
    expect(r.method).toBe('fisher');
    expect(r.pValue).toBeCloseTo(0.485714, 6);
  });

  it("fisherExact matches R's fisher.test", () => {
    // R 4.x: fisher.test(matrix(c(1, 9, 11, 3), 2))$p.value = 0.002759 (men 1/12 vs women 9/12 dieting).
    expect(fisherExact(1, 12, 9, 12)).toBeCloseTo(0.002759, 6);
    // A 2×2 table with equal margins and equal proportions: p = 1.
    expect(fisherExact(2, 4, 2, 4)).toBeCloseTo(1, 12);
  });

  it('edge cases: all zero or all events → p = 1; empty groups → null', () => {
    expect(twoProportionTest(0, 10, 0, 10)).toEqual({ pValue: 1, method: 'fisher' });
    expect(twoProportionTest(10, 10, 20, 20)).toEqual({ pValue: 1, method: 'fisher' });
    expect(twoProportionTest(1, 1, 0, 1)!.pValue).toBe(1);
    expect(twoProportionTest(0, 0, 1, 2)).toBeNull();
    expect(twoProportionTest(3, 2, 1, 2)).toBeNull();
  });
});
