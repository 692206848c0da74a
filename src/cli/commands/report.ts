import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { EquilensError } from '../../errors.js';
import type { ResultsFile } from '../../model/results.js';
import { writeReport, type Lang } from '../../report/index.js';
import type { CliContext } from '../context.js';
import { withExamples } from '../options.js';

interface ReportCliOptions {
  results?: string;
  out: string;
  audience: 'internal' | 'public';
  lang: Lang;
  format?: string;
}

export function reportCommand(ctx: CliContext): Command {
  const cmd = new Command('report')
    .description('write the equity report (report.html) from an analysis run')
    .option('--results <path>', 'results.json to report on (default: <out>/results.json)')
    .option('-o, --out <dir>', 'output directory', 'out')
    .addOption(
      new Option('--audience <who>', 'internal or public')
        .choices(['internal', 'public'])
        .default('internal'),
    )
    .addOption(new Option('--lang <lang>', 'report language').choices(['en', 'es']).default('en'))
    .option('--format <format>', 'json for a machine-readable summary')
    .action(async (opts: ReportCliOptions) => {
      const path = opts.results ?? join(opts.out, 'results.json');
      let results: ResultsFile;
      try {
        results = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
      } catch (cause) {
        throw new EquilensError(
          'not_found',
          `Cannot read results file ${path}.`,
          {
            file: path,
            fix: 'Run `equilens analyze` first or pass --results PATH.',
          },
          { cause },
        );
      }
      const file = await writeReport({ results, out: opts.out, audience: opts.audience, lang: opts.lang });
      const summary = {
        file,
        audience: opts.audience,
        lang: opts.lang,
        findings: results.findings.length,
        measures: results.measures.length,
      };
      ctx.io.out(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : `wrote ${file}\n`);
    });
  return withExamples(cmd, 'equilens report --results out/results.json --audience public --out out');
}
