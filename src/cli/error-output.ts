import type { EquilensError } from '../errors.js';
import { exitCodeFor } from './exit-codes.js';

/**
 * Did the user ask for JSON output? Read from the raw argv so that errors raised before (or while)
 * commander parses the options are still written as JSON.
 */
export function wantsJson(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return false;
    if (a === '--format=json' || a === '-fjson' || a === '-f=json') return true;
    if ((a === '--format' || a === '-f') && argv[i + 1] === 'json') return true;
  }
  return false;
}

/** The machine-readable form of an error, written to stderr as one line of JSON. */
export interface ErrorJson {
  error: { code: string; message: string; exitCode: number; details: Record<string, unknown> };
}

export function errorJson(e: EquilensError): ErrorJson {
  return {
    error: { code: e.code, message: e.message, exitCode: exitCodeFor(e.code), details: { ...e.details } },
  };
}
