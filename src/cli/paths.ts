/**
 * One way to resolve paths for every command (issue #13 item 5): relative `--out`, `--results` and
 * `--workspace` resolve against the config's folder when a config is given (commands that need one always
 * have it, `equilens.yaml` by default), else against the current folder. `--config` and input files
 * (`--data`, a CSV argument) resolve against the current folder, as a shell user expects.
 */
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';

/** Said in the --help of every command that has one of these options. */
export const PATHS_HELP =
  '\nPaths: relative --out, --results and --workspace resolve against the folder of the config file when a\n' +
  'config is given, else the current folder; --config and --data resolve against the current folder.\n';

const PATH_OPTIONS = ['--out', '--results', '--workspace'];

/** The folder relative output paths resolve against. */
export function pathBase(cwd: string, config: string | undefined): string {
  return config === undefined ? cwd : dirname(resolve(cwd, config));
}

/** `path` resolved against pathBase; undefined stays undefined (the command's default applies). */
export function resolvePath(
  cwd: string,
  config: string | undefined,
  path: string | undefined,
): string | undefined {
  return path === undefined ? undefined : resolve(pathBase(cwd, config), path);
}

/** Add PATHS_HELP to a command's --help when it has a path option. */
export function withPathsHelp(cmd: Command): Command {
  if (cmd.options.some((o) => o.long !== undefined && PATH_OPTIONS.includes(o.long)))
    cmd.addHelpText('after', PATHS_HELP);
  return cmd;
}
