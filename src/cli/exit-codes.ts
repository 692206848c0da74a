import type { ErrorCode } from '../errors.js';

/**
 * Exit codes (a public contract, documented in the README):
 * - 0: success
 * - 1: usage or input error — the user can fix it (bad option, bad file, bad config, not found, small cell)
 * - 2: internal error — a bug or an engine failure; please report it
 */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

/** The one place error codes map to exit codes. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'invalid_config':
    case 'usage':
    case 'not_found':
    case 'small_cell':
    case 'not_applicable':
      return EXIT_USER;
    case 'engine_failure':
    case 'internal':
      return EXIT_INTERNAL;
  }
}
