import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { CONFIG_TEMPLATE } from '../../config/template.js';
import { usageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';

export function initCommand(ctx: CliContext): Command {
  const cmd = new Command('init')
    .description('create equilens.yaml (the project config) in this folder')
    .addOption(commonOptions.config())
    .option('--force', 'overwrite an existing config file')
    .action((opts: { config: string; force?: boolean }) => {
      const path = resolve(ctx.io.cwd, opts.config);
      if (existsSync(path) && !opts.force) {
        throw usageError(`${opts.config} already exists; not overwriting it.`, {
          file: path,
          fix: 'Pass --force to overwrite it, or --config OTHER.yaml to write elsewhere.',
        });
      }
      writeFileSync(path, CONFIG_TEMPLATE);
      ctx.io.out(
        `Wrote ${opts.config}. Edit the sources and mapping, then run:\n  equilens ingest --config ${opts.config}\n`,
      );
    });
  return withExamples(cmd, 'equilens init', 'equilens init --config project/equilens.yaml --force');
}
