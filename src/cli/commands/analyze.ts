import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function analyzeCommand(_ctx: CliContext): Command {
  const cmd = new Command('analyze')
    .description('stratified equity analysis of a dataset version')
    .action(() => {
      throw new EquilensError('internal', '`equilens analyze` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens analyze --config equilens.yaml --out out --format json');
}
