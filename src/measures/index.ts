/**
 * Clinical measures: the declarative library (one file per measure in library/), its types, windows and
 * plain-language descriptions. The SDOH answer table lives in sdoh/.
 */
export { LIBRARY, libraryMeasure, libraryIds } from './library/index.js';
export { describeMeasure, describeCriterion, describeNumerator } from './describe.js';
export { windowDates, periodLabel, addDays, addMonths } from './window.js';
export type { Period } from './window.js';
export type {
  CodeList,
  Criterion,
  EncounterCriterion,
  EventCriterion,
  EventTable,
  MeasureDefinition,
  MeasureUnit,
  Numerator,
  Population,
  Window,
} from './types.js';
