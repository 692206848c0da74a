import { Command } from 'commander';
import { usageError } from '../../errors.js';
import { analyzeRun } from '../../engine/analysis/index.js';
import type { Finding, MeasureResult, ResultsFile } from '../../model/results.js';
import { createLocale, measureScale, perUnit } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath } from '../paths.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';

interface AnalyzeCliOptions {
  config: string;
  workspace?: string;
  dataset?: string;
  out?: string;
  format?: string;
  top: string;
}

export function analyzeCommand(ctx: CliContext): Command {
  const cmd = new Command('analyze')
    .description('stratified equity analysis of a dataset version')
    .addOption(commonOptions.config())
    .addOption(commonOptions.workspace())
    .option('-d, --dataset <version>', 'dataset version (default: the newest)')
    .option(
      '-o, --out <dir>',
      'output folder for results.json, results.csv, results.parquet (default: out/; relative: to the config folder)',
    )
    .option('-n, --top <n>', 'findings to print', '10')
    .addOption(commonOptions.format(['table', 'json']))
    .action(async (opts: AnalyzeCliOptions) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 0)
        throw usageError(`Invalid --top "${opts.top}".`, { fix: 'Pass a whole number such as 10.' });
      const started = Date.now();
      const run = await analyzeRun({
        configPath: opts.config,
        workspace: resolvePath(ctx.io.cwd, opts.config, opts.workspace),
        out: resolvePath(ctx.io.cwd, opts.config, opts.out),
        dataset: parseVersion(opts.dataset),
        cwd: ctx.io.cwd,
      });
      const summary = summarize(run.results, { ...run.files }, top, (Date.now() - started) / 1000);
      ctx.io.out(format === 'json' ? formatJson(summary) : renderTable(summary, run.results));
    });
  return withExamples(
    cmd,
    'equilens analyze --config equilens.yaml --out out --format json',
    'equilens analyze --workspace .equilens --dataset 2 --top 20',
  );
}

function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value.replace(/^v/i, ''));
  if (!Number.isInteger(v) || v < 1)
    throw usageError(`Invalid --dataset "${value}".`, {
      fix: 'Pass a version number such as 3 (see `equilens datasets`).',
    });
  return v;
}

const describeValues = (f: Finding): string =>
  Object.entries(f.values)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

function summarize(results: ResultsFile, files: Record<string, string>, top: number, seconds: number) {
  const strata = results.measures.reduce((s, m) => s + m.strata.length, 0);
  const groups = results.measures.reduce((s, m) => s + m.strata.reduce((t, x) => t + x.groups.length, 0), 0);
  return {
    dataset: results.dataset,
    ...(results.ranking ? { ranking: results.ranking } : {}),
    configHash: results.stamp.configHash,
    softwareVersion: results.stamp.softwareVersion,
    counts: {
      measures: results.measures.length,
      strata,
      groups,
      intersections: results.intersections.length,
      findings: results.findings.length,
      worse: results.findings.filter((f) => f.kind === 'stratum').length,
      discovered: results.findings.filter((f) => f.kind === 'discovered').length,
      groupingSets: results.plan?.groupingSets ?? 0,
      warnings: results.warnings.length,
    },
    findings: results.findings.slice(0, top),
    files,
    seconds,
  };
}

const r = (x: number | null | undefined, d = 3) =>
  x === null || x === undefined ? null : Number(x.toFixed(d));
const en = createLocale('en');

/**
 * A rate as the table shows it: a proportion as now (0–1, 3 decimals); a count-based rate (kind 'rate')
 * with its unit, as the report shows it ("1,352.1 per 1,000"). `bound`: an interval end, in the same
 * units without repeating them ("1,203.4").
 */
function rateCell(m: MeasureResult | undefined, x: number | null | undefined, bound = false): Cell {
  const scale = measureScale(m);
  if (!scale.isRate || x === null || x === undefined) return r(x);
  return bound ? en.format(x, 'rate') : `${en.format(x, 'rate')} ${perUnit(en, scale)}`;
}

/** Right-align the given columns when they mix text ("352.1 per 1,000") with numbers, as numbers are. */
function alignRight(rows: Record<string, Cell>[], cols: readonly string[]): Record<string, Cell>[] {
  for (const c of cols) {
    if (!rows.some((row) => typeof row[c] === 'string')) continue;
    const text = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
    const width = Math.max(...rows.map((row) => text(row[c]).length));
    for (const row of rows) row[c] = text(row[c]).padStart(width);
  }
  return rows;
}

const RULES: Record<NonNullable<Finding['referenceRule']>, string> = {
  largest: 'largest group',
  named: 'named group',
  best: 'best-off group',
  everyone_else: 'everyone else',
  combination: 'reference combination',
};

const plural = (n: number, one: string, other: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : other}`;

/** How the findings are ordered (the same statement as the report's front page, in brief). */
function rankingLine(results: ResultsFile): string {
  const r = results.ranking;
  if (!r) return 'Top findings (ranked by events to close the gap)';
  const pins = r.pins > 0 ? 'pinned findings first, then ' : '';
  return `Top findings (${pins}by strength: gap relative to its measure at the cautious end of its interval; ${r.priorities.join(', ')} ×${r.priorityWeight}, process measures ×${r.processWeight}; unstable rates last)`;
}

function renderTable(summary: ReturnType<typeof summarize>, results: ResultsFile): string {
  const byId = new Map(results.measures.map((m) => [m.id, m]));
  const measures = results.measures.map((m) => ({
    measure: m.id,
    numerator: m.overall.numerator,
    denominator: m.overall.denominator,
    rate: rateCell(m, m.overall.rate),
    lower: rateCell(m, m.overall.lower, true),
    upper: rateCell(m, m.overall.upper, true),
    'worse groups': m.strata
      .filter((s) => !s.facet)
      .reduce((t, s) => t + s.groups.filter((g) => g.label === 'worse').length, 0),
    // what the denominator counts (people only when the unit is a person)
    unit: m.unit ?? null,
  })) as Record<string, Cell>[];
  const findings = summary.findings.map((f, i) => ({
    '#': i + 1,
    measure: f.measure,
    kind: f.kind,
    group: describeValues(f),
    rate: rateCell(byId.get(f.measure), f.rate),
    vs: f.comparison,
    'vs rate': rateCell(byId.get(f.measure), f.comparisonRate),
    'excess events': r(f.excessEvents, 1),
    q: f.qValue === null ? null : Number(f.qValue.toPrecision(2)),
    score: r(f.score, 3),
    // the rule that chose the comparison group, beside every comparison
    reference: f.referenceRule
      ? `${RULES[f.referenceRule]}${f.referenceWorse ? ', worse off' : ''}${f.pinned ? ', pinned' : ''}`
      : null,
  })) as Record<string, Cell>[];
  const ds = summary.dataset;
  const size = [
    ds.people !== undefined ? plural(ds.people, 'person', 'people') : '',
    plural(ds.measureRows ?? ds.rows, 'measure row', 'measure rows'),
  ].filter(Boolean);
  return [
    `Analysis of dataset ${ds.id} (${size.join(', ')}) in ${summary.seconds.toFixed(1)} s\n\n`,
    formatTable(alignRight(measures, ['rate', 'lower', 'upper'])),
    `\n${rankingLine(results)}\n`,
    findings.length ? formatTable(alignRight(findings, ['rate', 'vs rate'])) : '(none)\n',
    `\n${Object.entries(summary.files)
      .map(([k, v]) => `  ${k.padEnd(9)} ${v}`)
      .join('\n')}\n`,
  ].join('');
}
