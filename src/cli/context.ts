import type { CliIO } from './io.js';

/** What every command's action receives besides its own options. */
export interface CliContext {
  io: CliIO;
}
