import type { ErrorCode } from '../errors.js';

/**
 * Exit codes (a public contract, documented in the README):
 * - 0: success
 * - 1: usage or input error — the user can fix it (bad option, bad file, bad config, not found, small cell,
 *   disk full / read-only / permission denied)
 * - 2: internal error — a bug or an engine failure; please report it
 */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

/** The one place error codes map to exit codes (a Record, so a new code cannot be left unmapped). */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  invalid_input: EXIT_USER,
  invalid_config: EXIT_USER,
  usage: EXIT_USER,
  not_found: EXIT_USER,
  small_cell: EXIT_USER,
  not_applicable: EXIT_USER,
  io_failure: EXIT_USER,
  engine_failure: EXIT_INTERNAL,
  internal: EXIT_INTERNAL,
};

export function exitCodeFor(code: ErrorCode): number {
  return EXIT_CODES[code] ?? EXIT_INTERNAL;
}
