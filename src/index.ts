/**
 * Equilens library API. Named exports only (no `export *`): the public surface is deliberate.
 */
export { EquilensError, normalizeError } from './errors.js';
export type { ErrorCode, ErrorDetails, Location, Warning } from './errors.js';
export { VERSION } from './version.js';
