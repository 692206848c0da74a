/**
 * Test data of the `WHOequity/healthequal` unit tests (tests/testthat/*.R at commit
 * c7824b8568ceb77641ad4ead6fa9907df5880d43), whose expected values our tests pin.
 *
 * The R tests build their data with R's random generator:
 *   ordered:      set.seed(123); pop <- round(rnorm(5, 100, 40)); est <- c(20, 30, 40, 50, 60);
 *                 se <- c(5, 7, 10, 12, 14); subgroup_order <- 1:5; scale 100; favourable
 *   non-ordered:  set.seed(123); pop <- round(rnorm(25, 1000, 300)); est <- rbinom(25, 1000, .065);
 *                 se <- rbinom(25, 100, .045); ref <- rep(0, 25); ref[sample(25, 1)] <- 1; scale 100; favourable
 * The literal vectors below are those draws, regenerated outside R with a line-by-line port of R's
 * Mersenne-Twister seeding, Inversion `norm_rand`, `rbinom` (src/nmath/rbinom.c, BTPE as before R 4.6) and
 * Rejection `sample` — and confirmed by reproducing healthequal's expected BGV, SE(BGV), IDISU, MLD, PAR and
 * MDRU to 7 significant digits.
 */
import type { InequalityInput } from '../types.js';

export const ORDERED = {
  pop: [78, 91, 162, 103, 105],
  est: [20, 30, 40, 50, 60],
  se: [5, 7, 10, 12, 14],
};

export const NON_ORDERED = {
  pop: [832, 931, 1468, 1021, 1039, 1515, 1138, 620, 794, 866, 1367, 1108, 1120, 1033, 833, 1536, 1149, 410, 1210, 858, 680, 935, 692, 781, 812],
  est: [61, 74, 58, 59, 72, 75, 74, 68, 75, 67, 73, 63, 66, 62, 60, 66, 71, 73, 71, 61, 74, 84, 55, 69, 60],
  se: [5, 3, 3, 3, 4, 9, 2, 2, 2, 5, 5, 7, 5, 6, 4, 5, 6, 6, 9, 4, 3, 4, 1, 3, 7],
  /** 1-based index of the reference subgroup (`sample(25, 1)`). */
  ref: 14,
};

export function orderedInput(overrides: Partial<InequalityInput> = {}): InequalityInput {
  return {
    subgroups: ORDERED.pop.map((population, i) => ({
      name: `Q${i + 1}`,
      estimate: ORDERED.est[i]!,
      se: ORDERED.se[i]!,
      population,
      order: i + 1,
    })),
    favourable: true,
    ordered: true,
    scale: 100,
    ...overrides,
  };
}

export function nonOrderedInput(overrides: Partial<InequalityInput> & { withReference?: boolean } = {}): InequalityInput {
  const { withReference = false, ...rest } = overrides;
  return {
    subgroups: NON_ORDERED.pop.map((population, i) => ({
      name: `Region ${i + 1}`,
      estimate: NON_ORDERED.est[i]!,
      se: NON_ORDERED.se[i]!,
      population,
      reference: withReference && i + 1 === NON_ORDERED.ref,
    })),
    favourable: true,
    ordered: false,
    scale: 100,
    ...rest,
  };
}

/** testthat's `expect_equal(actual, expected, tolerance)`: relative difference |a − e|/|e| ≤ tolerance. */
export function near(actual: number | null, expected: number, tolerance: number): boolean {
  return actual !== null && Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(expected), 1e-12);
}
