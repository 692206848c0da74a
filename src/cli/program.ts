import { Command } from 'commander';
import { VERSION } from '../version.js';
import type { CliContext } from './context.js';
import { commands } from './commands/index.js';
import { commonOptions } from './options.js';
import { withPathsHelp } from './paths.js';

/** Build the `equilens` program with every subcommand registered. */
export function buildProgram(ctx: CliContext): Command {
  // With --format json, commander's plain-text error is held back: main() writes the error as JSON.
  const writeErr = (s: string): void => {
    if (!ctx.json) ctx.io.err(s);
  };
  const program = new Command('equilens')
    .description(
      'Equilens: measure health and racial equity in your own data, act on it, and report it in public.',
    )
    .version(VERSION, '-V, --version', 'print the Equilens version')
    .showHelpAfterError('(run with --help for usage and an example)')
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 usage or input error (fix the input and run again), 2 internal error (please report it).
With --format json, an error is written to stderr as {"error": {"code", "message", "exitCode", "details"}}.

Example:
  $ equilens demo                       # synthetic health system -> ingest -> analyze -> report.html
  $ equilens ingest --config equilens.yaml --data extract.csv.gz`,
    );
  for (const register of commands) {
    const cmd = register(ctx);
    // -q/--quiet on every command (commands with progress output read it; elsewhere it is accepted).
    if (!cmd.options.some((o) => o.long === '--quiet')) cmd.addOption(commonOptions.quiet());
    withPathsHelp(cmd);
    cmd.exitOverride().configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr });
    program.addCommand(cmd);
  }
  return program;
}
