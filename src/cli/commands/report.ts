import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load.js';
import {
  configuredDefinitions,
  LANGS,
  readResults,
  writeReport,
  type Lang,
  type LocalisedDefinition,
  type Provenance,
} from '../../report/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatJson } from '../output.js';
import { pathBase } from '../paths.js';

interface ReportCliOptions {
  results?: string;
  out: string;
  audience: 'internal' | 'public';
  lang: Lang;
  format: 'table' | 'json';
  config?: string;
  file?: string;
  edition: 'full' | 'summary';
  audit?: string;
  community?: string;
  payerMix?: string;
  workforce?: string;
}

/**
 * Measure definitions (with their translations) and the provenance the report names on every page, from
 * the config when there is one (never required).
 */
function fromConfig(
  cwd: string,
  config: string | undefined,
): { definitions: LocalisedDefinition[]; provenance: Provenance } | undefined {
  const path = resolve(cwd, config ?? 'equilens.yaml');
  if (!config && !existsSync(path)) return undefined;
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(path);
  } catch (err) {
    // An explicit --config must be valid; a stray equilens.yaml in the folder only adds definitions.
    if (config) throw err;
    return undefined;
  }
  const { project, measures } = loaded.config;
  return {
    definitions: configuredDefinitions(measures),
    provenance: {
      organisation: project.organisation ?? project.name,
      ...(project.period ? { period: project.period } : {}),
      ...(project.synthetic ? { synthetic: true } : {}),
    },
  };
}

export function reportCommand(ctx: CliContext): Command {
  const cmd = new Command('report')
    .description('write the equity report (one self-contained report.html) from an analysis run')
    .option(
      '--results <path>',
      'results file (default: <out>/results.json; with --audience public, <out>/results.public.json)',
    )
    .option('-o, --out <dir>', 'output directory (relative: to the config folder with --config)', 'out')
    .addOption(
      new Option('--audience <who>', 'internal (everything) or public (suppressed results only)')
        .choices(['internal', 'public'])
        .default('internal'),
    )
    .addOption(new Option('--lang <lang>', 'report language').choices(LANGS).default('en'))
    .option(
      '--file <name>',
      'report file name inside --out (default: report.html; report-public.html with --audience public; report-summary.html for --edition summary)',
    )
    .addOption(
      new Option(
        '--edition <which>',
        'full (everything) or summary (council & community, at most 4 printed pages)',
      )
        .choices(['full', 'summary'])
        .default('full'),
    )
    .option('-c, --config <file>', 'project config, for measure definitions in the methods appendix')
    .option('--audit <file>', 'add a model audit section from this audit.json (equilens audit-model --out)')
    .option(
      '--community <file>',
      'add "Who we serve" from this community.json (default: community.json beside the results, if there)',
    )
    .option(
      '--payer-mix <file>',
      'add "Payer mix" from this payer-mix.json (default: payer-mix.json beside the results, if there)',
    )
    .option(
      '--workforce <file>',
      'add "Workforce" from this file (default beside the results: workforce.json, or workforce.public.json with --audience public)',
    )
    .addOption(commonOptions.format(['table', 'json']))
    .action(async (opts: ReportCliOptions) => {
      const cwd = ctx.io.cwd;
      const base = pathBase(cwd, opts.config);
      const out = resolve(base, opts.out);
      const publicDefault = resolve(out, 'results.public.json');
      const path = opts.results
        ? resolve(base, opts.results)
        : opts.audience === 'public' && existsSync(publicDefault)
          ? publicDefault
          : resolve(out, 'results.json');
      const results = readResults(path);
      const cfg = fromConfig(cwd, opts.config);
      const file = await writeReport({
        results: path,
        out,
        audience: opts.audience,
        lang: opts.lang,
        edition: opts.edition,
        file:
          opts.file ??
          (opts.edition === 'summary'
            ? 'report-summary.html'
            : opts.audience === 'public'
              ? 'report-public.html'
              : 'report.html'),
        ...(cfg ? { definitions: cfg.definitions, provenance: cfg.provenance } : {}),
        ...(opts.audit ? { audit: resolve(cwd, opts.audit) } : {}),
        equity: {
          ...(opts.community ? { community: resolve(cwd, opts.community) } : {}),
          ...(opts.payerMix ? { payerMix: resolve(cwd, opts.payerMix) } : {}),
          ...(opts.workforce ? { workforce: resolve(cwd, opts.workforce) } : {}),
        },
      });
      const summary = {
        file,
        results: path,
        audience: opts.audience,
        lang: opts.lang,
        edition: opts.edition,
        measures: results.measures.length,
        findings: results.findings.length,
      };
      if (opts.format === 'json') ctx.io.out(formatJson(summary));
      else
        ctx.io.out(
          `Wrote the ${opts.audience} ${opts.edition === 'summary' ? 'summary ' : ''}report (${opts.lang}): ${relative(cwd, file) || file}\n` +
            `  ${summary.measures} measures, ${summary.findings} key findings, from ${relative(cwd, path) || path}\n`,
        );
    });
  return withExamples(
    cmd,
    'equilens report --out out',
    'equilens report --config equilens.yaml --audience public --out out   # out/report-public.html',
    'equilens report --results out/results.public.json --audience public --lang es --out out',
    'equilens report --edition summary --audience public --out out',
  );
}
