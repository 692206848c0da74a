import { Command } from 'commander';
import { VERSION } from '../version.js';
import type { CliContext } from './context.js';
import { commands } from './commands/index.js';

/** Build the `equilens` program with every subcommand registered. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('equilens')
    .description(
      'Equilens: measure health and racial equity in your own data, act on it, and report it in public.',
    )
    .version(VERSION, '-V, --version', 'print the Equilens version')
    .showHelpAfterError('(run with --help for usage and an example)')
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 usage or input error (fix the input and run again), 2 internal error (please report it).

Example:
  $ equilens demo                       # synthetic health system -> ingest -> analyze -> report.html
  $ equilens ingest --config equilens.yaml --data extract.csv.gz`,
    );
  for (const register of commands) {
    const cmd = register(ctx);
    cmd.exitOverride().configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) });
    program.addCommand(cmd);
  }
  return program;
}
