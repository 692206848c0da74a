import { Command } from 'commander';
import { EquilensError, invalidInput } from '../../errors.js';
import {
  builtInStandard,
  directStandardise,
  formatAgeBand,
  parseAgeBand,
  type StandardBand,
} from '../../stats/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { parseFormat } from '../output.js';
import {
  readTable,
  requireColumns,
  requireNumber,
  type Table,
  type TableRow,
} from '../../ingest/aggregate/read-table.js';
import { parseConfidence, parseMultiplier, printEstimates } from './rates.js';

interface StandardizeOptions {
  standard: string;
  multiplier?: string;
  confidence?: string;
  format?: string;
}

const checkBand = (row: TableRow, file: string): string => {
  const label = row.values['age_band'] ?? '';
  if (!parseAgeBand(label)) {
    throw invalidInput(`Age band "${label}" is not recognised.`, {
      file,
      line: row.line,
      column: 'age_band',
      fix: 'Write age bands as "0-4", "5-9", …, "85+" (or "0" / "<1" for under one).',
    });
  }
  return label;
};

/** A built-in standard by name, or a CSV with columns age_band, population. */
function loadStandard(spec: string, cwd: string): readonly StandardBand[] {
  const builtIn = builtInStandard(spec);
  if (builtIn) return builtIn;
  if (!/[./\\]/.test(spec)) {
    throw invalidInput(`Unknown standard population "${spec}".`, {
      fix: 'Use --standard esp2013, --standard us2000, or the path of a CSV with columns age_band, population.',
    });
  }
  const table = readTable(spec, cwd);
  requireColumns(table, ['age_band', 'population']);
  return table.rows.map((row) => ({
    ageBand: checkBand(row, spec),
    population: requireNumber(row, 'population', spec, { min: 0 }),
  }));
}

/** Attach the file and the line of the offending age band to an alignment error from the library. */
function locate(err: unknown, table: Table, rows: readonly TableRow[]): unknown {
  if (!(err instanceof EquilensError) || err.details.file) return err;
  const band = typeof err.details['ageBand'] === 'string' ? err.details['ageBand'] : undefined;
  const key = band && parseAgeBand(band);
  const row = rows.find((r) => {
    const parsed = parseAgeBand(r.values['age_band'] ?? '');
    return key && parsed && formatAgeBand(parsed) === formatAgeBand(key);
  });
  return new EquilensError(err.code, err.message, {
    ...err.details,
    file: table.file,
    line: row?.line,
    column: 'age_band',
  });
}

export function standardizeCommand(ctx: CliContext): Command {
  const cmd = new Command('standardize')
    .description('directly age-standardised rates (Dobson limits) from counts by age band')
    .argument('<file>', 'CSV with columns group, age_band, events, population')
    .option(
      '-s, --standard <name|file>',
      'esp2013, us2000, or a CSV with columns age_band, population',
      'esp2013',
    )
    .option('-m, --multiplier <n>', 'rate per this many people', '100000')
    .option('--confidence <levels>', 'confidence levels, comma-separated', '0.95,0.998')
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .action((file: string, opts: StandardizeOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const levels = parseConfidence(opts.confidence);
      const multiplier = parseMultiplier(opts.multiplier) ?? 100_000;
      const standard = loadStandard(opts.standard, ctx.io.cwd);
      const table = readTable(file, ctx.io.cwd);
      requireColumns(table, ['age_band', 'events', 'population']);
      const hasGroup = table.columns.includes('group');
      const groups = new Map<string, TableRow[]>();
      for (const row of table.rows) {
        checkBand(row, file);
        requireNumber(row, 'events', file, { min: 0 });
        requireNumber(row, 'population', file, { min: 0 });
        const g = hasGroup ? (row.values['group'] ?? '') : 'all';
        groups.set(g, [...(groups.get(g) ?? []), row]);
      }
      const out = [...groups].map(([group, rows]) => {
        const input = rows.map((row) => ({
          ageBand: row.values['age_band'] ?? '',
          events: requireNumber(row, 'events', file),
          population: requireNumber(row, 'population', file),
        }));
        try {
          const r = directStandardise(input, standard, { levels, multiplier, alignment: 'strict' });
          return {
            group,
            value: r.value,
            method: r.method,
            ci: r.ci,
            events: r.events,
            population: r.population,
            warnings: r.warnings,
          };
        } catch (err) {
          throw locate(err, table, rows);
        }
      });
      printEstimates(ctx, format, out, levels);
    });
  return withExamples(
    cmd,
    'equilens standardize deaths.csv --standard esp2013 --format json',
    'equilens standardize deaths.csv --standard us2000 --multiplier 100000 --confidence 0.95',
  );
}
