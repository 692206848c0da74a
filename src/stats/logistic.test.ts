import { describe, expect, it } from 'vitest';
import { logisticFit } from './logistic.js';

const logit = (p: number) => Math.log(p / (1 - p));

describe('logisticFit', () => {
  it('an intercept-only fit is logit of the mean', () => {
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const fit = logisticFit(
      y.map(() => [1]),
      y,
    )!;
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.3), 10);
  });

  it('a binary covariate gives logit(p₀) and the log odds ratio (the saturated 2×2 fit)', () => {
    // group 0: 2 of 8 events; group 1: 6 of 10 events. β0 = logit(2/8); β1 = log((6/4)/(2/6)) = log 4.5.
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 8; i++) {
      x.push([1, 0]);
      y.push(i < 2 ? 1 : 0);
    }
    for (let i = 0; i < 10; i++) {
      x.push([1, 1]);
      y.push(i < 6 ? 1 : 0);
    }
    const fit = logisticFit(x, y)!;
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.25), 9);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(4.5), 9);
  });

  it('with an offset, the intercept is the logit shift that makes Σp̂ = Σy', () => {
    // Every offset equal to logit(0.2): the intercept is logit(0.3) − logit(0.2).
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const fit = logisticFit(
      y.map(() => [1]),
      y,
      y.map(() => logit(0.2)),
    )!;
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.3) - logit(0.2), 10);
  });

  it('is null when all outcomes are equal or the data separate perfectly', () => {
    expect(logisticFit([[1], [1]], [0, 0])).toBeNull();
    expect(
      logisticFit(
        [
          [1, 0],
          [1, 1],
          [1, 2],
          [1, 3],
        ],
        [0, 0, 1, 1],
      ),
    ).toBeNull();
  });
});
