import { Command } from 'commander';
import { resolve } from 'node:path';
import { usageError } from '../../errors.js';
import { DEMO_PATIENTS, KEY_FINDINGS, runDemo, type DemoStep } from '../../demo/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatJson } from '../output.js';
import { demoServeText, serveDemo } from '../../server/demo-serve.js';

const positive =
  (name: string) =>
  (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1)
      throw usageError(`--${name} must be a positive whole number, got "${value}".`);
    return n;
  };

const TITLES: Record<DemoStep['name'], string> = {
  synth: 'Generate a synthetic health system',
  ingest: 'Ingest into a new dataset version',
  analyze: 'Analyse: stratified rates, gaps, intersections',
  report: 'Write the equity report',
};

export function demoCommand(ctx: CliContext): Command {
  const cmd = new Command('demo')
    .description('run the whole job on synthetic data: synth, ingest, analyze, report')
    .option('-o, --out <dir>', 'output folder', 'equilens-demo')
    .option('-p, --patients <n>', `synthetic patients (default ${DEMO_PATIENTS})`, positive('patients'))
    .option('-s, --seed <n>', 'random seed', positive('seed'))
    .addOption(commonOptions.format(['table', 'json']))
    .addOption(commonOptions.quiet())
    .option('--serve', 'then serve a demo organisation with the demo analysis (equilens serve)')
    .option('--host <host>', 'with --serve: address to listen on', '127.0.0.1')
    .option('--port <port>', 'with --serve: port to listen on (0: any free port)', '8080')
    .action(
      async (opts: {
        out: string;
        patients?: number;
        seed?: number;
        format: string;
        quiet?: boolean;
        serve?: boolean;
        host: string;
        port: string;
      }) => {
        const json = opts.format === 'json';
        let n = 0;
        const summary = await runDemo({
          out: resolve(ctx.io.cwd, opts.out),
          patients: opts.patients,
          seed: opts.seed,
          onStep: (s) => {
            if (json || opts.quiet) return;
            if (s.status === 'running') {
              n++;
              ctx.io.out(`${n}. ${TITLES[s.name]}…\n`);
              return;
            }
            const time = s.seconds !== undefined ? ` (${s.seconds.toFixed(1)} s)` : '';
            ctx.io.out(`   ${s.status === 'done' ? 'done' : 'pending'}${time}: ${s.detail ?? ''}\n`);
          },
        });
        if (json && !opts.serve) {
          ctx.io.out(formatJson(summary));
          return;
        }
        if (opts.serve) {
          const port = Number(opts.port);
          if (!Number.isInteger(port) || port < 0 || port > 65_535)
            throw usageError(`Invalid --port "${opts.port}".`, { fix: 'Pass a port such as 8080.' });
          const demo = await serveDemo({
            out: summary.out,
            results: summary.results,
            configPath: resolve(summary.out, 'equilens.yaml'),
            host: opts.host,
            port,
          });
          ctx.io.out(demoServeText(demo.server.url, demo.org));
          await new Promise<void>((done) => {
            const stop = () => void demo.close().then(done);
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          return;
        }
        ctx.io.out(`\nFinished in ${summary.seconds.toFixed(1)} s. Everything is in ${summary.out}\n`);
        if (summary.headline) {
          const where = Object.entries(summary.headline.where)
            .map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join(' or ') : String(v)}`)
            .join(', ');
          const { rank, of } = summary.headline;
          const found =
            summary.headline.found === null
              ? ''
              : summary.headline.found
                ? ` — found by the analysis: key finding #${rank} of ${of}`
                : rank
                  ? ` — NOT among the first ${KEY_FINDINGS} key findings (it is finding #${rank} of ${of})`
                  : ' — NOT found';
          ctx.io.out(`Planted headline disparity: ${summary.headline.measure} for ${where}${found}.\n`);
        }
        if (summary.report) ctx.io.out(`\nOpen the report: ${summary.report}\n`);
        if (summary.publicReport)
          ctx.io.out(`Public edition (small counts suppressed): ${summary.publicReport}\n`);
        else ctx.io.out(`\nNo report yet: the pending steps above are not available in this build.\n`);
      },
    );
  return withExamples(
    cmd,
    'equilens demo',
    'equilens demo --out /tmp/demo --format json',
    'equilens demo --serve --port 8080',
  );
}
