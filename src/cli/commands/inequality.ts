import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function inequalityCommand(_ctx: CliContext): Command {
  const cmd = new Command('inequality')
    .description('WHO HEAT summary measures of inequality from a HEAT Plus upload file')
    .action(() => {
      throw new EquilensError('internal', '`equilens inequality` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens inequality heat-upload.csv --format json');
}
