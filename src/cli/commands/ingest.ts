import { Command } from 'commander';
import { ingest, type IngestResult, type Rejection } from '../../ingest/index.js';
import { ingestWorkforce, type WorkforceIngestResult } from '../../ingest/workforce/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath } from '../paths.js';
import { formatJson, formatTable, parseFormat, type Cell } from '../output.js';
import { createProgress } from '../progress.js';

interface IngestCliOptions {
  config: string;
  data?: string[];
  workspace?: string;
  format?: string;
  quiet?: boolean;
  force?: boolean;
  workforce?: boolean;
}

export function ingestCommand(ctx: CliContext): Command {
  const cmd = new Command('ingest')
    .description('load data into a new immutable dataset version, accounting for every row')
    .addOption(commonOptions.config())
    .option('--data <files...>', 'input file(s) of the first source (overrides sources[0].path)')
    .addOption(commonOptions.workspace())
    .addOption(commonOptions.format(['table', 'json']))
    .addOption(commonOptions.quiet())
    .option('--force', 'make a new version even when the data and config are unchanged since the newest one')
    .option(
      '--workforce',
      "load the config's workforce: HR extract into a new workforce version (not a patient dataset); --data overrides workforce.source.path",
    )
    .action(async (opts: IngestCliOptions) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      if (opts.workforce) {
        const result = await ingestWorkforce({
          configPath: opts.config,
          data: opts.data,
          workspace: resolvePath(ctx.io.cwd, opts.config, opts.workspace),
          cwd: ctx.io.cwd,
          force: opts.force,
        });
        return ctx.io.out(format === 'json' ? formatJson(result) : renderWorkforce(result));
      }
      const progress = createProgress(ctx.io, 'ingest', { quiet: opts.quiet });
      const result = await ingest({
        configPath: opts.config,
        data: opts.data,
        workspace: resolvePath(ctx.io.cwd, opts.config, opts.workspace),
        cwd: ctx.io.cwd,
        force: opts.force,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.done();
      ctx.io.out(format === 'json' ? formatJson(result) : render(result));
    });
  return withExamples(
    cmd,
    'equilens ingest --config equilens.yaml --data extract.csv.gz --format json',
    'equilens ingest --config equilens.yaml --force   # a new version even if nothing changed',
    'equilens ingest --config equilens.yaml --workforce   # the HR extract of the workforce: section',
    'equilens ingest --config examples/uci-diabetes/equilens.yaml --data ../shared/data/uci-diabetes-130/diabetic_data.csv.gz --workspace /tmp/ws',
  );
}

/** Files listed inline in the table output; more go to the reconciliation's files file only. */
const MAX_LISTED_FILES = 10;

/** A rejection as one line an editor or a script can follow: `file:line:column: reason`. */
const rejectionLine = (x: Rejection): string =>
  `${[x.file, x.line, x.column].filter((v) => v !== null && v !== undefined && v !== '').join(':')}: ${x.reason}`;

const n = (x: number) => x.toLocaleString('en-US');

/** The workforce ingest: the version, the employees and periods, and the same reconciliation. */
function renderWorkforce(r: WorkforceIngestResult): string {
  if (r.unchanged) return `${r.unchanged.message}\n`;
  const w = r.workforce;
  const periods = w.periods ? ` in ${n(w.periods)} period(s)` : '';
  const rec = r.reconciliation;
  return [
    `Workforce ${w.id}: ${n(w.employees)} employees${periods}\n`,
    `Rows read ${n(rec.read)} = loaded ${n(rec.loaded)} + rejected ${n(rec.rejected)}\n\n`,
    details(
      r,
      '\nUnknown values (loaded as Unknown; add them to workforce.mapping.attributes.<attribute>.values)\n',
    ),
  ].join('');
}

function render(r: IngestResult): string {
  const rec = r.reconciliation;
  if (r.unchanged) return `${r.unchanged.message}\n`;
  return [
    `Dataset ${r.dataset.id}: ${n(r.dataset.patients)} people, ${n(r.dataset.measureRows)} measure rows\n`,
    `Rows read ${n(rec.read)} = loaded ${n(rec.loaded)} + rejected ${n(rec.rejected)}\n\n`,
    details(r, '\nUnmapped codes (loaded as Unknown; add them to mapping.attributes.<attribute>.values)\n'),
  ].join('');
}

/** The per-file and per-source tables, the rejections, unmapped codes and warnings of an ingest. */
function details(r: Pick<IngestResult, 'reconciliation' | 'warnings'>, unmappedTitle: string): string {
  const rec = r.reconciliation;
  const out: string[] = [];
  const cols = ['read', 'loaded', 'rejected'];
  if (rec.files.length <= MAX_LISTED_FILES) {
    out.push(formatTable(rec.files as unknown as Record<string, Cell>[], ['file', ...cols]));
  }
  if (rec.sources.length > 1 || rec.files.length > MAX_LISTED_FILES) {
    if (rec.files.length <= MAX_LISTED_FILES) out.push('\n');
    out.push(
      formatTable(rec.sources as unknown as Record<string, Cell>[], ['source', 'type', 'files', ...cols]),
    );
  }
  if (rec.filesFile) out.push(`\nPer-file counts (${n(rec.files.length)} files): ${rec.filesFile}\n`);
  if (rec.rejections.length) {
    const all =
      rec.rejected > rec.rejections.length ? `first ${rec.rejections.length} of ${n(rec.rejected)}` : 'all';
    out.push(`\nRejected rows (${all}):\n`, ...rec.rejections.map((x) => `  ${rejectionLine(x)}\n`));
    if (rec.rejectionsFile) {
      out.push(
        `Every rejection: ${rec.rejectionsFile} (internal: it may hold source values of non-identifying columns; do not share it)\n`,
      );
    }
  }
  if (rec.unmapped.length) {
    out.push(
      unmappedTitle,
      formatTable(rec.unmapped as unknown as Record<string, Cell>[], ['attribute', 'column', 'code', 'rows']),
    );
  }
  for (const w of r.warnings) out.push(`warning: ${w.message}\n`);
  return out.join('');
}
