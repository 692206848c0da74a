import type { CliIO } from './io.js';

/** What every command's action receives besides its own options. */
export interface CliContext {
  io: CliIO;
  /** `--format json` was given: errors go to stderr as JSON, and commander's own error text is held back. */
  json?: boolean;
}
