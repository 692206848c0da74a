import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function ratesCommand(_ctx: CliContext): Command {
  const cmd = new Command('rates')
    .description('rates or proportions with confidence intervals from aggregated counts')
    .action(() => {
      throw new EquilensError('internal', '`equilens rates` is not implemented yet.');
    });
  return withExamples(
    cmd,
    'equilens rates counts.csv --type proportion --confidence 0.95,0.998 --format json',
  );
}
