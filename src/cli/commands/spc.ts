import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function spcCommand(_ctx: CliContext): Command {
  const cmd = new Command('spc')
    .description('run-chart and control-chart rules for a time series')
    .action(() => {
      throw new EquilensError('internal', '`equilens spc` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens spc monthly.csv --format json');
}
