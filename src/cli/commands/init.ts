import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function initCommand(_ctx: CliContext): Command {
  const cmd = new Command('init')
    .description('create equilens.yaml (the project config) in this folder')
    .action(() => {
      throw new EquilensError('internal', '`equilens init` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens init');
}
