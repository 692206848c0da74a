/**
 * `equilens spc FILE`: run-chart and control-chart rules for a time series of aggregated data.
 *
 * Input: a CSV with `period` and either `numerator` + `denominator` (proportions: p / Laney p′ chart) or
 * `value` (XmR / run chart), optionally `phase` ("baseline", "PDSA 1", …). Rows are in time order.
 * When a file has both, counts are used for `auto`, `p` and `pprime`, values for `xmr` and `run`.
 * Output: centre line, limits and every rule signal per period (JSON by default; table or CSV).
 */
import { Command, Option } from 'commander';
import { invalidInput, usageError } from '../../errors.js';
import { spc, type SpcPoint, type SpcResult } from '../../stats/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatCsv, formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { optionalNumber, readTable, requireColumns, type Table } from '../../ingest/aggregate/read-table.js';

type ChartOption = 'auto' | 'run' | 'p' | 'pprime' | 'xmr';

interface SpcOptions {
  chart: ChartOption;
  baseline?: string;
  format?: string;
}

/** Parse `--baseline N` (a whole number of periods ≥ 1). */
export function parseBaseline(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw usageError(`--baseline "${value}" is not a number of periods.`, {
      fix: 'Give a whole number of baseline periods, at least 1, e.g. --baseline 12.',
    });
  }
  return n;
}

/** Read the series, checking every cell; errors name the file, line, column and the fix. */
export function readSeries(table: Table, chart: ChartOption): SpcPoint[] {
  const file = table.file;
  requireColumns(table, ['period']);
  const has = (c: string) => table.columns.includes(c);
  const hasCounts = has('numerator') || has('denominator');
  const useCounts = hasCounts && (chart === 'auto' || chart === 'p' || chart === 'pprime' || !has('value'));
  if (useCounts) requireColumns(table, ['numerator', 'denominator']);
  else if (!has('value')) {
    throw invalidInput(`The file has no column "value" (or "numerator" and "denominator").`, {
      file,
      line: 1,
      column: 'value',
      fix: `Add a "value" column for measurements, or "numerator" and "denominator" columns for proportions (found: ${table.columns.join(', ')}).`,
    });
  }
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const period = row.values['period'] ?? '';
    const at = { file, line: row.line, column: 'period' };
    if (period === '')
      throw invalidInput(`The period is empty.`, { ...at, fix: 'Name every period, e.g. 2024-01.' });
    const first = seen.get(period);
    if (first !== undefined) {
      throw invalidInput(`Period "${period}" repeats line ${first}.`, {
        ...at,
        fix: 'Give one row per period (add the counts of repeated rows together).',
      });
    }
    seen.set(period, row.line);
    const phase = has('phase') && row.values['phase'] !== '' ? (row.values['phase'] ?? null) : null;
    if (!useCounts) return { period, value: optionalNumber(row, 'value', file), phase };
    const numerator = optionalNumber(row, 'numerator', file, { min: 0 });
    const denominator = optionalNumber(row, 'denominator', file, { min: 0 });
    if (numerator !== null && denominator !== null && numerator > denominator) {
      throw invalidInput(`The numerator is larger than the denominator.`, {
        file,
        line: row.line,
        column: 'numerator',
        fix: 'A proportion needs numerator ≤ denominator; correct the row (or use a "value" column for rates).',
      });
    }
    return { period, numerator, denominator, phase };
  });
}

const round = (v: number | null, digits?: number): Cell =>
  v === null || digits === undefined ? v : +v.toFixed(digits);

/** One flat row per period for CSV and table output. */
export function spcRows(result: SpcResult, digits?: number): Record<string, Cell>[] {
  return result.points.map((p) => ({
    period: p.period,
    phase: p.phase,
    value: round(p.value, digits),
    centre: round(p.centre, digits),
    lower: round(p.lower, digits),
    upper: round(p.upper, digits),
    signals: p.signals.join(';'),
    warnings: result.warnings
      .filter((w) => w['period'] === p.period)
      .map((w) => w.code)
      .join(';'),
  }));
}

export function spcCommand(ctx: CliContext): Command {
  const cmd = new Command('spc')
    .description('run-chart and control-chart rules (Anhøj, NHS Making Data Count) for a time series')
    .argument('<file>', 'CSV with period and numerator, denominator (or value); optional phase')
    .addOption(
      new Option('--chart <chart>', 'auto (p / Laney p′ for counts, XmR for values), run, p, pprime or xmr')
        .choices(['auto', 'run', 'p', 'pprime', 'xmr'])
        .default('auto'),
    )
    .option('--baseline <n>', 'freeze the centre and limits of each phase at its first N periods')
    .addOption(commonOptions.format(['json', 'table', 'csv']).default('json'))
    .action((file: string, opts: SpcOptions) => {
      const format = parseFormat(opts.format ?? 'json', ['json', 'table', 'csv']);
      const baselinePeriods = parseBaseline(opts.baseline);
      const points = readSeries(readTable(file, ctx.io.cwd), opts.chart);
      const result = spc(points, { chart: opts.chart, baselinePeriods });
      if (format === 'json') {
        ctx.io.out(formatJson(result));
        return;
      }
      if (format === 'csv') {
        ctx.io.out(formatCsv(spcRows(result)));
        return;
      }
      ctx.io.out(`chart: ${result.chart}\n` + formatTable(spcRows(result, 4)));
      result.runs.forEach((r, i) => {
        const phase = result.points.filter((p, j, all) => j === 0 || p.phase !== all[j - 1]!.phase)[i]?.phase;
        ctx.io.out(
          `runs${phase ? ` (${phase})` : ''}: longest run ${r.longestRun} (limit ${r.longestRunMax}), ` +
            `crossings ${r.crossings} (minimum ${r.crossingsMin})${r.signal ? ' — non-random variation' : ''}\n`,
        );
      });
      for (const w of result.warnings.filter((w) => w['period'] === undefined))
        ctx.io.err(`warning: ${w.message}\n`);
    });
  return withExamples(
    cmd,
    'equilens spc monthly.csv                      # JSON: centre, limits and signals per period',
    'equilens spc monthly.csv --chart run --format table',
    'equilens spc readmissions.csv --chart pprime --baseline 12 --format csv',
  );
}
