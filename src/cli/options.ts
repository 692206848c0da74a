import { Option, type Command } from 'commander';

/** Options that many commands share; add them with `.addOption(...)`. */
export const commonOptions = {
  config: () => new Option('-c, --config <file>', 'project config file').default('equilens.yaml'),
  workspace: () =>
    new Option(
      '-w, --workspace <dir>',
      'workspace folder (default: .equilens/ beside the config; relative: to the config)',
    ),
  format: (choices: string[] = ['table', 'json', 'csv']) =>
    new Option('-f, --format <format>', 'output format').choices(choices).default('table'),
  quiet: () => new Option('-q, --quiet', 'no progress output'),
};

/** Append an "Example:" section to a subcommand's --help. */
export function withExamples(cmd: Command, ...examples: string[]): Command {
  return cmd.addHelpText('after', `\nExample:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
