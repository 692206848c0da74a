import { Command } from 'commander';
import { EquilensError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

export function ingestCommand(_ctx: CliContext): Command {
  const cmd = new Command('ingest')
    .description('load data into a new immutable dataset version, accounting for every row')
    .action(() => {
      throw new EquilensError('internal', '`equilens ingest` is not implemented yet.');
    });
  return withExamples(cmd, 'equilens ingest --config equilens.yaml --data extract.csv.gz --format json');
}
