import { CommanderError } from 'commander';
import { EquilensError, normalizeError } from '../errors.js';
import { errorJson, wantsJson } from './error-output.js';
import { withCliHint } from './hints.js';
import { EXIT_OK, exitCodeFor } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram } from './program.js';

/**
 * Run the CLI and return the exit code (never calls process.exit, so tests can call it in-process).
 * With `--format json`, an error is written to stderr as `{"error": {"code", "message", "exitCode", "details"}}`.
 * @example
 *   const code = await main(['node', 'equilens', 'rates', 'counts.csv', '--format', 'json']);
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const json = wantsJson(argv.slice(2));
  const program = buildProgram({ io, json });
  try {
    await program.parseAsync([...argv]);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0 in commander.
      if (err.exitCode === 0) return EXIT_OK;
      return report(usage(err), io, json);
    }
    return report(withCliHint(normalizeError(err)), io, json);
  }
}

/** A commander parse error as a usage error (its own text went to stderr already unless --format json). */
function usage(err: CommanderError): EquilensError {
  const message = err.message.replace(/^error: /, '');
  return new EquilensError('usage', message.charAt(0).toUpperCase() + message.slice(1), {
    fix: 'Run with --help for usage and an example.',
    commander: err.code,
  });
}

function report(e: EquilensError, io: CliIO, json: boolean): number {
  const internal = e.code === 'internal' || e.code === 'engine_failure';
  if (json) {
    const out = errorJson(e);
    if (internal && process.env.EQUILENS_DEBUG && e.cause instanceof Error)
      out.error.details.stack = e.cause.stack;
    io.err(`${JSON.stringify(out)}\n`);
    return exitCodeFor(e.code);
  }
  if (e.details.commander === undefined) io.err(`equilens: ${e.describe()}\n`);
  if (internal) {
    io.err('This is a bug in Equilens (or the engine). Please report it with the command you ran.\n');
    if (process.env.EQUILENS_DEBUG && e.cause instanceof Error) io.err(`${e.cause.stack ?? ''}\n`);
  }
  return exitCodeFor(e.code);
}
