/** Small-cell suppression for shareable outputs (issue #4 item 4). Pure functions, no SQL. */
export { suppressResults } from './results.js';
export type { SuppressResultsOptions } from './results.js';
export { suppressTable, recoverBySubtraction, isHidden } from './table.js';
export type { Cell, Margin, SuppressTableOptions, SuppressionMap } from './table.js';
export { primaryReason, DEFAULT_THRESHOLD } from './primary.js';
export { DEFAULT_PROTECTION_WIDTH } from './intervals.js';
export type { PrimaryOptions } from './primary.js';
export { relativeStandardError } from './blank.js';
export { measureCells, keyId, PERIOD } from './cells.js';
export { PUBLIC_MINIMUM, publicShortfalls } from './public-minimum.js';
export { isIdentifyingName, OTHER_AREA } from './labels.js';
export { suppressAgainst } from './releases.js';
