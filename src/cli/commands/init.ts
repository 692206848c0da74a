import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { configTemplate } from '../../config/template.js';
import { usageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';

/** The config JSON Schema shipped with this Equilens (schemas/ at the package root, beside dist/). */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../schemas/equilens.schema.json', import.meta.url));

/** How the config at `configPath` refers to the local schema: relative when it can be, else absolute. */
export function schemaReference(configPath: string, schemaFile = SCHEMA_FILE): string {
  const rel = relative(dirname(configPath), schemaFile);
  if (!rel || isAbsolute(rel)) return schemaFile.split(sep).join('/');
  return rel.split(sep).join('/');
}

export function initCommand(ctx: CliContext): Command {
  const cmd = new Command('init')
    .description('create equilens.yaml (the project config) in this folder')
    .addOption(commonOptions.config())
    .option('--force', 'overwrite an existing config file')
    .action((opts: { config: string; force?: boolean; quiet?: boolean }) => {
      const path = resolve(ctx.io.cwd, opts.config);
      if (existsSync(path) && !opts.force) {
        throw usageError(`${opts.config} already exists; not overwriting it.`, {
          file: path,
          fix: 'Pass --force to overwrite it, or --config OTHER.yaml to write elsewhere.',
        });
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, configTemplate(schemaReference(path)));
      if (opts.quiet) return;
      ctx.io.out(
        `Wrote ${opts.config}. Edit the sources and mapping (docs/mapping.md lists every attribute), then run:\n` +
          `  equilens ingest --config ${opts.config}\n`,
      );
    });
  return withExamples(cmd, 'equilens init', 'equilens init --config project/equilens.yaml --force');
}
