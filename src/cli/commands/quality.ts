import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { notFound, usageError } from '../../errors.js';
import { qualityReport, type QualityReport } from '../../engine/quality/index.js';
import { parseThresholds } from '../threshold-option.js';
import { getDataset, openWorkspace, resolveWorkspaceDir, WORKSPACE_FILE } from '../../engine/workspace.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath } from '../paths.js';
import { formatCsv, formatJson, formatTable, parseFormat, type Cell } from '../output.js';

interface QualityCliOptions {
  config: string;
  workspace?: string;
  dataset?: string;
  format?: string;
  period?: 'year' | 'quarter' | 'month' | 'none';
  threshold: string[];
}

export function qualityCommand(ctx: CliContext): Command {
  const cmd = new Command('quality')
    .description('data-quality report: completeness of REAL, SOGI and social-needs fields')
    .addOption(commonOptions.config())
    .addOption(commonOptions.workspace())
    .option('-d, --dataset <version>', 'dataset version (default: the newest)')
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .addOption(
      new Option(
        '--period <unit>',
        'bucket people by the period of their units (default: analysis.period)',
      ).choices(['year', 'quarter', 'month', 'none']),
    )
    .option(
      '-t, --threshold <field=pct>',
      'completeness target: known % for a field, or FIELD=off (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .action(async (opts: QualityCliOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const version = parseVersion(opts.dataset);
      const thresholds = parseThresholds(opts.threshold);
      const loaded = tryLoadConfig(resolve(ctx.io.cwd, opts.config), opts.workspace !== undefined);
      const configDir = loaded?.dir ?? dirname(resolve(ctx.io.cwd, opts.config));
      const dir = resolveWorkspaceDir(configDir, resolvePath(ctx.io.cwd, opts.config, opts.workspace));
      if (!existsSync(join(dir, WORKSPACE_FILE))) {
        throw notFound(`No workspace in ${dir}.`, {
          file: dir,
          fix: 'Run `equilens ingest` first, or pass --workspace DIR.',
        });
      }
      const configPeriod = loaded?.config.analysis.period;
      const period = opts.period ?? configPeriod ?? 'quarter';
      const ws = await openWorkspace(dir, { readOnly: true });
      try {
        const dataset = await getDataset(ws.engine, version);
        const report = await qualityReport(ws.engine, dataset, { period, thresholds });
        ctx.io.out(render(report, format));
      } finally {
        await ws.close();
      }
    });
  return withExamples(
    cmd,
    'equilens quality --config equilens.yaml --format json',
    'equilens quality --workspace .equilens --dataset 2 --threshold race_ethnicity=95 --format table',
  );
}

function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value.replace(/^v/i, ''));
  if (!Number.isInteger(v) || v < 1) {
    throw usageError(`Invalid --dataset "${value}".`, {
      fix: 'Pass a version number such as 3 (see `equilens datasets`).',
    });
  }
  return v;
}

/** The config is needed only to find the workspace and the period; with --workspace it is optional. */
function tryLoadConfig(path: string, optional: boolean): LoadedConfig | undefined {
  if (optional && !existsSync(path)) return undefined;
  return loadConfig(path);
}

const COLUMNS = ['field', 'known', 'unknown', 'declined', 'missing', 'conflicting', 'total', 'knownPct'];

function render(report: QualityReport, format: 'table' | 'json' | 'csv'): string {
  if (format === 'json') return formatJson(report);
  if (format === 'csv') {
    const rows: Record<string, Cell>[] = [
      ...report.fields.map((f) => ({ scope: 'all', source: null, period: null, ...f })),
      ...report.bySource.map((f) => ({ scope: 'source', period: null, ...f })),
      ...report.byPeriod.map((f) => ({ scope: 'period', source: null, ...f })),
    ];
    return formatCsv(rows, [
      'scope',
      'source',
      'period',
      ...COLUMNS,
      'unknownPct',
      'declinedPct',
      'missingPct',
      'conflictingPct',
    ]);
  }
  const d = report.dataset;
  const out = [
    `Data quality: dataset ${d.id} (${d.patients.toLocaleString('en-US')} people)\n\n`,
    formatTable(report.fields as unknown as Record<string, Cell>[], COLUMNS),
  ];
  if (report.thresholds.length) {
    out.push(
      '\nTargets (share of people with a known value)\n',
      formatTable(
        report.thresholds.map((t) => ({
          field: t.field,
          target: `${t.minKnownPct}%`,
          actual: `${t.actual}%`,
          status: t.passed ? 'ok' : 'below',
          shortfall: t.shortfall,
        })),
      ),
    );
  }
  out.push('\nWhat to fix first\n', ...report.summary.map((s) => `  ${s}\n`));
  out.push('\nBy source and by period: --format json or csv.\n');
  return out.join('');
}
