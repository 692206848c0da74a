import { Command } from 'commander';
import { ingest, type IngestResult } from '../../ingest/index.js';
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
}

export function ingestCommand(ctx: CliContext): Command {
  const cmd = new Command('ingest')
    .description('load data into a new immutable dataset version, accounting for every row')
    .addOption(commonOptions.config())
    .option('--data <files...>', 'input file(s) of the first source (overrides sources[0].path)')
    .addOption(commonOptions.workspace())
    .addOption(commonOptions.format(['table', 'json']))
    .addOption(commonOptions.quiet())
    .action(async (opts: IngestCliOptions) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const progress = createProgress(ctx.io, 'ingest', { quiet: opts.quiet });
      const result = await ingest({
        configPath: opts.config,
        data: opts.data,
        workspace: resolvePath(ctx.io.cwd, opts.config, opts.workspace),
        cwd: ctx.io.cwd,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.done();
      ctx.io.out(format === 'json' ? formatJson(result) : render(result));
    });
  return withExamples(
    cmd,
    'equilens ingest --config equilens.yaml --data extract.csv.gz --format json',
    'equilens ingest --config examples/uci-diabetes/equilens.yaml --data ../shared/data/uci-diabetes-130/diabetic_data.csv.gz --workspace /tmp/ws',
  );
}

function render(r: IngestResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const rec = r.reconciliation;
  const out = [
    `Dataset ${r.dataset.id}: ${n(r.dataset.patients)} people, ${n(r.dataset.measureRows)} measure rows\n`,
    `Rows read ${n(rec.read)} = loaded ${n(rec.loaded)} + rejected ${n(rec.rejected)}\n\n`,
    formatTable(rec.files as unknown as Record<string, Cell>[], ['file', 'read', 'loaded', 'rejected']),
  ];
  if (rec.rejections.length) {
    out.push(
      `\nRejections (first ${rec.rejections.length}; all in ${rec.rejectionsFile ?? 'the workspace'})\n`,
      formatTable(rec.rejections as unknown as Record<string, Cell>[], ['file', 'line', 'column', 'reason']),
    );
  }
  if (rec.unmapped.length) {
    out.push(
      '\nUnmapped codes (loaded as Unknown; add them to mapping.attributes.<attribute>.values)\n',
      formatTable(rec.unmapped as unknown as Record<string, Cell>[], ['attribute', 'column', 'code', 'rows']),
    );
  }
  for (const w of r.warnings) out.push(`warning: ${w.message}\n`);
  return out.join('');
}
