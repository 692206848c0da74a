import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function datasetsCommand(_ctx: CliContext): Command {
  const cmd = new Command('datasets').description('list the dataset versions in the workspace').action(() => {
    throw new EquilensError('internal', '`equilens datasets` is not implemented yet.');
  });
  return withExamples(cmd, 'equilens datasets --format json');
}
