import { CommanderError } from 'commander';
import { normalizeError } from '../errors.js';
import { EXIT_OK, EXIT_USER, exitCodeFor } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram } from './program.js';

/**
 * Run the CLI and return the exit code (never calls process.exit, so tests can call it in-process).
 * @example
 *   const code = await main(['node', 'equilens', 'rates', 'counts.csv', '--format', 'json']);
 */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram({ io });
  try {
    await program.parseAsync([...argv]);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version "fail" with exit code 0 in commander.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USER;
    }
    const e = normalizeError(err);
    io.err(`equilens: ${e.describe()}\n`);
    if (e.code === 'internal' || e.code === 'engine_failure') {
      io.err('This is a bug in Equilens (or the engine). Please report it with the command you ran.\n');
      if (process.env.EQUILENS_DEBUG && e.cause instanceof Error) io.err(`${e.cause.stack ?? ''}\n`);
    }
    return exitCodeFor(e.code);
  }
}
