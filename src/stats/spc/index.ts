/**
 * Run charts and control charts (SPC): the public API. Named exports only.
 *
 * @example
 * import { spc, anhoj } from './stats/spc/index.js';
 * anhoj([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // { longestRun: 5, longestRunMax: 6, crossings: 1, crossingsMin: 2, signal: true }
 * spc(rows, { chart: 'auto', baselinePeriods: 12 }); // p / p′ for counts, XmR for values
 */
export { anhoj, crossingsLimit, longestRunLimit } from './anhoj.js';
export { spc } from './spc.js';
export { laneySigmaZ } from './laney.js';
export { LARGE_DENOMINATOR, PRIME_RATIO_THRESHOLD } from './auto-chart.js';
export { SHIFT_LENGTH } from './shift.js';
export { TREND_LENGTH } from './trend.js';
export { XMR_FACTOR } from './xmr.js';
export type {
  AnhojResult,
  SpcChart,
  SpcOptions,
  SpcPoint,
  SpcPointResult,
  SpcResult,
  SpcSignal,
} from './types.js';
