/**
 * Quantiles and CDFs from a maintained distribution library (@stdlib), so no special function is hand-rolled.
 * Every other stats file gets its distributions from here.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import hypergeometricCdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCumulative from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Two-sided critical value z = Φ⁻¹(1 − (1 − level)/2); level 0.95 → 1.959964. */
export const zFor = (level: number): number => normalQuantile(1 - (1 - level) / 2, 0, 1);

/** Standard normal CDF Φ(x). */
export const phi = (x: number): number => normalCdf(x, 0, 1);

/** Standard normal quantile Φ⁻¹(p). */
export const phiInv = (p: number): number => normalQuantile(p, 0, 1);

/** χ² quantile with k degrees of freedom. */
export const chisqQuantile = (p: number, k: number): number => chisquareQuantile(p, k);

/** χ² CDF with k degrees of freedom. */
export const chisqCdf = (x: number, k: number): number => chisquareCdf(x, k);

/** Gamma(shape, rate) quantile. */
export const gammaInv = (p: number, shape: number, rate: number): number => gammaQuantile(p, shape, rate);

/** Beta(a, b) quantile. */
export const betaInv = (p: number, a: number, b: number): number => betaQuantile(p, a, b);

/** Student t quantile with df degrees of freedom. */
/** Student's t CDF with `df` degrees of freedom. */
export const tCdf = (x: number, df: number): number => tCumulative(x, df);

export const tInv = (p: number, df: number): number => tQuantile(p, df);

/** Binomial(n, p) quantile: the smallest k with P(X ≤ k) ≥ q. */
export const binomInv = (q: number, n: number, p: number): number => binomialQuantile(q, n, p);

/** Binomial(n, p) CDF P(X ≤ k). */
export const binomCdf = (k: number, n: number, p: number): number => binomialCdf(k, n, p);

/** Hypergeometric CDF P(X ≤ k) drawing n from a population of N with K successes. */
export const hyperCdf = (k: number, N: number, K: number, n: number): number => hypergeometricCdf(k, N, K, n);

/** Hypergeometric PMF P(X = k). */
export const hyperPmf = (k: number, N: number, K: number, n: number): number => hypergeometricPmf(k, N, K, n);
