/**
 * `equilens inequality FILE` — the WHO HEAT summary measures of inequality from a file in the WHO HEAT Plus
 * upload layout, so HEAT users can bring their files. One result per setting × date × indicator × dimension
 * × measure. The layout and the computation live in src/ingest/aggregate/heat-upload.ts; this file is the
 * command line: options, output formats, and saying which direction it assumed.
 */
import { Command, Option } from 'commander';
import { usageError } from '../../errors.js';
import {
  assumedDirections,
  computeHeatResults,
  HEAT_COLUMNS,
  readHeatStrata,
} from '../../ingest/aggregate/heat-upload.js';
import { readTable } from '../../ingest/aggregate/read-table.js';
import {
  INEQUALITY_MEASURES,
  isInequalityMeasureCode,
  type InequalityMeasureCode,
} from '../../stats/inequality/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatCsv, formatJson, formatTable, parseFormat } from '../output.js';

/** The --help section listing every column of the layout. */
export function columnsHelp(): string {
  const width = Math.max(...HEAT_COLUMNS.map((c) => c.name.length));
  const lines = HEAT_COLUMNS.map(
    (c) => `  ${c.name.padEnd(width)}  ${c.required ? '(required) ' : ''}${c.meaning}`,
  );
  return `\nColumns (others, such as indicator_name or iso3, are ignored; an empty cell takes the default):\n${lines.join('\n')}\n`;
}

/** Parse `--measures`: "applicable" (default), "all", or a comma list of HEAT codes. */
export function parseMeasures(value: string | undefined): InequalityMeasureCode[] | 'applicable' {
  if (value === undefined || value === 'applicable') return 'applicable';
  if (value === 'all') return [...INEQUALITY_MEASURES];
  return value.split(',').map((raw) => {
    const code = raw.trim().toUpperCase();
    if (!isInequalityMeasureCode(code)) {
      throw usageError(`--measures: "${raw.trim()}" is not a WHO HEAT measure.`, {
        fix: `Use "all", "applicable" or codes from: ${INEQUALITY_MEASURES.join(', ')}.`,
      });
    }
    return code;
  });
}

interface InequalityOptions {
  format?: string;
  measures?: string;
  level?: string;
}

function parseLevel(value: string | undefined): number {
  if (value === undefined) return 0.95;
  const n = Number(value);
  const level = n > 1 && n < 100 ? n / 100 : n;
  if (!Number.isFinite(level) || level < 0.5 || level >= 1) {
    throw usageError(`--level "${value}" is not a confidence level.`, { fix: 'e.g. --level 0.95 (or 95).' });
  }
  return level;
}

export function inequalityCommand(ctx: CliContext): Command {
  const cmd = new Command('inequality')
    .description('WHO HEAT summary measures of inequality from a HEAT Plus upload file')
    .argument(
      '<file>',
      'CSV in the WHO HEAT Plus upload layout (setting, date, indicator_abbr, dimension, …)',
    )
    .addOption(
      new Option(
        '--measures <codes>',
        '"applicable" (measures that fit each dimension type), "all" (all 21), or codes, e.g. D,R,PAF,SII',
      ).default('applicable'),
    )
    .option('--level <level>', 'confidence level of the intervals', '0.95')
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .addHelpText('after', columnsHelp())
    .action((file: string, opts: InequalityOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const measures = parseMeasures(opts.measures);
      const level = parseLevel(opts.level);
      const strata = readHeatStrata(readTable(file, ctx.io.cwd));
      const results = computeHeatResults(strata, measures, level);
      const warnings = assumedDirections(strata);
      if (format === 'json') {
        ctx.io.out(formatJson({ results, warnings }));
        return;
      }
      for (const w of warnings) ctx.io.err(`note: ${w.message}\n`);
      const digits = format === 'table' ? 4 : undefined;
      const num = (x: number | null) => (x === null || digits === undefined ? x : +x.toFixed(digits));
      const rows = results.map((r) => ({
        ...r,
        estimate: num(r.estimate),
        se: num(r.se),
        lower: num(r.lower),
        upper: num(r.upper),
        warnings: r.warnings.map((w) => w.code).join(';'),
      }));
      ctx.io.out(format === 'csv' ? formatCsv(rows) : formatTable(rows));
    });
  return withExamples(
    cmd,
    'equilens inequality heat-upload.csv --format json',
    'equilens inequality heat-upload.csv --measures D,R,PAF,SII,RII --format csv',
  );
}
