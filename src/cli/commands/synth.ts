import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { usageError } from '../../errors.js';
import { defaultSpec, generate, loadSpec, nullSpec } from '../../synth/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatJson, formatTable } from '../output.js';
import { createProgress } from '../progress.js';
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { predictionsCsv, syntheticPredictions } from '../../synth/predictions.js';

const int =
  (name: string) =>
  (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1)
      throw usageError(`--${name} must be a positive whole number, got "${value}".`);
    return n;
  };

export function synthCommand(ctx: CliContext): Command {
  const cmd = new Command('synth')
    .description('generate a realistic synthetic health system with planted disparities')
    .option('-o, --out <dir>', 'output folder (extract.csv, equilens.yaml, truth.json)', 'synth-data')
    .option('-p, --patients <n>', 'number of patients (default 20000)', int('patients'))
    .option('-r, --rows <n>', 'exact number of encounter rows (for benchmarks)', int('rows'))
    .option('-s, --seed <n>', 'random seed: the same seed gives the same bytes', int('seed'), 1)
    .option('--spec <file>', 'planted-disparity spec (YAML or JSON); default: the built-in spec')
    .addOption(new Option('--null', 'plant nothing (every group has the same rates)').conflicts('spec'))
    .option('--print-spec', 'print the spec (YAML) and exit')
    .option(
      '--predictions <file>',
      'write only a predictions CSV with planted model problems (for audit-model) and exit',
    )
    .addOption(commonOptions.format(['table', 'json']))
    .addOption(commonOptions.quiet())
    .action(
      async (opts: {
        out: string;
        patients?: number;
        rows?: number;
        seed: number;
        spec?: string;
        null?: boolean;
        printSpec?: boolean;
        predictions?: string;
        format: string;
        quiet?: boolean;
      }) => {
        const spec = opts.spec
          ? loadSpec(resolve(ctx.io.cwd, opts.spec))
          : opts.null
            ? nullSpec()
            : defaultSpec();
        if (opts.predictions) {
          const rows = syntheticPredictions({ seed: opts.seed });
          writeFileSync(resolve(ctx.io.cwd, opts.predictions), predictionsCsv(rows));
          ctx.io.out(`Wrote ${rows.length} synthetic predictions to ${opts.predictions}\n`);
          return;
        }
        if (opts.printSpec) {
          ctx.io.out(stringify(spec, { lineWidth: 0 }));
          return;
        }
        const progress = createProgress(ctx.io, 'synth', { quiet: opts.quiet || opts.format === 'json' });
        const started = Date.now();
        const result = await generate(spec, {
          seed: opts.seed,
          patients: opts.patients,
          rows: opts.rows,
          out: resolve(ctx.io.cwd, opts.out),
          progress: (done, total) => progress.update(done, total),
        });
        progress.done();
        const seconds = (Date.now() - started) / 1000;
        const summary = {
          out: result.out,
          files: result.files,
          seed: result.seed,
          patients: result.patients,
          rows: result.rows,
          seconds,
          measures: result.truth.measures.map((m) => ({
            id: m.id,
            denominator: m.overall.denominator,
            rate: m.overall.rate,
            effects: m.effects.length,
          })),
          headline: result.truth.headline,
        };
        if (opts.format === 'json') {
          ctx.io.out(formatJson(summary));
          return;
        }
        ctx.io.out(
          `Wrote ${result.rows.toLocaleString('en-US')} encounter rows for ${result.patients.toLocaleString('en-US')} patients in ${seconds.toFixed(1)} s (seed ${result.seed}).\n\n`,
        );
        ctx.io.out(
          formatTable(
            summary.measures.map((m) => ({
              measure: m.id,
              denominator: m.denominator,
              rate: m.rate === null ? null : Number(m.rate.toFixed(4)),
              'planted effects': m.effects,
            })),
          ),
        );
        ctx.io.out(
          `\n  extract  ${result.files.extract}\n  config   ${result.files.config}\n  truth    ${result.files.truth}\n\nNext: equilens ingest --config ${result.files.config}\n`,
        );
      },
    );
  return withExamples(
    cmd,
    'equilens synth --out synth-data --patients 20000',
    'equilens synth --rows 10000000 --seed 7 --out bench-data --format json',
  );
}
