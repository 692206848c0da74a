import { Command, Option } from 'commander';
import { invalidInput, usageError } from '../../errors.js';
import {
  DEFAULT_LEVELS,
  proportionEstimate,
  rateEstimate,
  type Estimate,
  type Interval,
} from '../../stats/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatCsv, formatJson, formatTable, parseFormat, type Cell, type OutputFormat } from '../output.js';
import { readTable, requireColumns, requireNumber } from '../../ingest/aggregate/read-table.js';

/** Parse `--confidence 0.95,0.998` (or `95,99.8`) into levels in (0, 1). */
export function parseConfidence(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_LEVELS];
  const levels = value.split(',').map((part) => {
    const n = Number(part.trim());
    const level = n > 1 && n < 100 ? n / 100 : n;
    if (!Number.isFinite(level) || level < 0.5 || level >= 1) {
      throw usageError(`--confidence "${part.trim()}" is not a confidence level.`, {
        fix: 'Give levels from 0.5 to below 1 (or percentages), comma-separated, e.g. --confidence 0.95,0.998.',
      });
    }
    return level;
  });
  return [...new Set(levels)];
}

/** Parse `--multiplier` (e.g. 100, 1000, 100000, 1e5). */
export function parseMultiplier(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) {
    throw usageError(`--multiplier "${value}" must be a positive number.`, {
      fix: 'e.g. --multiplier 100000',
    });
  }
  return n;
}

/** A level as a column suffix: 0.95 → "95", 0.998 → "99.8". */
export const levelLabel = (level: number): string => String(+(level * 100).toFixed(6));

/** Flatten `ci` into lower_95, upper_95, … columns for CSV and table output. */
export function ciCells(
  ci: readonly Interval[],
  levels: readonly number[],
  digits?: number,
): Record<string, Cell> {
  const round = (v: number | undefined): Cell =>
    v === undefined ? null : digits === undefined ? v : +v.toFixed(digits);
  const cells: Record<string, Cell> = {};
  for (const level of levels) {
    const c = ci.find((i) => i.level === level);
    cells[`lower_${levelLabel(level)}`] = round(c?.lower);
    cells[`upper_${levelLabel(level)}`] = round(c?.upper);
  }
  return cells;
}

/** Print rows as JSON (the objects), or as CSV/table with the `ci` flattened. */
export function printEstimates(
  ctx: CliContext,
  format: OutputFormat,
  objects: readonly (Record<string, unknown> & {
    value: number | null;
    ci: Interval[];
    warnings: { code: string }[];
  })[],
  levels: readonly number[],
): void {
  if (format === 'json') {
    ctx.io.out(formatJson(objects));
    return;
  }
  const digits = format === 'table' ? 4 : undefined;
  const rows = objects.map(({ ci, warnings, value, method, ...rest }) => ({
    ...(rest as Record<string, Cell>),
    value: value === null || digits === undefined ? value : +value.toFixed(digits),
    method: method as Cell,
    ...ciCells(ci, levels, digits),
    warnings: warnings.map((w) => w.code).join(';'),
  }));
  ctx.io.out(format === 'csv' ? formatCsv(rows) : formatTable(rows));
}

interface RatesOptions {
  type: 'proportion' | 'rate';
  multiplier?: string;
  confidence?: string;
  format?: string;
}

export function ratesCommand(ctx: CliContext): Command {
  const cmd = new Command('rates')
    .description('rates or proportions with confidence intervals from aggregated counts')
    .argument('<file>', 'CSV with columns numerator, denominator (other columns are passed through)')
    .addOption(
      new Option('-t, --type <type>', 'proportion (Wilson) or rate (exact Poisson < 10 events, Byar from 10)')
        .choices(['proportion', 'rate'])
        .default('proportion'),
    )
    .option('-m, --multiplier <n>', 'scale the value (default 1 for proportions, 100000 for rates)')
    .option('--confidence <levels>', 'confidence levels, comma-separated', '0.95,0.998')
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .action((file: string, opts: RatesOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const levels = parseConfidence(opts.confidence);
      const multiplier = parseMultiplier(opts.multiplier) ?? (opts.type === 'rate' ? 100_000 : 1);
      const table = readTable(file, ctx.io.cwd);
      requireColumns(table, ['numerator', 'denominator']);
      const passThrough = table.columns.filter((c) => c !== 'numerator' && c !== 'denominator');
      const out = table.rows.map((row) => {
        const x = requireNumber(row, 'numerator', file, { min: 0 });
        const n = requireNumber(row, 'denominator', file, { min: 0 });
        if (opts.type === 'proportion' && x > n) {
          throw invalidInput(`The numerator is larger than the denominator.`, {
            file,
            line: row.line,
            column: 'numerator',
            fix: 'A proportion needs numerator ≤ denominator; check the row, or use --type rate for event rates.',
          });
        }
        const e: Estimate =
          opts.type === 'proportion'
            ? proportionEstimate(x, n, { levels, multiplier })
            : rateEstimate(x, n, { levels, multiplier });
        const groups = Object.fromEntries(passThrough.map((c) => [c, row.values[c] ?? '']));
        return {
          ...groups,
          numerator: x,
          denominator: n,
          value: e.value,
          method: e.method,
          ci: e.ci,
          warnings: e.warnings,
        };
      });
      printEstimates(ctx, format, out, levels);
    });
  return withExamples(
    cmd,
    'equilens rates counts.csv --type proportion --confidence 0.95,0.998 --format json',
    'equilens rates admissions.csv --type rate --multiplier 1000 --format csv',
  );
}
