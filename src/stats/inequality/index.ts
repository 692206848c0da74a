/**
 * WHO HEAT summary measures of inequality (and the Healthy People 2030 disparity measures). Pure: no I/O.
 * Each measure lives in its own file whose header gives its formula, interpretation, applicability and
 * citation; `docs/api-inequality.md` documents the API with examples.
 */
import { absoluteConcentrationIndex } from './absolute-concentration-index.js';
import { betweenGroupSd } from './between-group-sd.js';
import { betweenGroupVariance } from './between-group-variance.js';
import { coefficientOfVariation } from './coefficient-of-variation.js';
import { difference } from './difference.js';
import { indexOfDisparityUnweighted } from './index-of-disparity-unweighted.js';
import { indexOfDisparityWeighted } from './index-of-disparity-weighted.js';
import { meanDifferenceFromBestUnweighted } from './mean-difference-best-unweighted.js';
import { meanDifferenceFromBestWeighted } from './mean-difference-best-weighted.js';
import { meanDifferenceFromMeanUnweighted } from './mean-difference-mean-unweighted.js';
import { meanDifferenceFromMeanWeighted } from './mean-difference-mean-weighted.js';
import { meanDifferenceFromReferenceUnweighted } from './mean-difference-reference-unweighted.js';
import { meanDifferenceFromReferenceWeighted } from './mean-difference-reference-weighted.js';
import { meanLogDeviation } from './mean-log-deviation.js';
import { populationAttributableFraction } from './population-attributable-fraction.js';
import { populationAttributableRisk } from './population-attributable-risk.js';
import { ratio } from './ratio.js';
import { relativeConcentrationIndex } from './relative-concentration-index.js';
import { relativeIndexOfInequality } from './relative-index.js';
import { slopeIndexOfInequality } from './slope-index.js';
import { theilIndex } from './theil-index.js';
import type { InequalityInput, InequalityMeasureCode, InequalityResult } from './types.js';

export type {
  InequalityInput,
  InequalityMeasureCode,
  InequalityResult,
  InequalitySubgroup,
} from './types.js';
export {
  absoluteConcentrationIndex,
  betweenGroupSd,
  betweenGroupVariance,
  coefficientOfVariation,
  difference,
  indexOfDisparityUnweighted,
  indexOfDisparityWeighted,
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
  theilIndex,
};
export { SIMULATION_DRAWS, SIMULATION_SEED } from './simulation.js';
export {
  MEASURE_DIMENSION,
  appliesToDimension,
  applicableMeasures,
  type DimensionKind,
} from './applicability.js';
export {
  bestGroupComparisons,
  type BestGroupComparison,
  type BestGroupComparisons,
} from './healthy-people/best-group-comparisons.js';
export { summaryRateRatio } from './healthy-people/summary-rate-ratio.js';
export { keppelPearcyIndexOfDisparity } from './healthy-people/keppel-pearcy-index.js';
export type { DisparityResult } from './healthy-people/summary.js';

/** The measure function for each WHO HEAT code. */
export const INEQUALITY_MEASURE_FUNCTIONS: Readonly<
  Record<InequalityMeasureCode, (input: InequalityInput) => InequalityResult>
> = {
  D: difference,
  R: ratio,
  PAR: populationAttributableRisk,
  PAF: populationAttributableFraction,
  BGV: betweenGroupVariance,
  BGSD: betweenGroupSd,
  COV: coefficientOfVariation,
  IDISU: indexOfDisparityUnweighted,
  IDISW: indexOfDisparityWeighted,
  MDBU: meanDifferenceFromBestUnweighted,
  MDBW: meanDifferenceFromBestWeighted,
  MDMU: meanDifferenceFromMeanUnweighted,
  MDMW: meanDifferenceFromMeanWeighted,
  MDRU: meanDifferenceFromReferenceUnweighted,
  MDRW: meanDifferenceFromReferenceWeighted,
  MLD: meanLogDeviation,
  TI: theilIndex,
  ACI: absoluteConcentrationIndex,
  RCI: relativeConcentrationIndex,
  SII: slopeIndexOfInequality,
  RII: relativeIndexOfInequality,
};

/** All 21 WHO HEAT 6 measure codes, in HEAT's order. */
export const INEQUALITY_MEASURES: readonly InequalityMeasureCode[] = Object.keys(
  INEQUALITY_MEASURE_FUNCTIONS,
) as InequalityMeasureCode[];

/** True for a WHO HEAT measure code ('D', 'R', … 'RII'). */
export const isInequalityMeasureCode = (code: string): code is InequalityMeasureCode =>
  Object.prototype.hasOwnProperty.call(INEQUALITY_MEASURE_FUNCTIONS, code);

/**
 * Every requested measure (default: all 21), one result each, in the order asked. A measure that does not
 * apply to this dimension (e.g. SII on a non-ordered one) is all-null with a warning saying why.
 */
export function inequalityMeasures(
  input: InequalityInput,
  measures: readonly InequalityMeasureCode[] = INEQUALITY_MEASURES,
): InequalityResult[] {
  return measures.map((m) => {
    const fn = INEQUALITY_MEASURE_FUNCTIONS[m];
    if (!fn) {
      return {
        measure: m,
        estimate: null,
        se: null,
        lower: null,
        upper: null,
        warnings: [{ code: 'unknown_measure', message: `Unknown inequality measure "${String(m)}".` }],
      };
    }
    return fn(input);
  });
}
