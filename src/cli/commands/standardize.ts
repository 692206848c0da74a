import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function standardizeCommand(_ctx: CliContext): Command {
  const cmd = new Command('standardize')
    .description('directly age-standardised rates (Dobson limits) from counts by age band')
    .action(() => {
      throw new EquilensError('internal', '`equilens standardize` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens standardize deaths.csv --standard esp2013 --format json');
}
