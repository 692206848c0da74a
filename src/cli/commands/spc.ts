/**
 * `equilens spc FILE`: run-chart and control-chart rules for a time series of aggregated data.
 *
 * Input: the series file (src/ingest/aggregate/spc-series.ts). Output: centre line, limits and every rule
 * signal per period (JSON by default; table or CSV), and with `--chart-file FILE` (or `--chart FILE`) the
 * chart itself as SVG or a self-contained HTML page (src/report/spc-chart.ts).
 */
import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { usageError } from '../../errors.js';
import { CHART_OPTIONS, readSeries, type ChartOption } from '../../ingest/aggregate/spc-series.js';
import { spcChartHtml, spcChartSvg } from '../../report/spc-chart.js';
import { spc, type SpcResult } from '../../stats/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatCsv, formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { readTable } from '../../ingest/aggregate/read-table.js';

interface SpcOptions {
  chart: string;
  chartFile?: string;
  title?: string;
  baseline?: string;
  format?: string;
}

const CHART_FILE = /\.(svg|html?)$/i;

/**
 * `--chart`: a chart type, or (a shorthand for --chart-file) a file name ending .svg or .html, which
 * writes the chart with the type chosen automatically.
 */
export function parseChart(value: string, chartFile?: string): { chart: ChartOption; file?: string } {
  if (CHART_FILE.test(value)) {
    if (chartFile)
      throw usageError(`--chart "${value}" and --chart-file both name a file.`, {
        fix: 'Give the chart type with --chart (auto, run, p, pprime, xmr) and the file with --chart-file.',
      });
    return { chart: 'auto', file: value };
  }
  if (!(CHART_OPTIONS as readonly string[]).includes(value))
    throw usageError(`--chart "${value}" is neither a chart type nor an .svg or .html file.`, {
      fix: `Use one of ${CHART_OPTIONS.join(', ')}, or a file name such as chart.svg or chart.html.`,
    });
  if (chartFile && !CHART_FILE.test(chartFile))
    throw usageError(`--chart-file "${chartFile}" does not end in .svg or .html.`, {
      fix: 'Name the file chart.svg (the chart alone) or chart.html (a page with the chart and its table).',
    });
  return { chart: value as ChartOption, ...(chartFile ? { file: chartFile } : {}) };
}

/** Write the chart of `result` to `path` (.svg: the chart; .html: a page with the chart and its data). */
async function writeChart(result: SpcResult, path: string, title: string): Promise<void> {
  const text = /\.svg$/i.test(path)
    ? await spcChartSvg(result, { title })
    : await spcChartHtml(result, { title });
  writeFileSync(path, text);
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
      new Option(
        '--chart <chart>',
        'auto (p / Laney p′ for counts, XmR for values), run, p, pprime or xmr; or a file (.svg, .html) to draw the chart in',
      ).default('auto'),
    )
    .option('--chart-file <file>', 'also draw the chart: FILE.svg (the chart) or FILE.html (chart and table)')
    .option('--title <text>', 'the chart title (default: the series file name)')
    .option('--baseline <n>', 'freeze the centre and limits of each phase at its first N periods')
    .addOption(commonOptions.format(['json', 'table', 'csv']).default('json'))
    .action(async (file: string, opts: SpcOptions) => {
      const format = parseFormat(opts.format ?? 'json', ['json', 'table', 'csv']);
      const baselinePeriods = parseBaseline(opts.baseline);
      const { chart, file: chartFile } = parseChart(opts.chart, opts.chartFile);
      const points = readSeries(readTable(file, ctx.io.cwd), chart);
      const result = spc(points, { chart, baselinePeriods });
      if (chartFile) {
        const title = opts.title ?? basename(file, extname(file));
        const path = resolve(ctx.io.cwd, chartFile);
        await writeChart(result, path, title);
        ctx.io.err(`chart: ${path}\n`);
      }
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
    'equilens spc monthly.csv --chart-file monthly.html --title "Readmissions, monthly"',
  );
}
