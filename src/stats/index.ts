/**
 * The statistics core: pure functions, no I/O, no clock. Named exports only (no `export *`).
 */
export { DEFAULT_LEVELS, isLevel, type Comparison, type Estimate, type Interval } from './types.js';
export { proportionEstimate, wilson } from './proportion.js';
export {
  byarLimits,
  exactPoissonLimits,
  poissonCountLimits,
  poissonMethod,
  poissonRateInterval,
  rateEstimate,
  type PoissonMethod,
} from './rate.js';
export { meanEstimate, meanInterval } from './mean.js';
export { invert, leastSquares, type LeastSquaresFit, type LeastSquaresResult } from './least-squares.js';
export { newcombeDifference } from './difference.js';
export { oddsRatio, rateRatio, riskRatio } from './ratios.js';
export { fisherExact, twoProportionTest, type TestResult } from './two-proportion-test.js';
export { benjaminiHochberg, holm } from './multiple-testing.js';
export { formatAgeBand, parseAgeBand, type AgeRange } from './age-band.js';
export type { Alignment } from './band-alignment.js';
export { builtInStandard, ESP2013, US2000, US2000_18, type StandardBand } from './standard-populations.js';
export {
  directStandardise,
  type DirectStandardised,
  type DirectStandardiseOptions,
} from './direct-standardise.js';
export { indirectStandardise, type IndirectStandardised } from './indirect-standardise.js';
// WHO HEAT summary measures of inequality and Healthy People 2030 disparity measures (owner: INEQUALITY).
export {
  absoluteConcentrationIndex,
  applicableMeasures,
  appliesToDimension,
  MEASURE_DIMENSION,
  type DimensionKind,
  bestGroupComparisons,
  betweenGroupSd,
  betweenGroupVariance,
  coefficientOfVariation,
  difference,
  indexOfDisparityUnweighted,
  indexOfDisparityWeighted,
  INEQUALITY_MEASURE_FUNCTIONS,
  INEQUALITY_MEASURES,
  inequalityMeasures,
  isInequalityMeasureCode,
  keppelPearcyIndexOfDisparity,
  meanDifferenceFromBestUnweighted,
  meanDifferenceFromBestWeighted,
  meanDifferenceFromMeanUnweighted,
  meanDifferenceFromMeanWeighted,
  meanDifferenceFromReferenceUnweighted,
  meanDifferenceFromReferenceWeighted,
  meanLogDeviation,
  populationAttributableFraction,
  populationAttributableRisk,
  ratio,
  relativeConcentrationIndex,
  relativeIndexOfInequality,
  slopeIndexOfInequality,
  summaryRateRatio,
  theilIndex,
  type BestGroupComparison,
  type BestGroupComparisons,
  type DisparityResult,
  type InequalityInput,
  type InequalityMeasureCode,
  type InequalityResult,
  type InequalitySubgroup,
} from './inequality/index.js';
// SPC (owner: SPC engineer) — run charts, p / Laney p′ / XmR charts, Anhøj and NHS MDC rules.
export {
  anhoj,
  crossingsLimit,
  longestRunLimit,
  spc,
  type AnhojResult,
  type SpcChart,
  type SpcOptions,
  type SpcPoint,
  type SpcPointResult,
  type SpcResult,
  type SpcSignal,
} from './spc/index.js';
